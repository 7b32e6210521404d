package org.lichain.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lichain.world.MonthlyPrices;

/** The monthly price record: its validation (file:line:field) and the default price it gives for a year or month. */
class MonthlyPricesTest {
    static final String HEADER = "series,period,value,unit,kind,source\n";

    static MonthlyPrices parse(String body, Problems p) {
        return MonthlyPricesExtension.parse(CsvTable.parse("prices_monthly.csv", HEADER + body, p), p);
    }

    @Test
    void badRows_areEachReportedWithLineAndField() {
        Problems p = new Problems();
        MonthlyPrices mp = parse("""
                cn_li2co3_battery_smm,2025-01,100,cny_per_t_incl_vat,monthly_avg,SMM
                cn_li2co3_battery_smm,2025-13,100,cny_per_t_incl_vat,monthly_avg,SMM
                cn_li2co3_battery_smm,2025-02,-5,cny_per_t_incl_vat,monthly_avg,SMM
                cn_li2co3_battery_smm,2025-03,100,usd_per_t,monthly_avg,SMM
                cn_li2co3_battery_smm,2025-04,100,cny_per_t_incl_vat,weekly,SMM
                cn_li2co3_battery_smm,2025-05,100,cny_per_t_incl_vat,monthly_avg,
                cn_li2co3_battery_smm,2025-01,101,cny_per_t_incl_vat,monthly_avg,SMM
                """, p);
        List<String> shown = p.list().stream().map(Problem::toString).toList();
        assertThat(shown).hasSize(6);
        assertThat(shown.get(0)).startsWith("prices_monthly.csv:3").contains("'period'").contains("YYYY-MM");
        assertThat(shown.get(1)).startsWith("prices_monthly.csv:4").contains("'value'").contains("positive");
        assertThat(shown.get(2)).startsWith("prices_monthly.csv:5").contains("'unit'").contains("cny_per_t_incl_vat");
        assertThat(shown.get(3)).startsWith("prices_monthly.csv:6").contains("'kind'");
        assertThat(shown.get(4)).startsWith("prices_monthly.csv:7").contains("'source'");
        assertThat(shown.get(5)).startsWith("prices_monthly.csv:8").contains("duplicate");
        assertThat(mp.carbonateMonthly()).hasSize(1); // only the good row
    }

    /**
     * Full year: the mean of its 12 averages; incomplete year: its latest month; after the record: the record's last
     * month; before it: none. Here 2024 has months 1..12 valued 1..12 (mean 6.5) and 2025 only Jan (20) and Feb (30).
     */
    @Test
    void defaultPrice_isTheYearsMean_elseTheLatestKnownMonth() {
        StringBuilder rows = new StringBuilder();
        for (int m = 1; m <= 12; m++) {
            rows.append(String.format("cn_li2co3_battery_smm,2024-%02d,%d,cny_per_t_incl_vat,monthly_avg,S%n", m, m));
        }
        rows.append("cn_li2co3_battery_smm,2025-01,20,cny_per_t_incl_vat,monthly_avg,S\n");
        rows.append("cn_li2co3_battery_smm,2025-02,30,cny_per_t_incl_vat,monthly_avg,S\n");
        rows.append("cn_li2co3_battery_smm,2025-02,99,cny_per_t_incl_vat,month_end,S\n");
        Problems p = new Problems();
        MonthlyPrices mp = parse(rows.toString(), p);
        assertThat(p.isEmpty()).as(p.list().toString()).isTrue();
        assertThat(mp.carbonateForYear(2024).orElseThrow().cnyPerTInclVat()).isCloseTo(6.5, within(1e-12));
        MonthlyPrices.Quote y2025 = mp.carbonateForYear(2025).orElseThrow();
        assertThat(y2025.cnyPerTInclVat()).isEqualTo(30.0); // the monthly average, not the month-end 99
        assertThat(y2025.basis()).contains("latest month 2025-02").contains("2 of 2025's 12 months");
        MonthlyPrices.Quote y2030 = mp.carbonateForYear(2030).orElseThrow();
        assertThat(y2030.cnyPerTInclVat()).isEqualTo(30.0);
        assertThat(y2030.basis()).contains("record ends before 2030");
        assertThat(mp.carbonateForYear(2023)).isEmpty();
        assertThat(mp.carbonateForMonth(YearMonth.of(2024, 7)).orElseThrow().cnyPerTInclVat()).isEqualTo(7.0);
        assertThat(mp.carbonateForMonth(YearMonth.of(2026, 3)).orElseThrow().months())
                .containsExactly(YearMonth.of(2025, 2));
    }

    /** The embedded record: SMM every month 2017-01..2025-12, nothing after the data vintage. */
    @Test
    void embeddedRecord_coversEveryMonth2017To2025_andNothingLater() {
        MonthlyPrices mp = DatasetLoader.loadEmbedded().extension(MonthlyPrices.class).orElseThrow();
        assertThat(mp.carbonateMonthly()).hasSize(108);
        assertThat(mp.carbonateMonthly().firstKey()).isEqualTo(YearMonth.of(2017, 1));
        assertThat(mp.lastCarbonateMonth()).contains(YearMonth.of(2025, 12));
        // reference/prices_monthly.csv: SMM 2025-12 monthly average 99,613.0 CNY/t incl. VAT
        assertThat(mp.carbonateMonthly().get(YearMonth.of(2025, 12)).value()).isEqualTo(99_613.0);
    }
}
