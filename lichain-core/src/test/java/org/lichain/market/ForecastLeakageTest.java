package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;
import org.lichain.dataset.DatasetSource;
import org.lichain.world.CapacityEvent;
import org.lichain.world.World;

/**
 * No leakage: a forecast at origin T gives byte-identical JSON when every record row after T and every event known
 * after T is deleted from the data files (a {@code --data} folder written from the embedded dataset) and from the base
 * scenario's policies, over random origins (jqwik, fixed seed); and the same bytes on 1 and 2 threads.
 */
class ForecastLeakageTest {
    private static final Path EMBEDDED = Path.of("src/main/resources/org/lichain/dataset/default");
    private static final World FULL = DatasetLoader.loadEmbedded();

    /** Origins 2019-06..2025-11 (index 0..77); 3 members, 6 months: the full rolling machinery, small. */
    @Property(tries = 3, seed = "13")
    void forecastIsUnchanged_whenTheFutureIsDeletedFromTheFiles(@ForAll @IntRange(min = 0, max = 77) int k)
            throws IOException {
        YearMonth origin = YearMonth.of(2019, 6).plusMonths(k);
        Path dir = Files.createTempDirectory("lichain-vintage-");
        try {
            int deleted = writeTruncated(dir, origin);
            assertThat(deleted).as("rows after %s deleted", origin).isPositive();
            World truncated = DatasetLoader.load(DatasetSource.directory(dir));
            String fromFull = json(FULL, origin, 2);
            String fromTruncated = json(truncated, origin, 2);
            assertThat(fromTruncated).isEqualTo(fromFull);
            // and the base scenario's policies announced after T deleted (by hand, not through Scenario.knownAt)
            Scenario b = Scenario.base();
            Scenario known = new Scenario(b.name(), b.from(), b.to(), b.seed(), b.demandPreset(), b.demandMultipliers(),
                    b.demandNoisePct(),
                    b.tariffs().stream().filter(x -> !(x.knownFrom() != null ? x.knownFrom() : x.from()).isAfter(origin)).toList(),
                    b.exportBans().stream().filter(x -> !(x.knownFrom() != null ? x.knownFrom() : x.from()).isAfter(origin)).toList(),
                    b.quotas().stream().filter(x -> !(x.knownFrom() != null ? x.knownFrom() : x.from()).isAfter(origin)).toList(),
                    b.stateSupport(),
                    b.shocks().stream().filter(x -> !(x.knownFrom() != null ? x.knownFrom() : x.from()).isAfter(origin)).toList(),
                    b.priceFormation(), b.forceMarketEvents());
            assertThat(ForecastJson.toJson(ForecastJson.tree(RollingForecast.forecast(truncated, known, origin, 6, 3, 5,
                    2)))).isEqualTo(fromFull);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A policy announced after the origin does not enter: at 2025-03 Zimbabwe's concentrate ban from 2027-01 (announced
     * 2025-06) lies inside a 24-month forecast; the forecast equals the one on a base scenario without the ban, and
     * differs from one where the ban is (wrongly) known at 2025-03, so the comparison can see a leak.
     */
    @Test
    void aPolicyAnnouncedAfterTheOrigin_doesNotEnter() {
        YearMonth origin = YearMonth.of(2025, 3);
        Scenario b = Scenario.base();
        assertThat(b.exportBans()).hasSize(1);
        Scenario withoutBan = new Scenario(b.name(), b.from(), b.to(), b.seed(), b.demandPreset(), b.demandMultipliers(),
                b.demandNoisePct(), b.tariffs(), List.of(), b.quotas(), b.stateSupport(), b.shocks(), b.priceFormation(),
                b.forceMarketEvents());
        Scenario.ExportBan ban = b.exportBans().get(0);
        Scenario banKnownEarly = new Scenario(b.name(), b.from(), b.to(), b.seed(), b.demandPreset(),
                b.demandMultipliers(), b.demandNoisePct(), b.tariffs(),
                List.of(new Scenario.ExportBan(ban.country(), ban.product(), ban.from(), ban.to(), origin)), b.quotas(),
                b.stateSupport(), b.shocks(), b.priceFormation(), b.forceMarketEvents());
        String base = json24(b, origin);
        assertThat(json24(withoutBan, origin)).isEqualTo(base);
        assertThat(json24(banKnownEarly, origin)).isNotEqualTo(base);
    }

    private static String json24(Scenario s, YearMonth origin) {
        return ForecastJson.toJson(ForecastJson.tree(RollingForecast.forecast(FULL, s, origin, 24, 3, 5, 2)));
    }

    @Test
    void sameBytesOnOneAndTwoThreads() {
        YearMonth origin = YearMonth.of(2023, 9);
        assertThat(json(FULL, origin, 1)).isEqualTo(json(FULL, origin, 2));
    }

    @Test
    void vintageHoldsOnlyTheKnownPast() {
        YearMonth origin = YearMonth.of(2022, 3);
        World v = Vintage.of(FULL, origin);
        assertThat(MarketInputs.priceRecord(v).lastKey()).isEqualTo(origin);
        assertThat(v.allProduction()).allSatisfy(p -> assertThat(p.year()).isLessThanOrEqualTo(2021));
        assertThat(v.assets()).allSatisfy(a -> assertThat(a.capacity().events())
                .allSatisfy(e -> assertThat(e.knownFrom()).isBeforeOrEqualTo(origin)));
        assertThat(v.fx().table().lastKey()).isEqualTo(origin);
        // Jianxiawo's start (2022-08) is not yet known in March 2022; it is in the full world
        assertThat(v.asset("CN-JX-01").capacity().events()).isEmpty();
        assertThat(FULL.asset("CN-JX-01").capacity().events()).isNotEmpty();
        // the vintage of a vintage at an earlier month is the earlier vintage (what the rolling record relies on)
        World vv = Vintage.of(v, YearMonth.of(2021, 6));
        assertThat(MarketInputs.priceRecord(vv)).isEqualTo(MarketInputs.priceRecord(Vintage.of(FULL, YearMonth.of(2021, 6))));
        // policies: the Zimbabwe ban of 2027 was announced in 2025-06 (base-scenario.yaml)
        assertThat(Scenario.base().knownAt(YearMonth.of(2025, 5)).exportBans()).isEmpty();
        assertThat(Scenario.base().knownAt(YearMonth.of(2025, 6)).exportBans()).hasSize(1);
    }

    /**
     * The vintage's demand drivers (Vintage.demandKnownAt, wired into the vintage's market data): years known at the
     * origin as in the data, later years extrapolated, not the dataset's projections; and the vintage of a vintage
     * has the earlier vintage's drivers (what the yearly fits, cached per year across origins, rely on).
     */
    @Test
    void vintageDemandDrivers_areTheKnownYearsOnly() {
        YearMonth origin = YearMonth.of(2022, 3);
        var full = FULL.extension(MarketData.class).orElseThrow().presets();
        var known = Vintage.of(FULL, origin).extension(MarketData.class).orElseThrow().presets();
        assertThat(known.keySet()).isEqualTo(full.keySet());
        int laterRows = 0;
        for (String preset : full.keySet()) {
            for (var row : full.get(preset).entrySet()) {
                int year = row.getKey();
                if (year <= 2021) {
                    assertThat(known.get(preset).get(year)).as("%s %d (known)", preset, year).isEqualTo(row.getValue());
                } else if (year >= 2023) {
                    assertThat(known.get(preset).get(year)).as("%s %d (not known in 2022-03)", preset, year)
                            .isNotEqualTo(row.getValue());
                    laterRows++;
                }
            }
        }
        assertThat(laterRows).as("projection rows after the origin").isPositive();
        World earlier = Vintage.of(Vintage.of(FULL, origin), YearMonth.of(2021, 6));
        assertThat(earlier.extension(MarketData.class).orElseThrow().presets())
                .isEqualTo(Vintage.of(FULL, YearMonth.of(2021, 6)).extension(MarketData.class).orElseThrow().presets());
    }

    private static String json(World w, YearMonth origin, int threads) {
        return ForecastJson.toJson(ForecastJson.tree(RollingForecast.forecast(w, origin, 6, 3, 5, threads)));
    }

    /** Copies the embedded dataset to {@code dir} without the rows after {@code origin}; returns how many went. */
    static int writeTruncated(Path dir, YearMonth origin) throws IOException {
        int deleted = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(EMBEDDED)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            List<String> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            boolean header = true;
            boolean knownFromColumn = false;
            for (String line : lines) {
                if (line.isEmpty() || line.startsWith("#") || header) {
                    header &= line.isEmpty() || line.startsWith("#");
                    knownFromColumn |= !header && line.endsWith(",known_from");
                    out.add(line);
                    continue;
                }
                if (after(name, line, origin, knownFromColumn)) {
                    deleted++;
                } else {
                    out.add(line);
                }
            }
            Files.write(dir.resolve(name), out, StandardCharsets.UTF_8);
        }
        return deleted;
    }

    /** True when a row of a dated file lies after the origin (record rows) or was known only after it (events). */
    static boolean after(String file, String line, YearMonth origin, boolean knownFromColumn) {
        String[] f = line.split(",", -1);
        return switch (file) {
            case "prices_monthly.csv", "market_history.csv", "reference_prices.csv" -> periodAfter(f[1], origin);
            case "asset_production.csv" -> YearMonth.of(Integer.parseInt(f[1]), 12).isAfter(origin);
            case "fx.csv" -> YearMonth.parse(f[0]).isAfter(origin);
            case "input_prices.csv" -> YearMonth.parse(f[2]).isAfter(origin);
            case "capacity_events.csv" -> {
                String known = knownFromColumn ? line.substring(line.lastIndexOf(',') + 1) : "";
                YearMonth k = known.isEmpty() ? CapacityEvent.defaultKnownFrom(YearMonth.parse(f[1]))
                        : YearMonth.parse(known);
                yield k.isAfter(origin);
            }
            default -> false;
        };
    }

    private static boolean periodAfter(String period, YearMonth origin) {
        return period.length() == 4 ? YearMonth.of(Integer.parseInt(period), 12).isAfter(origin)
                : YearMonth.parse(period).isAfter(origin);
    }
}
