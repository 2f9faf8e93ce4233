using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegenClinic.Data.Migrations.Postgres
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Seat",
                table: "Appointments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Staff",
                table: "Appointments",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "Table",
                table: "Appointments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PatientAvailabilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromMinute = table.Column<int>(type: "integer", nullable: true),
                    UntilMinute = table.Column<int>(type: "integer", nullable: true),
                    UnavailableDates = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    StayFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    StayTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientAvailabilities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScheduleRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Change = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HorizonStart = table.Column<DateOnly>(type: "date", nullable: false),
                    HorizonDays = table.Column<int>(type: "integer", nullable: false),
                    TimeLimitSeconds = table.Column<int>(type: "integer", nullable: false),
                    RequestedBy = table.Column<string>(type: "text", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Worker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Objective = table.Column<double>(type: "double precision", nullable: true),
                    Bound = table.Column<double>(type: "double precision", nullable: true),
                    Seconds = table.Column<double>(type: "double precision", nullable: true),
                    InstanceJson = table.Column<string>(type: "text", nullable: true),
                    ResultJson = table.Column<string>(type: "text", nullable: true),
                    PatientsToTell = table.Column<string>(type: "text", nullable: true),
                    Message = table.Column<string>(type: "text", nullable: true),
                    BookedFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedBy = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffShifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffUserId = table.Column<string>(type: "text", nullable: false),
                    Day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StartMinute = table.Column<int>(type: "integer", nullable: false),
                    EndMinute = table.Column<int>(type: "integer", nullable: false)
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
