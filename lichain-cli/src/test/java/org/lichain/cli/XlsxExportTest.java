package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code --xlsx F} writes a workbook that, reopened with the same library (Apache POI), has the expected
 * sheets, headers with units, and cells equal to the command's JSON.
 */
class XlsxExportTest {
    @TempDir
    Path dir;

    static List<String> sheets(Workbook wb) {
        List<String> out = new ArrayList<>();
        wb.forEach(s -> out.add(s.getSheetName()));
        return out;
    }

    static List<String> header(Sheet s) {
        List<String> out = new ArrayList<>();
        s.getRow(0).forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    static int col(Sheet s, String name) {
        int i = header(s).indexOf(name);
        assertThat(i).as(s.getSheetName() + " has column " + name).isNotNegative();
        return i;
    }

    static String param(Sheet src, String name) {
        for (Row r : src) {
            if (r.getCell(0).getStringCellValue().equals(name)) {
                return r.getCell(1).toString();
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    @Test
    void curve_workbookMatchesTheJson() throws Exception {
        Path f = dir.resolve("curve.xlsx");
        CliTestSupport.Result r = CliTestSupport.run("curve", "--year", "2025", "--json", "--xlsx", f.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            assertThat(sheets(wb)).containsExactly("sources_parameters", "assets", "by_resource_type", "by_country");
            Sheet assets = wb.getSheet("assets");
            assertThat(header(assets)).contains("id", "capacity_t_lce", "c1_usd_per_t_lce", "aisc_usd_per_t_lce",
                    "c1_cny_per_t_incl_vat", "breakdown_usd_per_t_lce.royalties_taxes");
            assertThat(assets.getLastRowNum()).isEqualTo(j.get("assets").size());
            for (int i : new int[] {0, 10, j.get("assets").size() - 1}) {
                JsonNode a = j.get("assets").get(i);
                Row row = assets.getRow(i + 1);
                assertThat(row.getCell(col(assets, "id")).getStringCellValue()).isEqualTo(a.get("id").asText());
                assertThat(row.getCell(col(assets, "c1_usd_per_t_lce")).getNumericCellValue())
                        .isEqualTo(a.get("c1_usd_per_t_lce").asDouble());
                assertThat(row.getCell(col(assets, "breakdown_usd_per_t_lce.energy")).getNumericCellValue())
                        .isEqualTo(a.get("breakdown_usd_per_t_lce").get("energy").asDouble());
            }
            Sheet types = wb.getSheet("by_resource_type");
            assertThat(header(types)).startsWith("key").contains("share_at_loss", "median_c1_usd_per_t_lce");
            Sheet src = wb.getSheet("sources_parameters");
            assertThat(param(src, "price_usd_per_t_lce")).isEqualTo(Double.toString(j.get("price_usd_per_t_lce")
                    .asDouble()));
            assertThat(param(src, "price_source")).isEqualTo(j.get("price_source").asText()).contains("SMM");
            assertThat(param(src, "command")).isEqualTo("lichain curve --year 2025 --json --xlsx " + f);
        }
    }

    @Test
    void simulate_workbookHasOneSheetPerTable_andTheMonthlyCellsOfTheJson() throws Exception {
        Path f = dir.resolve("sim.xlsx");
        Path json = dir.resolve("sim.json");
        CliTestSupport.Result r = CliTestSupport.run("simulate", "--from", "2024-01", "--to", "2024-06", "--json",
                json.toString(), "--xlsx", f.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(json.toFile());
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            assertThat(sheets(wb)).startsWith("sources_parameters").contains("price", "production_t_lce",
                    "trade_flows_t_lce", "annual", "months");
            Sheet price = wb.getSheet("price");
            assertThat(header(price)).startsWith("months", "price.cny_per_t_incl_vat", "price.usd_per_t_lce");
            assertThat(price.getLastRowNum()).isEqualTo(6);
            for (int i = 0; i < 6; i++) {
                Row row = price.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(j.get("months").get(i).asText());
                assertThat(row.getCell(col(price, "price.cny_per_t_incl_vat")).getNumericCellValue())
                        .isEqualTo(j.get("price").get("cny_per_t_incl_vat").get(i).asDouble());
            }
            Sheet annual = wb.getSheet("annual");
            assertThat(header(annual)).startsWith("key").contains("price_cny_per_t_incl_vat_avg", "demand_t_lce");
            assertThat(annual.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2024");
            assertThat(param(wb.getSheet("sources_parameters"), "seed")).isEqualTo(
                    Double.toString(j.get("seed").asDouble()));
        }
    }

    @Test
    void company_workbookMatchesTheJson() throws Exception {
        Path f = dir.resolve("co.xlsx");
        CliTestSupport.Result r = CliTestSupport.run("company", "CATL", "--year", "2025", "--json", "--xlsx",
                f.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            assertThat(sheets(wb)).startsWith("sources_parameters").contains("segments", "assets", "months");
            Sheet seg = wb.getSheet("segments");
            int margin = header(seg).indexOf(header(seg).stream().filter(h -> h.startsWith("margin_usd")).findFirst()
                    .orElseThrow());
            String marginField = header(seg).get(margin);
            for (int i = 0; i < j.get("segments").size(); i++) {
                assertThat(seg.getRow(i + 1).getCell(margin).getNumericCellValue())
                        .isEqualTo(j.get("segments").get(i).get(marginField).asDouble());
            }
            assertThat(param(wb.getSheet("sources_parameters"), "price_path")).isEqualTo(j.get("price_path").asText());
        }
    }

    @Test
    void mcSummary_workbookHasThePercentilesAsALongTable(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path f = tmp.resolve("mc.xlsx");
        CliTestSupport.Result r = CliTestSupport.run("mc", "--scenario", McCommandTest.toy(tmp, "toy", 0).toString(),
                "--runs", "20", "--threads", "1", "--seed", "3", "--out", tmp.resolve("out").toString(),
                "--no-progress", "--json", "--xlsx", f.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            Sheet p = wb.getSheet("percentiles_by_year");
            assertThat(header(p)).startsWith("metric", "unit", "year").contains("p5", "p50", "p95");
            Row first = p.getRow(1);
            String metric = first.getCell(0).getStringCellValue();
            int year = (int) first.getCell(2).getNumericCellValue();
            assertThat(first.getCell(col(p, "p50")).getNumericCellValue())
                    .isEqualTo(j.get("metrics").get(metric).get(Integer.toString(year)).get("p50").asDouble());
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(j.get("units").get(metric).asText());
        }
    }
}
