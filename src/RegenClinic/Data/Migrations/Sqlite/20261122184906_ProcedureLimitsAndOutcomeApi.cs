using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegenClinic.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcedureLimitsAndOutcomeApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InjectionLimits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Ozone = table.Column<string>(type: "TEXT", nullable: false),
                    Prolotherapy = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SupersededAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InjectionLimits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InjectionLimits_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InjectionLimits_SiteId_Revision",
                table: "InjectionLimits",
                columns: new[] { "SiteId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InjectionLimits_Version",
                table: "InjectionLimits",
                column: "Version",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InjectionLimits");
        }
    }
}
