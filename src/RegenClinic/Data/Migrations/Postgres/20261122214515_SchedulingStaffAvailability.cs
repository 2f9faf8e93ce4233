using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegenClinic.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SchedulingStaffAvailability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "WeeklyWindows",
                table: "PatientAvailabilities",
                type: "text[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "StaffOffDays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffUserId = table.Column<string>(type: "text", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
