using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegenClinic.Data.Migrations.Postgres
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DesignLifeCycles",
                table: "Chambers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DesignLifeYears",
                table: "Chambers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TreatmentTables",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    PressureAta = table.Column<double>(type: "double precision", nullable: false),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    FastestCompressionMinutes = table.Column<double>(type: "double precision", nullable: false),
                    FastestDecompressionAtaPerMinute = table.Column<double>(type: "double precision", nullable: false),
                    EmergencyOnly = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    FromReference = table.Column<bool>(type: "boolean", nullable: false),
                    AddedBy = table.Column<string>(type: "text", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RetiredBy = table.Column<string>(type: "text", nullable: true),
                    RetireReason = table.Column<string>(type: "text", nullable: true)
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
