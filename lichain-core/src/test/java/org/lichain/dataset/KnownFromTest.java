package org.lichain.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lichain.world.CapacityEvent;
import org.lichain.world.World;

/** Data vintage of capacity events: the {@code known_from} column, its defaults and its validation (file:line). */
class KnownFromTest {

    private static Map<String, String> withKnownFrom(String suspensionKnownFrom, String startKnownFrom) {
        Map<String, String> f = MalformedDatasetTest.valid();
        f.put("capacity_events.csv", """
                asset_id,from,to,capacity_t_lce_per_year,ramp_months,kind,cause,source,note,known_from
                CN-JX-01,2022-01,,60000,12,start,construction,test,,%s
                CN-JX-01,2025-08,2026-01,0,0,suspension,permit,test,licence,%s
                AU-WA-01,2015-01,,160000,0,start,construction,test,,
                """.formatted(startKnownFrom, suspensionKnownFrom));
        return f;
    }

    @Test
    void defaults_areTheStartMonth_orTheDatasetVintageForFutureEvents() {
        // no known_from column at all (the minimal dataset): each event is known from its own start month
        World w = DatasetLoader.load(MalformedDatasetTest.source(MalformedDatasetTest.valid()));
        assertThat(w.asset("CN-JX-01").capacity().events()).extracting(CapacityEvent::knownFrom)
                .containsExactly(YearMonth.of(2022, 1), YearMonth.of(2025, 8));
        // an announced event after the dataset's vintage (2025-12) is known from the vintage
        assertThat(CapacityEvent.defaultKnownFrom(YearMonth.of(2027, 1))).isEqualTo(YearMonth.of(2025, 12));
        assertThat(CapacityEvent.defaultKnownFrom(YearMonth.of(2021, 3))).isEqualTo(YearMonth.of(2021, 3));
    }

    @Test
    void statedKnownFrom_isRead_andEmptyCellsTakeTheDefault() {
        World w = DatasetLoader.load(MalformedDatasetTest.source(withKnownFrom("2025-09", "2020-06")));
        assertThat(w.asset("CN-JX-01").capacity().events()).extracting(CapacityEvent::knownFrom)
                .containsExactly(YearMonth.of(2020, 6), YearMonth.of(2025, 9));
        assertThat(w.asset("AU-WA-01").capacity().events().get(0).knownFrom()).isEqualTo(YearMonth.of(2015, 1));
    }

    @Test
    void knownFromAfterTheVintage_isRefusedWithFileLineAndField() {
        assertRefused("2026-03", "", "capacity_events.csv:3", "after the dataset's vintage 2025-12");
    }

    @Test
    void aStartKnownOnlyAfterItBegan_isRefused_butALateDisclosedSuspensionIsNot() {
        assertRefused("", "2022-05", "capacity_events.csv:2", "after the start's own month 2022-01");
        // a suspension of 2025-08 disclosed in 2025-10 is possible
        World w = DatasetLoader.load(MalformedDatasetTest.source(withKnownFrom("2025-10", "")));
        assertThat(w.asset("CN-JX-01").capacity().events().get(1).knownFrom()).isEqualTo(YearMonth.of(2025, 10));
    }

    @Test
    void malformedKnownFrom_isRefused() {
        assertRefused("2025-8", "", "capacity_events.csv:3", "YYYY-MM");
    }

    /** Loading the dataset with these known_from values fails on {@code fileLine}'s known_from with {@code reason}. */
    private static void assertRefused(String suspensionKnownFrom, String startKnownFrom, String fileLine,
                                      String reason) {
        assertThatThrownBy(() -> DatasetLoader.load(MalformedDatasetTest.source(withKnownFrom(suspensionKnownFrom,
                startKnownFrom))))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file() + ":" + p.line()).isEqualTo(fileLine);
                    assertThat(p.field()).isEqualTo("known_from");
                    assertThat(p.reason()).contains(reason);
                }));
    }
}
