using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegenClinic.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SchedulingStaffAvailability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WeeklyWindows",
                table: "PatientAvailabilities",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "StaffOffDays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffOffDays", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffOffDays_SiteId_StaffUserId_Date",
                table: "StaffOffDays",
                columns: new[] { "SiteId", "StaffUserId", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaffOffDays");

            migrationBuilder.DropColumn(
                name: "WeeklyWindows",
                table: "PatientAvailabilities");
        }
    }
}
