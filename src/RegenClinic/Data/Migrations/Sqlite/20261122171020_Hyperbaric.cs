using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegenClinic.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Hyperbaric : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChamberLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChamberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: false),
                    CycleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DiveId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChamberLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HbotAdverseEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DiveId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Timing = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ONeillGrade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActionTaken = table.Column<string>(type: "TEXT", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", nullable: false),
                    PauseReason = table.Column<string>(type: "TEXT", nullable: true),
                    ClearedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ClearedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClearanceReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HbotAdverseEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HbotDailyOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HbotDailyOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HbotDives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChamberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TableId = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Operator = table.Column<string>(type: "TEXT", nullable: false),
                    Attendant = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Occupants = table.Column<string>(type: "TEXT", nullable: false),
                    Events = table.Column<string>(type: "TEXT", nullable: false),
                    Alarms = table.Column<string>(type: "TEXT", nullable: false),
                    Telemetry = table.Column<string>(type: "TEXT", nullable: true),
                    Otu = table.Column<double>(type: "REAL", nullable: true),
                    MaxPo2 = table.Column<double>(type: "REAL", nullable: true),
                    PlannedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HbotDives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HbotProgressNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HbotProgressNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PreDiveChecklists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SessionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Input = table.Column<string>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    CanPressurise = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DiveId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreDiveChecklists", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChamberLog_ChamberId_Sequence",
                table: "ChamberLog",
                columns: new[] { "ChamberId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HbotAdverseEvents_CourseId_OccurredAt",
                table: "HbotAdverseEvents",
                columns: new[] { "CourseId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HbotDailyOrders_CourseId_Date",
                table: "HbotDailyOrders",
                columns: new[] { "CourseId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HbotDives_ChamberId_Date",
                table: "HbotDives",
                columns: new[] { "ChamberId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_HbotProgressNotes_CourseId_Date",
                table: "HbotProgressNotes",
                columns: new[] { "CourseId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PreDiveChecklists_CourseId_SessionDate",
                table: "PreDiveChecklists",
                columns: new[] { "CourseId", "SessionDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChamberLog");

            migrationBuilder.DropTable(
                name: "HbotAdverseEvents");

            migrationBuilder.DropTable(
                name: "HbotDailyOrders");

            migrationBuilder.DropTable(
                name: "HbotDives");

            migrationBuilder.DropTable(
                name: "HbotProgressNotes");

            migrationBuilder.DropTable(
                name: "PreDiveChecklists");
        }
    }
}
