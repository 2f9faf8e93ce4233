using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegenClinic.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SessionIndex",
                table: "Appointments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Therapy = table.Column<string>(type: "text", nullable: false),
                    Protocol = table.Column<string>(type: "text", nullable: false),
                    Sessions = table.Column<int>(type: "integer", nullable: false),
                    Pattern_Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Pattern_PerDay = table.Column<int>(type: "integer", nullable: false),
                    Pattern_MinGapMinutes = table.Column<int>(type: "integer", nullable: false),
                    Pattern_MinDays = table.Column<int>(type: "integer", nullable: false),
                    Pattern_MaxDays = table.Column<int>(type: "integer", nullable: false),
                    EarliestStart = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetStart = table.Column<DateOnly>(type: "date", nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Goals = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusReason = table.Column<string>(type: "text", nullable: true),
                    PrescribedBy = table.Column<string>(type: "text", nullable: false),
                    PrescribedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ScreeningId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConsentId = table.Column<Guid>(type: "uuid", nullable: true)
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
