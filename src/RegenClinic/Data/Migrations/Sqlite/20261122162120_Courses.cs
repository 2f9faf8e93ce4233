using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegenClinic.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Courses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CourseId",
                table: "Appointments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SessionIndex",
                table: "Appointments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Therapy = table.Column<string>(type: "TEXT", nullable: false),
                    Protocol = table.Column<string>(type: "TEXT", nullable: false),
                    Sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    Pattern_Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Pattern_PerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Pattern_MinGapMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Pattern_MinDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Pattern_MaxDays = table.Column<int>(type: "INTEGER", nullable: false),
                    EarliestStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TargetStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Goals = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", nullable: true),
                    PrescribedBy = table.Column<string>(type: "TEXT", nullable: false),
                    PrescribedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScreeningId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Courses_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_CourseId_SessionIndex",
                table: "Appointments",
                columns: new[] { "CourseId", "SessionIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_PatientId_Status",
                table: "Courses",
                columns: new[] { "PatientId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_SiteId_Status",
                table: "Courses",
                columns: new[] { "SiteId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Courses");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_CourseId_SessionIndex",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "CourseId",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "SessionIndex",
                table: "Appointments");
        }
    }
}
