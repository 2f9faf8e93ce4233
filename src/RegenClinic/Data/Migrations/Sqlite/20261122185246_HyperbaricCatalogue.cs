using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegenClinic.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HyperbaricCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CommissionedOn",
                table: "Chambers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DesignLifeCycles",
                table: "Chambers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DesignLifeYears",
                table: "Chambers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TreatmentTables",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    PressureAta = table.Column<double>(type: "REAL", nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    FastestCompressionMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FastestDecompressionAtaPerMinute = table.Column<double>(type: "REAL", nullable: false),
                    EmergencyOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    FromReference = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RetiredBy = table.Column<string>(type: "TEXT", nullable: true),
                    RetireReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentTables", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TreatmentTables");

            migrationBuilder.DropColumn(
                name: "CommissionedOn",
                table: "Chambers");

            migrationBuilder.DropColumn(
                name: "DesignLifeCycles",
                table: "Chambers");

            migrationBuilder.DropColumn(
                name: "DesignLifeYears",
                table: "Chambers");
        }
    }
}
