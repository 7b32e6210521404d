package org.lichain.market;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lichain.world.AssetKind;
import org.lichain.world.ResourceType;

/**
 * A small synthetic supply side for tests (test data, not the dataset): assets shaped like the real industry
 * (cheap brines and Australian spodumene, costly Jiangxi lepidolite that grows fast, African concentrate),
 * with the market's own embedded demand data.
 */
final class SyntheticMarket {
    private final YearMonth from;
    private final YearMonth to;
    private final int months;
    private final int years;
    private final List<SupplyAsset> assets = new ArrayList<>();

    SyntheticMarket(YearMonth from, YearMonth to) {
        this.from = from;
        this.to = to;
        this.months = (int) MarketInputs.monthsBetween(from, to) + 1;
        this.years = to.getYear() - from.getYear() + 1;
    }

    /** The default synthetic industry, 2020-01..2030-12 unless said otherwise. */
    static SyntheticMarket standard(YearMonth from, YearMonth to) {
        SyntheticMarket s = new SyntheticMarket(from, to);
        // id, country, region, type, kind, c1, capacity path {year, t/yr}...
        s.add("AU-GB", "AU", "AU", ResourceType.SPODUMENE, AssetKind.MINE_CONCENTRATE, 4500, 2020, 90_000, 2022, 110_000, 2025, 150_000);
        s.add("AU-PG", "AU", "AU", ResourceType.SPODUMENE, AssetKind.MINE_CONCENTRATE, 7000, 2020, 40_000, 2022, 60_000, 2024, 90_000);
        s.add("AU-HI", "AU", "AU", ResourceType.SPODUMENE, AssetKind.MINE_CONCENTRATE, 9500, 2020, 10_000, 2022, 50_000, 2024, 70_000);
        s.add("CL-SQM", "CL", "CL", ResourceType.BRINE, AssetKind.BRINE, 4000, 2020, 70_000, 2022, 120_000, 2025, 180_000);
        s.add("CL-ALB", "CL", "CL", ResourceType.BRINE, AssetKind.BRINE, 4500, 2020, 40_000, 2023, 80_000);
        s.add("AR-BR", "AR", "AR", ResourceType.BRINE, AssetKind.BRINE, 6000, 2020, 20_000, 2023, 50_000, 2025, 100_000);
        s.add("CN-QH", "CN", "CN-QH", ResourceType.BRINE, AssetKind.BRINE, 5000, 2020, 20_000, 2023, 50_000);
        s.add("CN-SC", "CN", "CN-SC", ResourceType.SPODUMENE, AssetKind.INTEGRATED, 7500, 2020, 5_000, 2024, 30_000);
        s.add("CN-JX-1", "CN", "CN-JX", ResourceType.LEPIDOLITE, AssetKind.INTEGRATED, 10500, 2020, 8_000, 2022, 40_000, 2024, 90_000);
        s.add("CN-JX-2", "CN", "CN-JX", ResourceType.LEPIDOLITE, AssetKind.INTEGRATED, 12500, 2020, 4_000, 2022, 30_000, 2025, 80_000);
        s.add("CN-JX-3", "CN", "CN-JX", ResourceType.LEPIDOLITE, AssetKind.INTEGRATED, 14000, 2021, 0, 2023, 30_000, 2025, 60_000);
        s.add("ZW-BK", "ZW", "ZW", ResourceType.SPODUMENE, AssetKind.MINE_CONCENTRATE, 8500, 2022, 0, 2023, 50_000, 2025, 110_000);
        s.add("BR-SG", "BR", "BR", ResourceType.SPODUMENE, AssetKind.MINE_CONCENTRATE, 7000, 2022, 0, 2024, 35_000);
        s.add("US-TP", "US", "US", ResourceType.CLAY, AssetKind.INTEGRATED, 8000, 2027, 0, 2029, 40_000);
        s.add("AU-KW", "AU", "AU", ResourceType.SPODUMENE, AssetKind.CONVERTER, 0, 2020, 10_000, 2024, 24_000);
        s.add("US-CV", "US", "US", ResourceType.SPODUMENE, AssetKind.CONVERTER, 0, 2020, 5_000, 2025, 30_000);
        return s;
    }

    /** Adds an asset whose capacity moves linearly between (year, t/yr) anchors at mid-year. */
    SyntheticMarket add(String id, String country, String region, ResourceType type, AssetKind kind, double c1,
                        double... anchors) {
        double[] cap = new double[months];
        for (int t = 0; t < months; t++) {
            YearMonth m = from.plusMonths(t);
            double x = m.getYear() + (m.getMonthValue() - 0.5) / 12.0;
            cap[t] = 1.3 * interp(anchors, x);
        }
        double[] c1s = new double[years];
        double[] roy = new double[SupplyAsset.ROYALTY_GRID_USD.length];
        double[] sus = new double[years];
        java.util.Arrays.fill(c1s, c1);
        for (int k = 0; k < roy.length; k++) {
            roy[k] = 0.03 * SupplyAsset.ROYALTY_GRID_USD[k]; // a flat 3% royalty
        }
        java.util.Arrays.fill(sus, 800);
        assets.add(new SupplyAsset(id, id, country, region, type, kind, cap, c1s, roy, sus, false));
        return this;
    }

    /** Adds a development project (pipeline) with a planned start. */
    SyntheticMarket addProject(String id, String country, ResourceType type, AssetKind kind, double c1,
                               double... anchors) {
        add(id, country, country, type, kind, c1, anchors);
        SupplyAsset a = assets.remove(assets.size() - 1);
        assets.add(new SupplyAsset(a.id(), a.name(), a.country(), a.region(), a.resourceType(), a.kind(),
                a.capacityTLcePerYear(), a.c1ExRoyaltiesUsdPerTLce(), a.royaltyUsdAtGrid(),
                a.sustainingUsdPerTLce(), true));
        return this;
    }

    private static double interp(double[] anchors, double x) {
        int n = anchors.length / 2;
        if (x <= anchors[0] + 0.5) {
            return x < anchors[0] ? 0 : anchors[1];
        }
        for (int k = 0; k < n - 1; k++) {
            double x0 = anchors[2 * k] + 0.5;
            double x1 = anchors[2 * k + 2] + 0.5;
            if (x <= x1) {
                double w = (x - x0) / (x1 - x0);
                return anchors[2 * k + 1] * (1 - w) + anchors[2 * k + 3] * w;
            }
        }
        return anchors[2 * n - 1];
    }

    /** The embedded monthly price record: synthetic runs start from the recorded state like embedded ones. */
    private static final java.util.NavigableMap<java.time.YearMonth, Double> EMBEDDED_RECORD =
            MarketInputs.priceRecord(org.lichain.dataset.DatasetLoader.loadEmbedded());

    MarketInputs inputs(Scenario s) {
        double[] fx = new double[months];
        java.util.Arrays.fill(fx, 7.0);
        return MarketInputs.of(s.withPeriod(from, to), MarketDataExtension.loadEmbedded(), assets, fx, 13.0,
                EMBEDDED_RECORD);
    }

    Scenario base() {
        return Scenario.base().withPeriod(from, to);
    }

    /** The base scenario with a seed, one demand multiplier on every segment, demand noise and price parameters. */
    Scenario varied(String name, long seed, double demandMultiplier, double noisePct, Map<String, Double> priceFormation) {
        Scenario b = base();
        return new Scenario(name, b.from(), b.to(), seed, b.demandPreset(), Map.of("all", demandMultiplier), noisePct,
                b.tariffs(), b.exportBans(), b.quotas(), b.stateSupport(), b.shocks(), priceFormation);
    }
}
