using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegenClinic.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Scheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "Appointments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Seat",
                table: "Appointments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Staff",
                table: "Appointments",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Table",
                table: "Appointments",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PatientAvailabilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromMinute = table.Column<int>(type: "INTEGER", nullable: true),
                    UntilMinute = table.Column<int>(type: "INTEGER", nullable: true),
                    UnavailableDates = table.Column<string>(type: "TEXT", nullable: false),
                    StayFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StayTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientAvailabilities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScheduleRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HorizonStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HorizonDays = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeLimitSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Worker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Objective = table.Column<double>(type: "REAL", nullable: true),
                    Bound = table.Column<double>(type: "REAL", nullable: true),
                    Seconds = table.Column<double>(type: "REAL", nullable: true),
                    InstanceJson = table.Column<string>(type: "TEXT", nullable: true),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: true),
                    PatientsToTell = table.Column<string>(type: "TEXT", nullable: true),
                    Message = table.Column<string>(type: "TEXT", nullable: true),
                    BookedFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffShifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StartMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    EndMinute = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffShifts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "UX_Appointments_ChamberSeat",
                table: "Appointments",
                columns: new[] { "ChamberId", "Start", "Seat" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled' AND \"ChamberId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UX_Appointments_RoomStart",
                table: "Appointments",
                columns: new[] { "RoomId", "Start" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled' AND \"RoomId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarLinks_TokenHash",
                table: "CalendarLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PatientAvailabilities_PatientId",
                table: "PatientAvailabilities",
                column: "PatientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleRuns_SiteId_RequestedAt",
                table: "ScheduleRuns",
                columns: new[] { "SiteId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "UX_ScheduleRuns_ActivePerSite",
                table: "ScheduleRuns",
                column: "SiteId",
                unique: true,
                filter: "\"Status\" IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "IX_StaffShifts_SiteId_StaffUserId_Day",
                table: "StaffShifts",
                columns: new[] { "SiteId", "StaffUserId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarLinks");

            migrationBuilder.DropTable(
                name: "PatientAvailabilities");

            migrationBuilder.DropTable(
                name: "ScheduleRuns");

            migrationBuilder.DropTable(
                name: "StaffShifts");

            migrationBuilder.DropIndex(
                name: "UX_Appointments_ChamberSeat",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "UX_Appointments_RoomStart",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "Seat",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "Staff",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "Table",
                table: "Appointments");
        }
    }
}
