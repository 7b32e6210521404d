package org.lichain.scenario;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.lichain.dataset.DatasetLoader;
import org.lichain.dataset.RowReader;
import org.lichain.market.DemandRegion;
import org.lichain.market.MarketData;
import org.lichain.market.MarketDataExtension;
import org.lichain.market.MarketInputs;
import org.lichain.market.Scenario;
import org.lichain.market.ScenarioParser;
import org.lichain.market.Simulation;
import org.lichain.market.SuccessiveShortestPathSolver;
import org.lichain.market.SupplyAsset;
import org.lichain.world.World;

/**
 * The market simulation ({@link Simulation}) as an ensemble model: each draw changes the market's base scenario
 * and inputs, then one full monthly run gives the three key metrics. How the drawn inputs are read (each one
 * optional; an input the ensemble file does not declare keeps the market's base value):
 * <ul>
 * <li>{@code demand_path} (series): multiplies every demand driver of the preset (EV, storage and consumer GWh,
 *     industrial t) at each driver year by the path's value at mid-year; between driver years the market's own
 *     linear interpolation applies (named simplification: the path is sampled at the drivers' years).</li>
 * <li>{@code lfp_share_2030} (share 0..1): the EV LFP share of the preset is shifted so that it reaches this
 *     value in 2030, linearly from no shift in 2024; after 2030 the preset's own trend continues with the 2030
 *     shift; clamped to 0–100%.</li>
 * <li>{@code project_delay_months}: added to the market's lead times of hard-rock and brine projects
 *     ({@code lead_time_hard_rock_months}, {@code lead_time_brine_months}); not to fast-track projects, whose lead
 *     time is a realised duration with its slips (the drawn delay is anchored on greenfield slips).</li>
 * <li>{@code cost_inflation}: multiplies every asset's C1 (ex royalties) and sustaining capital from 2025.</li>
 * <li>{@code state_support}: multiplies the loss tolerance of every state-support entry of the base scenario
 *     (Yichun, CN-JX), capped at 0.95.</li>
 * <li>{@code policy_path}: 0 = the base scenario's policies; 1 = escalation: a second 25% US tariff on Chinese
 *     chemicals from 2026-01 (tariffs add up in the trade network); 2 = easing: the US tariff on Chinese chemicals
 *     ends in 2026-12.</li>
 * </ul>
 * The market's base scenario is the embedded one, or the ensemble file's {@code base:} block (a market scenario,
 * see docs/market.md; its period is replaced by the ensemble's). The world is the embedded dataset, loaded once
 * per JVM, or a given one ({@code lichain mc --data DIR}); unit costs are prepared once per ensemble.
 */
public final class MarketEnsembleModel implements EnsembleModel {
    private static World embedded;

    private final ScenarioSpec spec;
    private final World world;
    private final Scenario base;
    private final MarketData data;
    private final List<SupplyAsset> assets;
    /** The base inputs; each draw derives its own from them (same fx, VAT, price record and capacity history). */
    private final MarketInputs prepared;
    private final int region;
    private final String dataId;

    public MarketEnsembleModel(ScenarioSpec spec, World world) {
        this(spec, world, "embedded");
    }

    /** The model on a given world; {@code dataId} names that dataset in the resume manifest. */
    public MarketEnsembleModel(ScenarioSpec spec, World world, String dataId) {
        checkParameters(spec);
        this.dataId = dataId;
        this.spec = spec;
        this.world = world;
        Scenario b = spec.baseYaml().isEmpty() ? Scenario.base()
                : ScenarioParser.parse(spec.sourceFile() + " (base)", spec.baseYaml(), world);
        String beyond = ScenarioParser.beyondData(world, b.demandPreset(), spec.to());
        if (beyond != null) {
            org.lichain.dataset.Problems p = new org.lichain.dataset.Problems();
            p.add(spec.sourceFile(), 0, 0, "to", spec.to().toString(), beyond);
            p.throwIfAny("invalid scenario " + spec.sourceFile());
        }
        this.base = b.withName(spec.name()).withPeriod(spec.from(), spec.to());
        this.prepared = MarketInputs.fromWorld(world, base);
        this.assets = prepared.allAssets();
        this.data = world.extension(MarketData.class).orElseGet(MarketDataExtension::loadEmbedded);
        this.region = DemandRegion.CN.ordinal();
    }

    /**
     * The inputs this model reads, with the range every value a distribution can draw must lie in (min, max; the
     * 1e-9 and 1 - 1e-9 quantiles of an unbounded distribution): a name the model does not read is a typo that
     * would silently drop an uncertainty, a value outside the range would run an absurd market (e.g. a delay of
     * 10^12 months). {@code policy_path} must also draw whole numbers.
     */
    static final Map<String, double[]> PARAMETERS = Map.of(
            "demand_path", new double[] {0, 10},
            "lfp_share_2030", new double[] {0, 1},
            "project_delay_months", new double[] {-120, 240},
            "cost_inflation", new double[] {0, 10},
            "state_support", new double[] {0, 20},
            "policy_path", new double[] {0, 2});

    /** Refuses unknown parameter names and out-of-range draws with file:line:field (a DatasetException). */
    static void checkParameters(ScenarioSpec spec) {
        org.lichain.dataset.Problems problems = new org.lichain.dataset.Problems();
        for (UncertainParameter p : spec.parameters()) {
            double[] range = PARAMETERS.get(p.name());
            if (range == null) {
                problems.add(spec.sourceFile(), p.line(), 0, "parameters." + p.name(), p.name(),
                        "is not an input of the market model (known: " + new java.util.TreeSet<>(PARAMETERS.keySet())
                                + ")");
                continue;
            }
            List<Distribution> parts = new ArrayList<>();
            if (p.uncertainty() instanceof Series sr) {
                parts.addAll(List.of(sr.knots()));
            } else if (p.uncertainty() instanceof Distribution d) {
                parts.add(d);
            }
            for (Distribution d : parts) {
                double[] values = d instanceof Distribution.Discrete dd ? dd.values()
                        : new double[] {d.quantile(1e-9), d.quantile(1 - 1e-9)};
                for (double v : values) {
                    boolean integral = !p.name().equals("policy_path") || v == Math.rint(v);
                    if (!(v >= range[0] && v <= range[1]) || !integral) {
                        problems.add(spec.sourceFile(), p.line(), 0, "parameters." + p.name(), Double.toString(v),
                                "draws a value outside " + RowReader.fmt(range[0]) + " to " + RowReader.fmt(range[1])
                                        + (p.name().equals("policy_path") ? " (0, 1 or 2)" : ""));
                        break;
                    }
                }
            }
        }
        problems.throwIfAny("invalid scenario " + spec.sourceFile());
    }

    static synchronized World embeddedWorld() {
        if (embedded == null) {
            embedded = DatasetLoader.loadEmbedded();
        }
        return embedded;
    }

    @Override
    public String dataId() {
        return dataId;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.PRICE, Metric.SELF_SUFFICIENCY_CN, Metric.LEPIDOLITE_SHARE_AT_LOSS);
    }

    @Override
    public void run(Draw d, double[][] out) {
        Scenario s = scenario(d);
        MarketInputs in = prepared.derive(s, demand(d), costs(d));
        Simulation.KeyMetrics r = Simulation.keyMetrics(in, d.modelSeed(), new SuccessiveShortestPathSolver(),
                "lepidolite", "CN");
        double[] loss = r.shareAtLoss();
        for (int t = 0; t < loss.length; t++) {
            out[0][t] = r.priceCnyPerTInclVat()[t];
            out[1][t] = r.mineSelfSufficiency()[region][t];
            out[2][t] = loss[t];
        }
    }

    Scenario scenario(Draw d) {
        Scenario s = base;
        if (d.has("project_delay_months")) {
            double delay = d.value("project_delay_months");
            Map<String, Double> pf = new HashMap<>(s.priceFormation());
            // the drawn delay is anchored on greenfield slips (Thacker Pass, Rincon: permitting and construction of
            // three-to-four-year projects, facts.md 10.6); the fast-track lead time is already a realised duration
            // (Arcadia 12, Bikita 18, Jianxiawo 17 months, slips included) and keeps only its own per-project spread
            for (String k : List.of("lead_time_hard_rock_months", "lead_time_brine_months")) {
                pf.put(k, pf.getOrDefault(k, data.parameter(k)) + delay);
            }
            s = s.withPriceFormation(pf);
        }
        if (d.has("state_support")) {
            double m = d.value("state_support");
            List<Scenario.StateSupport> ss = new ArrayList<>();
            for (Scenario.StateSupport x : s.stateSupport()) {
                ss.add(new Scenario.StateSupport(x.asset(), x.region(), Math.min(0.95, x.lossTolerance() * m),
                        x.extraMonths(), x.utilisationFloorPct()));
            }
            s = new Scenario(s.name(), s.from(), s.to(), s.seed(), s.demandPreset(), s.demandMultipliers(),
                    s.demandNoisePct(), s.tariffs(), s.exportBans(), s.quotas(), ss, s.shocks(), s.priceFormation(),
                    s.forceMarketEvents());
        }
        int policy = (int) Math.round(d.valueOr("policy_path", 0));
        if (policy == 1) {
            s = s.withTariff(new Scenario.Tariff("CN", "NA", "chemical", 0.25, 0, YearMonth.of(2026, 1), null));
        } else if (policy == 2) {
            List<Scenario.Tariff> ts = new ArrayList<>();
            for (Scenario.Tariff t : s.tariffs()) {
                boolean usOnChina = t.origin().equals("CN") && t.destination().equals("NA") && t.product().equals("chemical");
                ts.add(usOnChina ? new Scenario.Tariff(t.origin(), t.destination(), t.product(), t.rate(),
                        t.specificUsdPerTLce(), t.from(), YearMonth.of(2026, 12)) : t);
            }
            s = new Scenario(s.name(), s.from(), s.to(), s.seed(), s.demandPreset(), s.demandMultipliers(),
                    s.demandNoisePct(), ts, s.exportBans(), s.quotas(), s.stateSupport(), s.shocks(), s.priceFormation(),
                    s.forceMarketEvents());
        }
        return s;
    }

    MarketData demand(Draw d) {
        boolean path = d.has("demand_path");
        boolean lfp = d.has("lfp_share_2030");
        if (!path && !lfp) {
            return data;
        }
        Map<String, NavigableMap<Integer, MarketData.DriverYear>> presets = new HashMap<>(data.presets());
        NavigableMap<Integer, MarketData.DriverYear> drivers = data.presets().get(base.demandPreset());
        NavigableMap<Integer, MarketData.DriverYear> changed = new TreeMap<>();
        double shift2030 = 0;
        if (lfp) {
            shift2030 = d.value("lfp_share_2030") * 100.0 - lfpPctAt(drivers, 2030);
        }
        for (var e : drivers.entrySet()) {
            int year = e.getKey();
            MarketData.DriverYear y = e.getValue();
            double m = path ? d.multiplierOr("demand_path", YearMonth.of(year, 7), 1.0) : 1.0;
            double w = Math.max(0, Math.min(1, (year - 2024) / 6.0));
            double lfpPct = Math.max(0, Math.min(100, y.evLfpSharePct() + w * shift2030));
            changed.put(year, new MarketData.DriverYear(y.evGwh() * m, y.storageGwh() * m, y.consumerGwh() * m,
                    y.industrialTLce() * m, lfpPct));
        }
        presets.put(base.demandPreset(), changed);
        return new MarketData(presets, data.intensityKgLcePerKwh(), data.regionSharePct(), data.freight(),
                data.parameters(), data.history());
    }

    private static double lfpPctAt(NavigableMap<Integer, MarketData.DriverYear> drivers, int year) {
        var lo = drivers.floorEntry(year);
        var hi = drivers.ceilingEntry(year);
        if (lo == null) {
            return hi.getValue().evLfpSharePct();
        }
        if (hi == null || hi.getKey().equals(lo.getKey())) {
            return lo.getValue().evLfpSharePct();
        }
        double w = (year - lo.getKey()) / (double) (hi.getKey() - lo.getKey());
        return lo.getValue().evLfpSharePct() * (1 - w) + hi.getValue().evLfpSharePct() * w;
    }

    List<SupplyAsset> costs(Draw d) {
        if (!d.has("cost_inflation")) {
            return assets;
        }
        double f = d.value("cost_inflation");
        int from = Math.max(0, 2025 - spec.from().getYear());
        List<SupplyAsset> out = new ArrayList<>(assets.size());
        for (SupplyAsset a : assets) {
            double[] c1 = a.c1ExRoyaltiesUsdPerTLce().clone();
            double[] sus = a.sustainingUsdPerTLce().clone();
            for (int y = from; y < c1.length; y++) {
                c1[y] *= f;
                sus[y] *= f;
            }
            out.add(new SupplyAsset(a.id(), a.name(), a.country(), a.region(), a.resourceType(), a.kind(),
                    a.capacityTLcePerYear(), c1, a.royaltyUsdAtGrid(), sus, a.pipeline(), a.captive()));
        }
        return out;
    }

    /** Registers the market model as {@code model: market}. */
    public static final class Provider implements EnsembleModelProvider {
        @Override
        public String name() {
            return "market";
        }

        @Override
        public EnsembleModel create(ScenarioSpec spec) {
            return new MarketEnsembleModel(spec, embeddedWorld());
        }

        @Override
        public EnsembleModel create(ScenarioSpec spec, World world, String dataId) {
            return new MarketEnsembleModel(spec, world, dataId);
        }
    }
}
