package org.lichain.market;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostModel;
import org.lichain.world.Asset;
import org.lichain.world.AssetKind;
import org.lichain.world.AssetStatus;
import org.lichain.world.World;

/**
 * Everything one simulation needs, prepared as primitive arrays: the scenario's period, supply assets with
 * capacities per month (shocks applied) and costs per year, converters, demand per region and month, FX,
 * state support, policies and parameters. Building it from a {@link World} is the slow part (unit costs per
 * asset and year) and is cached per World; running on it is the fast part.
 */
public final class MarketInputs {
    /**
     * Growth of battery demand before the first demand-driver year, in logs per year, used to look back one battery
     * lifetime for end-of-life recycling (estimate: Li-ion cell demand of ~30 GWh in 2010 against the drivers' 250 GWh
     * in 2020, i.e. ln(250/30)/10 = 0.21 per year; the 2010 figure is judgement, not in reference/).
     */
    static final double BATTERY_BACKCAST_LOG_GROWTH_PER_YEAR = 0.21;

    /** Chemical price at which royalty shares are evaluated when preparing costs, USD/t LCE. */
    static final double ROYALTY_REFERENCE_PRICE_USD = 15_000;

    final Scenario scenario;
    final MarketData data;
    final MarketParameters params;
    final YearMonth start;
    final int months;
    final int years;
    final List<SupplyAsset> supply;      // mined supply (not converters)
    final List<SupplyAsset> converters;  // conversion capacity
    final double[][] capacityPerMonth;   // [asset][t], t LCE per month, from the timeline (shifted by a project's FID)
    /**
     * [asset][t] performing share of capacityPerMonth[asset][t] on the same (unshifted) months: the ramp-up of generic
     * projects ({@link RampUp}); 1 for the dataset's assets, whose ramps are in their capacity events' ramp months.
     */
    final double[][] performance;
    final boolean[][] suspendedByShock;  // [asset][t] calendar months a scenario shock suspends (null: none)
    final double[][] addedByShock;       // [asset][t] t LCE per month a scenario shock adds (null: none)
    final double[] lossTolerance;
    final int[] extraLossMonths;
    final double[] utilisationFloor;     // share of capacity a supported asset produces at least while running
    final double[][][] demandBySegment;  // [segment][region][t], t LCE per month
    final double[][] batteryDemandOneLifetimeAgo; // [region][t], battery demand one battery lifetime earlier
    final double[] cnyPerUsd;
    final double vatPct;
    /**
     * The recorded price in the twelve months before the start, USD per t LCE ex-VAT, oldest first (NaN where the
     * record has none): the state at the origin from which a run starts (starting price, expectations, momentum).
     */
    final double[] observedBeforeStartUsd;
    /** The monthly price record (China carbonate, CNY per t incl. VAT, by month; empty when there is none). */
    final java.util.NavigableMap<YearMonth, Double> priceRecordCnyPerTInclVat;
    /**
     * The China price imposed on the run, USD per t LCE ex-VAT, per month (NaN: the model forms it; null: none): the
     * observed path during the spin-up to a forecast's origin ({@link #withObservedPriceUntil}).
     */
    double[] imposedPriceUsd;

    MarketInputs(Scenario scenario, MarketData data, List<SupplyAsset> assets, double[] cnyPerUsd, double vatPct,
                 java.util.NavigableMap<YearMonth, Double> priceRecord) {
        this.scenario = scenario;
        this.data = data;
        this.params = MarketParameters.of(data.parameters()).with(scenario.priceFormation());
        this.start = scenario.from();
        this.months = (int) monthsBetween(scenario.from(), scenario.to()) + 1;
        if (months < 1) {
            throw new org.lichain.dataset.InvalidInputException("scenario 'to' " + scenario.to() + " is before 'from' " + scenario.from());
        }
        this.years = scenario.to().getYear() - scenario.from().getYear() + 1;
        List<SupplyAsset> s = new ArrayList<>();
        List<SupplyAsset> c = new ArrayList<>();
        List<SupplyAsset> withGeneric = new ArrayList<>(assets);
        withGeneric.addAll(genericProjects(assets, scenario.from(), months, years));
        for (SupplyAsset a : withGeneric) {
            if (a.capacityTLcePerYear().length != months || a.c1ExRoyaltiesUsdPerTLce().length != years) {
                throw new IllegalArgumentException("asset " + a.id() + ": arrays do not match the period");
            }
            (a.kind() == AssetKind.CONVERTER ? c : s).add(a);
        }
        this.supply = Collections.unmodifiableList(s);
        this.converters = Collections.unmodifiableList(c);
        this.capacityPerMonth = new double[s.size()][months];
        for (int i = 0; i < s.size(); i++) {
            for (int t = 0; t < months; t++) {
                capacityPerMonth[i][t] = Math.max(0, s.get(i).capacityTLcePerYear()[t]) / 12.0;
            }
        }
        // ramp-up performance of the generic projects (they share one timeline: computed once); the dataset's assets
        // ramp in their capacity events (ramp_months), so they perform at 1 here (no double counting)
        this.performance = new double[s.size()][];
        double[] ones = new double[months];
        java.util.Arrays.fill(ones, 1.0);
        java.util.IdentityHashMap<double[], double[]> shared = new java.util.IdentityHashMap<>();
        for (int i = 0; i < s.size(); i++) {
            SupplyAsset a = s.get(i);
            performance[i] = !a.id().startsWith("GENERIC-") ? ones
                    : shared.computeIfAbsent(a.capacityTLcePerYear(), k -> RampUp.performance(k,
                            params.rampStartPerformancePct() / 100.0, params.rampUpMonths()));
        }
        // shocks apply to calendar months (a suspension of a project that starts late still falls in its window);
        // they are not in the timeline that investors see (no foresight of a suspension)
        boolean[][] susp = null;
        double[][] added = null;
        for (Scenario.Shock sh : scenario.shocks()) {
            int i = indexOf(sh.asset());
            if (i < 0) {
                throw new org.lichain.dataset.InvalidInputException("shock on unknown asset '" + sh.asset() + "'");
            }
            for (int t = 0; t < months; t++) {
                YearMonth m = start.plusMonths(t);
                if (!Scenario.active(sh.from(), sh.to(), m)) {
                    continue;
                }
                if (sh.type().equals("suspend")) {
                    if (susp == null) {
                        susp = new boolean[s.size()][];
                    }
                    if (susp[i] == null) {
                        susp[i] = new boolean[months];
                    }
                    susp[i][t] = true;
                } else {
                    if (added == null) {
                        added = new double[s.size()][];
                    }
                    if (added[i] == null) {
                        added[i] = new double[months];
                    }
                    added[i][t] += sh.tLcePerYear() / 12.0;
                }
            }
        }
        this.suspendedByShock = susp;
        this.addedByShock = added;
        this.lossTolerance = new double[s.size()];
        java.util.Arrays.fill(lossTolerance, params.defaultLossTolerance());
        this.extraLossMonths = new int[s.size()];
        this.utilisationFloor = new double[s.size()];
        for (Scenario.StateSupport ss : scenario.stateSupport()) {
            boolean any = false;
            for (int i = 0; i < s.size(); i++) {
                SupplyAsset a = s.get(i);
                boolean hit = ss.asset() != null ? a.id().equals(ss.asset())
                        : a.region().equals(ss.region()) || a.country().equals(ss.region());
                if (hit) {
                    any = true;
                    lossTolerance[i] = Math.max(params.defaultLossTolerance(), ss.lossTolerance()); // later override
                    extraLossMonths[i] = ss.extraMonths();
                    utilisationFloor[i] = (Double.isNaN(ss.utilisationFloorPct())
                            ? params.supportedUtilisationFloorPct() : ss.utilisationFloorPct()) / 100.0;
                }
            }
            if (!any && ss.asset() != null) {
                throw new org.lichain.dataset.InvalidInputException("state support for unknown asset '" + ss.asset() + "'");
            }
        }
        this.demandBySegment = DemandModel.monthly(data, scenario.demandPreset(), scenario.demandMultipliers(), start,
                months);
        // end-of-life recycling: battery demand one lifetime earlier (before the first driver year the model holds the
        // first year's value: named simplification)
        int lifetime = (int) Math.round(params.batteryLifetimeMonths());
        double[][][] lagged = DemandModel.monthly(data, scenario.demandPreset(), scenario.demandMultipliers(),
                start.minusMonths(lifetime), months);
        this.batteryDemandOneLifetimeAgo = new double[DemandRegion.values().length][months];
        int firstDriverYear = data.presets().get(scenario.demandPreset()).firstKey();
        for (int k = 0; k < DemandModel.SEGMENTS.length; k++) {
            if (DemandModel.SEGMENTS[k].equals("industrial")) {
                continue;
            }
            for (int t = 0; t < months; t++) {
                YearMonth then = start.minusMonths(lifetime).plusMonths(t);
                double x = then.getYear() + (then.getMonthValue() - 0.5) / 12.0;
                double back = Math.exp(-BATTERY_BACKCAST_LOG_GROWTH_PER_YEAR * Math.max(0, firstDriverYear + 0.5 - x));
                for (int r = 0; r < lagged[k].length; r++) {
                    batteryDemandOneLifetimeAgo[r][t] += lagged[k][r][t] * back;
                }
            }
        }
        if (cnyPerUsd.length != months) {
            throw new IllegalArgumentException("fx array does not match the period");
        }
        this.cnyPerUsd = cnyPerUsd.clone();
        this.vatPct = vatPct;
        this.priceRecordCnyPerTInclVat = priceRecord;
        this.observedBeforeStartUsd = new double[12];
        for (int k = 0; k < 12; k++) {
            Double cny = priceRecord.get(start.minusMonths(12 - k));
            observedBeforeStartUsd[k] = cny == null ? Double.NaN : cny / (cnyPerUsd[0] * (1 + vatPct / 100.0));
        }
    }

    /**
     * Generic (unannounced) projects per type; each slot is one project that may take FID. Enough that the base run
     * never uses them all through 2040 (at most 50 hard-rock and 54 brine): the supply curve rises with cost
     * ({@link #GENERIC_COST_STEP}) instead of ending in a wall.
     */
    static final int GENERIC_SLOTS_PER_TYPE = 120;
    private static final String[] GENERIC_BRINE_IDS = genericLabels("GENERIC-BRINE-%02d");
    private static final String[] GENERIC_HARDROCK_IDS = genericLabels("GENERIC-HARDROCK-%02d");
    private static final String[] GENERIC_BRINE_NAMES = genericLabels("generic brine project %d");
    private static final String[] GENERIC_HARDROCK_NAMES = genericLabels("generic spodumene project %d");

    private static String[] genericLabels(String format) {
        return labels(format, GENERIC_SLOTS_PER_TYPE);
    }
    /** Royalties of a generic project at each grid price: a flat 5% of the price (estimate). */
    private static double[] flatRoyalty() {
        double[] roy = new double[SupplyAsset.ROYALTY_GRID_USD.length];
        for (int k = 0; k < roy.length; k++) {
            roy[k] = 0.05 * SupplyAsset.ROYALTY_GRID_USD[k];
        }
        return roy;
    }

    /**
     * Per year, over the mined (not converter) assets of some resource types: C1 ex royalties at index {@code pick(n)}
     * of the n sorted values and the median sustaining capital (0 in a year without such assets); and the number of
     * years with such assets.
     */
    private record YearlyCosts(double[] c1, double[] sustaining, int yearsWithAssets) {
    }

    private static YearlyCosts yearlyCosts(List<SupplyAsset> assets, java.util.Set<org.lichain.world.ResourceType> types,
                                           int years, java.util.function.IntUnaryOperator pick) {
        double[] c1 = new double[years];
        double[] sustaining = new double[years];
        int present = 0;
        for (int y = 0; y < years; y++) {
            List<Double> c1s = new ArrayList<>();
            List<Double> sus = new ArrayList<>();
            for (SupplyAsset a : assets) {
                if (types.contains(a.resourceType()) && a.kind() != AssetKind.CONVERTER) {
                    c1s.add(a.c1ExRoyaltiesUsdPerTLce()[y]);
                    sus.add(a.sustainingUsdPerTLce()[y]);
                }
            }
            if (!c1s.isEmpty()) {
                Collections.sort(c1s);
                Collections.sort(sus);
                c1[y] = c1s.get(pick.applyAsInt(c1s.size()));
                sustaining[y] = sus.get(sus.size() / 2);
                present++;
            }
        }
        return new YearlyCosts(c1, sustaining, present);
    }

    /** Id prefix of the fast-track generic projects. */
    static final String FAST_TRACK_PREFIX = "GENERIC-FAST-";
    /** Fast-track project slots (at most max_fids_per_year_per_type a year; 40 × 30 kt = 1.2 Mt LCE/yr in all). */
    static final int FAST_TRACK_SLOTS = 40;
    private static final String[] FAST_TRACK_IDS = labels(FAST_TRACK_PREFIX + "%02d", FAST_TRACK_SLOTS);
    private static final String[] FAST_TRACK_NAMES = labels("fast-track hard-rock project %d", FAST_TRACK_SLOTS);
    /** Percentile of the hard-rock assets' C1 at which fast-track projects produce (dear, low-grade, quick). */
    static final double FAST_TRACK_COST_PERCENTILE = 0.75;

    private static String[] labels(String format, int n) {
        String[] out = new String[n];
        for (int k = 0; k < n; k++) {
            out[k] = String.format(java.util.Locale.ROOT, format, k + 1);
        }
        return out;
    }

    /** Capacity of one generic project, t LCE per year. */
    static final double GENERIC_PROJECT_T_LCE_PER_YEAR = 30_000;
    /**
     * A generic project's nameplate by month: its full size from its planned first month (shifted by its FID); its
     * ramp-up is in its performance ({@link RampUp}), not in the nameplate.
     */
    static double[] genericTimeline(int firstMonth, int months) {
        double[] cap = new double[months];
        for (int t = Math.max(0, firstMonth); t < months; t++) {
            cap[t] = GENERIC_PROJECT_T_LCE_PER_YEAR;
        }
        return cap;
    }
    /** Cost step between successive generic slots (a rising long-run supply curve). */
    static final double GENERIC_COST_STEP = 0.03;
    /** Generic projects may take FID only from this month: announced projects up to 2025 are in the dataset. */
    static final YearMonth GENERIC_FIRST_FID = YearMonth.of(2026, 1);

    /**
     * Generic greenfield supply beyond the dataset's announced projects (named simplification): for hard rock
     * (spodumene concentrate) and brine, {@link #GENERIC_SLOTS_PER_TYPE} projects of
     * {@link #GENERIC_PROJECT_T_LCE_PER_YEAR}, located in the unassigned country {@code ZZ} (demand region ROW),
     * with the median cash cost and sustaining capital of the dataset's assets of that type in each year, raised by
     * 3% per slot, and a flat 5% royalty (estimate). They are pipeline projects: produced only after an FID on
     * expected prices, not before {@link #GENERIC_FIRST_FID}.
     */
    static List<SupplyAsset> genericProjects(List<SupplyAsset> assets, YearMonth from, int months, int years) {
        List<SupplyAsset> out = new ArrayList<>();
        int firstFid = (int) monthsBetween(from, GENERIC_FIRST_FID);
        if (firstFid >= months) {
            return out;
        }
        for (org.lichain.world.ResourceType type : List.of(org.lichain.world.ResourceType.SPODUMENE,
                org.lichain.world.ResourceType.BRINE)) {
            YearlyCosts costs = yearlyCosts(assets, java.util.EnumSet.of(type), years, n -> n / 2);
            if (costs.yearsWithAssets() == 0) {
                continue;
            }
            double[] medC1 = costs.c1();
            double[] roy = flatRoyalty();
            // planned start = the first month generic projects may start; FID shifts it by the lead time
            double[] cap = genericTimeline(firstFid, months);
            for (int k = 0; k < GENERIC_SLOTS_PER_TYPE; k++) {
                double f = 1 + GENERIC_COST_STEP * k;
                double[] c1 = new double[years];
                for (int y = 0; y < years; y++) {
                    c1[y] = medC1[y] * f;
                }
                boolean brine = type == org.lichain.world.ResourceType.BRINE;
                String id = (brine ? GENERIC_BRINE_IDS : GENERIC_HARDROCK_IDS)[k];
                out.add(new SupplyAsset(id, (brine ? GENERIC_BRINE_NAMES : GENERIC_HARDROCK_NAMES)[k], "ZZ", "ZZ", type,
                        type == org.lichain.world.ResourceType.BRINE ? AssetKind.BRINE : AssetKind.MINE_CONCENTRATE,
                        cap, c1, roy, costs.sustaining().clone(), true));
            }
        }
        out.addAll(fastTrackProjects(assets, firstFid, months, years));
        return out;
    }

    /**
     * Fast-track hard-rock projects (named simplification of the 2021–23 response, when Zimbabwean mines and Chinese
     * lepidolite were bought, built and shipping within 12–18 months: reference/assets.csv ZW-01, ZW-02, CN-JX-01):
     * {@link #FAST_TRACK_SLOTS} generic spodumene-concentrate projects of {@link #GENERIC_PROJECT_T_LCE_PER_YEAR} in
     * {@code ZZ}, at the {@link #FAST_TRACK_COST_PERCENTILE} percentile of the dataset's hard-rock (spodumene and
     * lepidolite) cash costs each year, +3% per slot, with their own lead time and an FID that also needs the spot
     * price well above their cost ({@link InvestmentDecision#fastTrackPriceReached}).
     */
    static List<SupplyAsset> fastTrackProjects(List<SupplyAsset> assets, int firstFid, int months, int years) {
        YearlyCosts costs = yearlyCosts(assets, java.util.EnumSet.of(org.lichain.world.ResourceType.SPODUMENE,
                org.lichain.world.ResourceType.LEPIDOLITE), years,
                n -> (int) Math.floor(FAST_TRACK_COST_PERCENTILE * (n - 1)));
        if (costs.yearsWithAssets() < years) {
            return List.of();
        }
        double[] c1q = costs.c1();
        double[] roy = flatRoyalty();
        double[] cap = genericTimeline(firstFid, months);
        List<SupplyAsset> out = new ArrayList<>();
        for (int k = 0; k < FAST_TRACK_SLOTS; k++) {
            double f = 1 + GENERIC_COST_STEP * k;
            double[] c1 = new double[years];
            for (int y = 0; y < years; y++) {
                c1[y] = c1q[y] * f;
            }
            out.add(new SupplyAsset(FAST_TRACK_IDS[k], FAST_TRACK_NAMES[k], "ZZ", "ZZ",
                    org.lichain.world.ResourceType.SPODUMENE, AssetKind.MINE_CONCENTRATE, cap, c1, roy, costs.sustaining().clone(),
                    true));
        }
        return out;
    }

    /** Inputs from explicit assets (synthetic worlds in tests, other front ends). */
    public static MarketInputs of(Scenario scenario, MarketData data, List<SupplyAsset> assets, double[] cnyPerUsd,
                                  double vatPct) {
        return of(scenario, data, assets, cnyPerUsd, vatPct, new java.util.TreeMap<>());
    }

    /**
     * Inputs from explicit assets with a monthly price record (China carbonate, CNY per t incl. VAT, by month): where
     * it has the twelve months before the start, the run starts from the recorded state.
     */
    public static MarketInputs of(Scenario scenario, MarketData data, List<SupplyAsset> assets, double[] cnyPerUsd,
                                  double vatPct, java.util.NavigableMap<YearMonth, Double> priceRecord) {
        return new MarketInputs(scenario, data, assets, cnyPerUsd, vatPct, priceRecord);
    }

    /** The carbonate monthly means of a World's price record ({@code prices_monthly.csv}; empty without one). */
    public static java.util.NavigableMap<YearMonth, Double> priceRecord(World w) {
        java.util.NavigableMap<YearMonth, Double> out = new java.util.TreeMap<>();
        w.extension(org.lichain.world.MonthlyPrices.class)
                .ifPresent(mp -> mp.carbonateMonthly().forEach((m, pt) -> out.put(m, pt.value())));
        return java.util.Collections.unmodifiableNavigableMap(out);
    }

    private static final Map<World, Map<String, List<SupplyAsset>>> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Inputs from a World: every mined-supply asset and converter with its timeline and unit costs. */
    public static MarketInputs fromWorld(World w, Scenario scenario) {
        MarketData data = w.extension(MarketData.class).orElseGet(MarketDataExtension::loadEmbedded);
        String key = scenario.from() + ".." + scenario.to() + (scenario.forceMarketEvents() ? ":market" : "");
        Map<String, List<SupplyAsset>> perWorld = CACHE.computeIfAbsent(w,
                k -> Collections.synchronizedMap(new java.util.HashMap<>()));
        List<SupplyAsset> assets = perWorld.computeIfAbsent(key, k -> supplyAssets(w, scenario.from(), scenario.to(),
                scenario.forceMarketEvents()));
        int months = (int) monthsBetween(scenario.from(), scenario.to()) + 1;
        double[] fx = new double[months];
        for (int t = 0; t < months; t++) {
            fx[t] = w.fx().cnyPerUsd(scenario.from().plusMonths(t));
        }
        return new MarketInputs(scenario, data, assets, fx, w.fiscal().chinaVatPct(), priceRecord(w));
    }

    /** Years in which a country's supply is reconciled to reference totals: an aggregate asset reports production. */
    static java.util.Set<String> reconciledCountryYears(World w) {
        java.util.Set<String> reconciled = new java.util.HashSet<>();
        for (Asset a : w.assets()) {
            if (a.aggregate() && a.kind() != AssetKind.CONVERTER) {
                for (var p : w.productionOf(a.id())) {
                    reconciled.add(a.country() + ":" + p.year());
                }
            }
        }
        return reconciled;
    }

    static List<SupplyAsset> supplyAssets(World w, YearMonth from, YearMonth to, boolean forceMarketEvents) {
        int months = (int) monthsBetween(from, to) + 1;
        int years = to.getYear() - from.getYear() + 1;
        IntegratedOwners owners = integratedOwners(w);
        java.util.Set<String> reconciled = reconciledCountryYears(w);
        List<SupplyAsset> out = new ArrayList<>();
        for (Asset a : w.assets()) {
            double[] cap = new double[months];
            double max = 0;
            org.lichain.world.CapacityTimeline timeline = forceMarketEvents ? a.capacity()
                    : a.capacity().without(org.lichain.world.CapacityEvent.Cause.MARKET);
            for (int t = 0; t < months; t++) {
                cap[t] = timeline.capacityTLcePerYear(from.plusMonths(t));
            }
            if (a.kind() != AssetKind.CONVERTER) {
                countInsideAggregate(w, a, from, cap, reconciled);
            }
            for (double c : cap) {
                max = Math.max(max, c);
            }
            if (max <= 0) {
                continue;
            }
            double[] c1 = new double[years];
            double[] sus = new double[years];
            double[] roy = new double[SupplyAsset.ROYALTY_GRID_USD.length];
            if (a.kind() != AssetKind.CONVERTER) {
                for (int y = 0; y < years; y++) {
                    CostBreakdown cb = CostModel.unitCost(w, a, YearMonth.of(from.getYear() + y, 7),
                            ROYALTY_REFERENCE_PRICE_USD);
                    c1[y] = cb.c1ExRoyaltiesUsdPerTLce();
                    sus[y] = cb.sustainingCapexUsdPerTLce();
                }
                YearMonth mid = YearMonth.of(Math.min(to.getYear(), Math.max(from.getYear(), 2023)), 7);
                var balance = org.lichain.process.ProcessModel.balance(w, a, mid.getYear());
                for (int k = 0; k < roy.length; k++) {
                    roy[k] = CostModel.unitCost(w, a, balance, mid, SupplyAsset.ROYALTY_GRID_USD[k])
                            .royaltiesTaxesUsdPerTLce();
                }
            }
            boolean pipeline = a.status2025() == AssetStatus.DEVELOPMENT && cap[0] <= 0;
            boolean captive = false;
            for (var stake : a.owners()) {
                captive |= stake.stakePct() >= 50 && owners.integrated(stake.ownerId());
            }
            out.add(new SupplyAsset(a.id(), a.name(), a.country(), a.region(), a.resourceType(), a.kind(), cap, c1,
                    roy, sus, pipeline, captive));
        }
        return List.copyOf(out);
    }

    /** The integrated-owner lookup of a World (none when it has no company data). */
    static IntegratedOwners integratedOwners(World w) {
        for (Object ext : w.extensions().values()) {
            if (ext instanceof IntegratedOwners o) {
                return o;
            }
        }
        return owner -> false;
    }

    /**
     * Where the dataset reconciles a country's supply to reference totals (a same-country aggregate row reports
     * production that year), a named asset without its own production report that year is counted inside the
     * aggregate and gets no capacity of its own that year (no double counting of back-filled nameplates; the
     * aggregate's capacity is the dataset's estimate of the residual). This is the dataset's structure, not a
     * calibration: reported production never scales an asset's capacity (named simplification, docs/market.md).
     */
    static void countInsideAggregate(World w, Asset a, YearMonth from, double[] cap, java.util.Set<String> reconciled) {
        if (a.aggregate()) {
            return;
        }
        int t = 0;
        while (t < cap.length) {
            int year = from.plusMonths(t).getYear();
            int end = t;
            while (end < cap.length && from.plusMonths(end).getYear() == year) {
                end++;
            }
            if (reconciled.contains(a.country() + ":" + year) && w.productionOf(a.id(), year).isEmpty()) {
                for (int k = t; k < end; k++) {
                    cap[k] = 0.0;
                }
            }
            t = end;
        }
    }

    int indexOf(String assetId) {
        for (int i = 0; i < supply.size(); i++) {
            if (supply.get(i).id().equals(assetId)) {
                return i;
            }
        }
        return -1;
    }

    public Scenario scenario() {
        return scenario;
    }

    /**
     * How a run reported from {@code first} (after {@link Simulation#SPIN_UP_START}) gets its state, in words: the
     * spin-up of {@link Simulation#runFrom} on a price record ({@link #priceRecord}).
     */
    public static String spinUpState(java.util.NavigableMap<YearMonth, Double> priceRecordCnyPerTInclVat,
                                     YearMonth first) {
        YearMonth before = first.minusMonths(1);
        YearMonth lastRecorded = priceRecordCnyPerTInclVat.lowerKey(first);
        String imposed = lastRecorded == null ? "with no recorded China price before it (the model formed the price)"
                : String.format(java.util.Locale.ROOT, "with the recorded China carbonate monthly means imposed "
                        + "through %s%s", lastRecorded, lastRecorded.isBefore(before)
                        ? " (the record ends there; the model formed the price from " + lastRecorded.plusMonths(1)
                        + " to " + before + ")" : "");
        return "starts from the state at " + first + ": spun up from " + Simulation.SPIN_UP_START + " " + imposed
                + "; operating status, utilisation, stocks, FIDs and price expectations at " + first
                + " are the model's response to those prices (the same state as a forecast from that origin)";
    }

    public MarketParameters parameters() {
        return params;
    }

    /**
     * The prepared assets (mined supply without the generated GENERIC- projects, then converters), as
     * {@link #withScenario} passes them to {@link #of}: for front ends that derive variants (ensembles).
     */
    public List<SupplyAsset> allAssets() {
        List<SupplyAsset> all = new ArrayList<>();
        for (SupplyAsset a : supply) {
            if (!a.id().startsWith("GENERIC-")) {
                all.add(a);
            }
        }
        all.addAll(converters);
        return all;
    }

    public List<SupplyAsset> supply() {
        return supply;
    }

    public int months() {
        return months;
    }

    public YearMonth start() {
        return start;
    }

    /** The same prepared assets under another scenario with the same period (cheap: costs are reused). */
    public MarketInputs withScenario(Scenario s) {
        MarketInputs copy = derive(s, data, allAssets());
        copy.imposedPriceUsd = imposedPriceUsd;
        return copy;
    }

    /**
     * The same inputs with the recorded China price imposed on every month up to {@code last} that the record has
     * (converted to USD ex-VAT at the month's FX and the VAT rate): a run on them is the model's response to the observed
     * prices until {@code last} (operating status, utilisation, stocks, FIDs and expectations), then free. Used to
     * build the state at a forecast's origin (docs/forecast.md). Members derived by {@link #withScenario} keep it.
     */
    public MarketInputs withObservedPriceUntil(YearMonth last) {
        MarketInputs copy = withScenario(scenario);
        double[] imposed = new double[months];
        java.util.Arrays.fill(imposed, Double.NaN);
        for (int t = 0; t < months; t++) {
            YearMonth m = start.plusMonths(t);
            Double cny = m.isAfter(last) ? null : priceRecordCnyPerTInclVat.get(m);
            if (cny != null) {
                imposed[t] = cny / (cnyPerUsd[t] * (1 + vatPct / 100.0));
            }
        }
        copy.imposedPriceUsd = imposed;
        return copy;
    }

    /**
     * Inputs for a variant of these (an ensemble draw): another scenario with the same period, market data and
     * assets (e.g. with changed costs), keeping the exchange rates, VAT and price record of these inputs.
     */
    public MarketInputs derive(Scenario s, MarketData variantData, List<SupplyAsset> variantAssets) {
        if (!s.from().equals(scenario.from()) || !s.to().equals(scenario.to())) {
            throw new IllegalArgumentException("a variant needs the same period; prepare new inputs instead");
        }
        return new MarketInputs(s, variantData, variantAssets, cnyPerUsd, vatPct, priceRecordCnyPerTInclVat);
    }

    /**
     * The same inputs with another demand {@code [segment][region][t]} (t LCE per month): a demand shock on exact
     * months, for tests and front ends that perturb demand directly.
     */
    public MarketInputs withDemand(double[][][] demandTLcePerMonth) {
        MarketInputs copy = withScenario(scenario);
        for (int k = 0; k < copy.demandBySegment.length; k++) {
            for (int r = 0; r < copy.demandBySegment[k].length; r++) {
                System.arraycopy(demandTLcePerMonth[k][r], 0, copy.demandBySegment[k][r], 0, months);
            }
        }
        return copy;
    }

    static long monthsBetween(YearMonth a, YearMonth b) {
        return (b.getYear() - a.getYear()) * 12L + (b.getMonthValue() - a.getMonthValue());
    }
}
