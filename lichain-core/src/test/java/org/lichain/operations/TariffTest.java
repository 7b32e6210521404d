package org.lichain.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.dataset.Problem;
import org.lichain.dataset.Problems;
import org.lichain.world.World;

class TariffTest {
    static final World WORLD = DatasetLoader.loadEmbedded();
    static final Tariff JX = PlantModels.tariff(WORLD, "CN-JX-2025-DRAFT");

    static double meanMultiplier(Tariff t, LocalDate day) {
        HourlyTariff h = t.hourly(day.atStartOfDay(), 24);
        double sum = 0;
        for (double p : h.priceCnyPerKwh()) {
            sum += p;
        }
        return sum / 24 / t.flatCnyPerKwh();
    }

    @Test
    void jiangxiDraft_julyHours() {
        HourlyTariff h = JX.hourly(YearMonth.of(2025, 7));
        double f = 0.63;
        double[] p = h.priceCnyPerKwh();
        assertThat(h.hours()).isEqualTo(744);
        assertThat(p[0]).isCloseTo(f, within(1e-12)); // 00-01 flat
        assertThat(p[1]).isCloseTo(0.4 * f, within(1e-12)); // valley 01-05
        assertThat(p[11]).isCloseTo((0.5 * 1.0 + 0.5 * 0.4) * f, within(1e-12)); // 11:00 flat, 11:30 valley
        assertThat(p[12]).isCloseTo(0.3 * f, within(1e-12)); // deep valley 12-14
        assertThat(p[14]).isCloseTo(0.7 * f, within(1e-12)); // 14:00 valley, 14:30 flat
        assertThat(p[17]).isCloseTo(1.6 * f, within(1e-12)); // peak 17-23
        assertThat(p[21]).isCloseTo(1.8 * f, within(1e-12)); // critical 21-23
        assertThat(p[23]).isCloseTo(f, within(1e-12));
        assertThat(h.valleyShare()[11]).isEqualTo(0.5);
        assertThat(h.band()[12]).isEqualTo(Band.DEEP_VALLEY);
        assertThat(h.band()[22]).isEqualTo(Band.CRITICAL_PEAK);
    }

    @Test
    void jiangxiDraft_flatLoadMultipliers_matchTheReference() {
        // energy.md §2b [D]: a flat 24 h load pays Mar-Jun/Sep 0.967, Jul-Aug 0.983, Jan/Dec 1.017, Feb 1.000 x flat.
        // e.g. July: 10 flat h + 4 valley x 0.4 + 2 half-valley h x 0.7 + 2 deep x 0.3 + 4 peak x 1.6 + 2 critical
        // x 1.8 = 23.6 / 24 = 0.9833.
        assertThat(meanMultiplier(JX, LocalDate.of(2025, 7, 15))).isCloseTo(23.6 / 24, within(1e-12));
        assertThat(meanMultiplier(JX, LocalDate.of(2025, 3, 12))).isCloseTo(0.967, within(5e-4));
        assertThat(meanMultiplier(JX, LocalDate.of(2025, 9, 12))).isCloseTo(0.967, within(5e-4));
        assertThat(meanMultiplier(JX, LocalDate.of(2025, 1, 10))).isCloseTo(1.017, within(5e-4));
        assertThat(meanMultiplier(JX, LocalDate.of(2025, 2, 10))).isCloseTo(1.000, within(5e-4));
    }

    @Test
    void jiangxiDraft_springFestivalHasADeepValleyAtNoon() {
        // Spring Festival 2025: 28 Jan - 4 Feb (holiday rows); January has no midday valley on other days.
        double normal = JX.hourly(LocalDate.of(2025, 1, 27).atStartOfDay(), 24).priceCnyPerKwh()[12];
        double holiday = JX.hourly(LocalDate.of(2025, 1, 28).atStartOfDay(), 24).priceCnyPerKwh()[12];
        assertThat(normal).isCloseTo(0.63, within(1e-12));
        assertThat(holiday).isCloseTo(0.3 * 0.63, within(1e-12));
    }

    @Test
    void sichuan2023_valleyFromElevenAtNight() {
        Tariff sc = PlantModels.tariff(WORLD, "CN-SC-2023");
        double[] p = sc.hourly(LocalDate.of(2025, 7, 1).atStartOfDay(), 24).priceCnyPerKwh();
        assertThat(p[23]).isCloseTo(0.5 * 0.63, within(1e-12));
        assertThat(p[6]).isCloseTo(0.5 * 0.63, within(1e-12));
        assertThat(p[7]).isCloseTo(0.63, within(1e-12));
        assertThat(p[15]).isCloseTo(1.8 * 0.63, within(1e-12)); // critical peak Jul 15-17
        assertThat(p[18]).isCloseTo(1.5 * 0.63, within(1e-12));
    }

    @Test
    void userTariffFile_badRowsAreReportedWithLineAndField() {
        String csv = """
                tariff,region,rule,months,day_type,start,end,value,unit,source
                MINE,CN-JX,flat_price,,,,,0.5,cny_per_kwh,my bill
                MINE,CN-JX,valley,*,all,22:00,06:00,0.4,multiplier,my bill
                MINE,CN-JX,peak,13,all,25:00,26:00,1.6,multiplier,my bill
                OTHER,CN-JX,peak,*,all,10:00,12:00,1.6,multiplier,my bill
                """;
        Problems problems = new Problems();
        List<Tariff> tariffs = TariffCsv.parse("my.csv", csv, problems);
        List<Problem> list = problems.list();
        assertThat(list).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("end");
            assertThat(p.reason()).contains("split a window across midnight");
        });
        assertThat(list).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.field()).isEqualTo("months");
        });
        assertThat(list).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.field()).isEqualTo("start");
        });
        assertThat(list).anySatisfy(p -> assertThat(p.reason()).contains("tariff OTHER has no flat_price row"));
        assertThat(tariffs).extracting(Tariff::id).containsExactly("MINE");
    }

    @Test
    void userTariffFile_goodFileGivesPrices() {
        String csv = """
                tariff,region,rule,months,day_type,start,end,value,unit,source
                MINE,CN-JX,flat_price,,,,,0.5,cny_per_kwh,my bill
                MINE,CN-JX,valley,*,all,00:00,08:00,0.5,multiplier,my bill
                """;
        Problems problems = new Problems();
        Tariff t = TariffCsv.parse("my.csv", csv, problems).get(0);
        assertThat(problems.isEmpty()).isTrue();
        double[] p = t.hourly(YearMonth.of(2025, 7)).priceCnyPerKwh();
        assertThat(p[7]).isEqualTo(0.25);
        assertThat(p[8]).isEqualTo(0.5);
    }
}
