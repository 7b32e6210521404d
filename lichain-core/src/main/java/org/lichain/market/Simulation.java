package org.lichain.market;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lichain.world.AssetKind;
import org.lichain.world.World;

/**
 * The monthly market simulation: a pure function of (World or prepared {@link MarketInputs}, scenario, seed).
 * Each month, in this order (all decisions use only the past: no perfect foresight):
 * <ol>
 * <li><b>Demand</b>: drivers × noise, less sodium-ion substitution and demand destruction at the expected price;
 * recycled lithium (manufacturing scrap and end-of-life batteries) covers part of it ({@link SecondarySupply}).</li>
 * <li><b>Supply decisions</b>: capacity from the timelines (nameplate; the dataset's market-caused events are left to
 * the model unless the scenario forces them); closure to care and maintenance and restart with hysteresis on last
 * month's margin, the chain margin for assets of integrated owners ({@link SupplyResponse}); FIDs of development
 * projects on expected prices and the expected balance including committed projects ({@link InvestmentDecision}).</li>
 * <li><b>Production</b>: utilisation from price/C1, cut by unsold stock, floored by state support.</li>
 * <li><b>Purchases</b>: consumers want a stock cover that moves, boundedly, with the price trend
 * ({@link InventoryPolicy}).</li>
 * <li><b>Trade</b>: production and producers' stock are routed to regional purchase needs by a min-cost flow
 * (freight, tariffs, bans, quotas); what is not bought stays with producers.</li>
 * <li><b>Price</b>: one continuous rule ({@link PriceFormation}): the cost at the margin of available capacity at the
 * month's use × (stocks held ÷ stocks wanted)^(−β), softly bounded by the choke price; the price moves a share of
 * the way to it. Regional prices add landed-cost differences of real arcs and a bounded scarcity premium.</li>
 * </ol>
 */
public final class Simulation {
    /**
     * Choke price, USD per t LCE ex-VAT: the price target is softly bounded below it (demand would be destroyed
     * rather than bid higher)
     * (estimate: ~1.3x the Nov 2022 high of ~US$80/kg, Benchmark/WTW Feb 2024).
     */
    static final double CHOKE_PRICE_USD = 100_000;

    private Simulation() {
    }

    /** Runs a scenario on a world; {@code seed} overrides the scenario's. */
    public static SimulationResult run(World world, Scenario scenario, long seed) {
        return run(MarketInputs.fromWorld(world, scenario), seed, new SuccessiveShortestPathSolver());
    }

    /** The first month of the spin-up that builds the state at a later start (the base run's first month). */
    public static final YearMonth SPIN_UP_START = YearMonth.of(2020, 1);

    /**
     * A run reported from the scenario's first month. A start after {@link #SPIN_UP_START} is the observed state
     * at that month, not the base run shifted: the run is spun up from {@link #SPIN_UP_START} with the recorded China
     * price imposed until the month before the start ({@link MarketInputs#withObservedPriceUntil}; operating status,
     * utilisation, stocks, FIDs and expectations are the model's response to the prices seen), then runs free and is
     * reported from the start ({@link SimulationResult#from}). Where the record ends earlier, the model forms the
     * price from the record's end. The same state as a forecast at that origin (docs/forecast.md).
     */
    public static SimulationResult runFrom(World world, Scenario scenario, long seed) {
        if (!scenario.from().isAfter(SPIN_UP_START)) {
            return run(world, scenario, seed);
        }
        Scenario whole = scenario.withPeriod(SPIN_UP_START, scenario.to());
        MarketInputs in = MarketInputs.fromWorld(world, whole).withObservedPriceUntil(scenario.from().minusMonths(1));
        return run(in, seed, new SuccessiveShortestPathSolver()).from(scenario.from());
    }

    /** The base scenario 2020-01..2035-12 on a world (used by {@code lichain run}). */
    public static SimulationResult runBase2020to2035(World world) {
        Scenario s = Scenario.base().withPeriod(YearMonth.of(2020, 1), YearMonth.of(2035, 12));
        return run(world, s, s.seed());
    }

    /** Copies of every monthly trade problem of a run (for solver benchmarks and cross-checks). */
    public static List<FlowNetwork> monthlyTradeProblems(MarketInputs in) {
        List<FlowNetwork> out = new ArrayList<>();
        SuccessiveShortestPathSolver ours = new SuccessiveShortestPathSolver();
        run(in, in.scenario.seed(), net -> {
            out.add(net.copy());
            return ours.solve(net);
        });
        return out;
    }

    /** Runs on prepared inputs with the given trade solver. */
    public static SimulationResult run(MarketInputs in, long seed, FlowSolver solver) {
        Run r = new Run(in, seed, solver, null, null);
        for (int t = 0; t < r.T; t++) {
            r.month(t);
        }
        return r.result();
    }

    /**
     * The key metrics of a run, for ensembles: the same run as {@link #run(MarketInputs, long, FlowSolver)}, equal to
     * its values to the last bit, without the outputs the ensemble does not read (trade flows by origin, imports,
     * regional prices, per-asset cost and capacity columns).
     *
     * @param priceCnyPerTInclVat    China spot price, CNY per t incl. VAT, per month
     * @param mineSelfSufficiency    per demand region (ordinal) and month, as {@link SimulationResult#mineSelfSufficiency()}
     * @param shareAtLoss            share of the selected assets' output whose C1 exceeds the price, per month, as
     *                               {@link SimulationResult#shareAtLoss(String, String)}
     */
    public record KeyMetrics(double[] priceCnyPerTInclVat, double[][] mineSelfSufficiency, double[] shareAtLoss) {
    }

    /** Runs for {@link KeyMetrics}; {@code lossResourceType} and {@code lossCountry} select the assets (null = all). */
    public static KeyMetrics keyMetrics(MarketInputs in, long seed, FlowSolver solver, String lossResourceType,
                                        String lossCountry) {
        boolean[] select = new boolean[in.supply.size()];
        for (int i = 0; i < select.length; i++) {
            SupplyAsset a = in.supply.get(i);
            select[i] = (lossResourceType == null || a.resourceType().id().equals(lossResourceType))
                    && (lossCountry == null || a.country().equals(lossCountry));
        }
        Run r = new Run(in, seed, solver, select, new double[in.months]);
        for (int t = 0; t < r.T; t++) {
            r.month(t);
        }
        return new KeyMetrics(r.cny, r.mineSelf, r.selectedLossShare);
    }

    /**
     * The state and outputs of one run. The month is a sequence of steps, each a thin shell around pure kernels
     * ({@link PriceFormation}, {@link SupplyResponse}, {@link InventoryPolicy}, {@link InvestmentDecision},
     * {@link SecondarySupply}) that have their own hand-computed tests; several medium-sized methods also keep the JIT
     * fast (one very large method took seconds of C2 time per JVM).
     */
    private static final class Run {
        final MarketInputs in;
        final long seed;
        final FlowSolver solver;
        final MarketParameters p;
        final int T;
        final int A;
        final int R;
        final TradeNetwork tn;
        final int C;
        final int[] assetCountry;
        final boolean[] concentrate;
        final int[] convCountry;
        final SplittableRandom rng;

        // outputs
        final double[] price;
        final double[] cny;
        final double[] lioh;
        final double[] sc6;
        final double[] mcOut;
        final boolean[] shortOut;
        final double[] demand;
        final double[][] demandByRegion;
        final double[][] demandBySegment;
        final double[] consumption;
        final double[] unmet;
        final double[] production;
        final double[][] prodByAsset;
        final double[] available;
        final double[] curtailedCap;
        final double[] utilisation;
        final double[] lossShare;
        final double[] consStock;
        final double[] prodStock;
        final double[] desired;
        final double[] expected;
        final double[] recycled;
        final double[] substituted;
        final double[] targetOut;
        final double[] tightnessOut;
        final double[][] regionalPrice;
        final double[][][] flows;
        final double[][] imports;
        final double[][] mineSelf;
        final double[][] convSelf;
        final double[][] cnByOrigin;
        final double[][] cnFeed;
        final double[][] c1Out;
        final boolean[][] runningOut;
        final double[][] capOut;

        // state
        final double[] operating;
        final int[] fid;
        final int[] shift;
        final int[] lead;
        final boolean[] attrited;
        final boolean[] generic;
        final boolean[] withdrawn;
        final double[] c1;
        final int[] ord;
        final int[] plannedStart;
        final double[] committedProfile;
        final double[] outlookDemand;
        final int[] fidsThisYear;
        /** Fast-track projects ({@link MarketInputs#genericProjects}): short lead, high cost, FID also on price. */
        final boolean[] fastTrack;
        /** Projected demand by look-ahead (months) within one month of FID decisions, and the month (+1) it is for. */
        final double[] projectedMemo = new double[600];
        final int[] projectedStamp = new int[600];
        final double[] received;
        final double[] concIntoConverter;
        final double[][] concByOriginInto;
        final double[][] chemTo;
        final double[] chemOwnShare;
        final double[][] originShare;
        final double[] minedIn;
        final double[] convertedIn;
        final double[] regStock;
        final double[] stockConc;
        final double[] stockChem;
        final double[] prevStockConc;
        final double[] prevStockChem;
        final double[] need;
        final double[] dReg;
        final double[] dUse;
        final double[] unmetReg;
        final double[] batteryReg;
        final double[] convCap;
        final double[] concProd;
        final double[] chemProd;
        final double[] cap;
        /** Capacity able to produce this month: nameplate × ramp-up performance, plus shock-added capacity. */
        final double[] perfCap;
        final double[] availCap;
        final double[] curveCost;
        final boolean[] built;
        final int[] curveCostYear;
        final double[] curveCostThisYear;
        final double[] landedSum;
        final double[] landedQ;
        final double initialStock;
        final double concValueShare;
        final double maxUtil;
        /** Key-metrics mode: the assets whose share at a loss is wanted (else null: every output is kept). */
        final boolean[] lossSelect;
        final double[] selectedLossShare;
        final boolean lean;
        double prevPrice = Double.NaN;
        SupplyAsset.GridPoint prevPriceOnGrid;
        double expectation = Double.NaN;

        // the month being computed
        YearMonth m;
        int y;
        double D;
        double dUseTotal;
        double Q;
        double coverNow;
        FlowSolution sol;

        Run(MarketInputs in, long seed, FlowSolver solver, boolean[] lossSelect, double[] selectedLossShare) {
            this.in = in;
            this.lossSelect = lossSelect;
            this.selectedLossShare = selectedLossShare;
            this.lean = lossSelect != null;
            this.seed = seed;
            this.solver = solver;
            p = in.params;
            T = in.months;
            A = in.supply.size();
            R = DemandRegion.values().length;
            tn = new TradeNetwork(in);
            C = tn.countries.length;
            assetCountry = new int[A];
            concentrate = new boolean[A];
            for (int i = 0; i < A; i++) {
                assetCountry[i] = tn.indexOf(in.supply.get(i).country());
                concentrate[i] = in.supply.get(i).kind() == AssetKind.MINE_CONCENTRATE;
            }
            convCountry = new int[in.converters.size()];
            for (int j = 0; j < convCountry.length; j++) {
                convCountry[j] = tn.indexOf(in.converters.get(j).country());
            }
            rng = new SplittableRandom(seed);
            // project draws come from their own stream, one per asset in a fixed order, so that demand noise or
            // the order of decisions never changes which lead time a project gets
            SplittableRandom projects = new SplittableRandom(seed ^ 0x5DEECE66DL);

            price = new double[T];
            cny = new double[T];
            lioh = new double[T];
            sc6 = new double[T];
            mcOut = new double[T];
            shortOut = new boolean[T];
            demand = new double[T];
            demandByRegion = new double[R][T];
            demandBySegment = new double[DemandModel.SEGMENTS.length][T];
            consumption = new double[T];
            unmet = new double[T];
            production = new double[T];
            prodByAsset = new double[A][T];
            available = new double[T];
            curtailedCap = new double[T];
            utilisation = new double[T];
            lossShare = new double[T];
            consStock = new double[T];
            prodStock = new double[T];
            desired = new double[T];
            expected = new double[T];
            recycled = new double[T];
            substituted = new double[T];
            targetOut = new double[T];
            tightnessOut = new double[T];
            mineSelf = new double[R][T];
            if (lean) {
                regionalPrice = null;
                flows = null;
                imports = null;
                convSelf = null;
                cnByOrigin = null;
                cnFeed = null;
                c1Out = null;
                runningOut = null;
                capOut = null;
            } else {
                regionalPrice = new double[R][T];
                flows = new double[T][C][R];
                imports = new double[R][T];
                convSelf = new double[R][T];
                cnByOrigin = new double[C][T];
                cnFeed = new double[C][T];
                c1Out = new double[A][T];
                runningOut = new boolean[A][T];
                capOut = new double[A][T];
            }

            operating = new double[A];
            fid = new int[A];
            shift = new int[A];
            lead = new int[A];
            attrited = new boolean[A];
            generic = new boolean[A];
            withdrawn = new boolean[A];
            c1 = new double[A];
            ord = new int[A];
            plannedStart = new int[A];
            committedProfile = new double[T];
            outlookDemand = new double[T];
            for (double[][] seg : in.demandBySegment) {
                for (double[] reg : seg) {
                    for (int t = 0; t < T; t++) {
                        outlookDemand[t] += reg[t];
                    }
                }
            }
            // one count per resource type, and one for the fast-track projects
            fidsThisYear = new int[org.lichain.world.ResourceType.values().length + 1];
            fastTrack = new boolean[A];
            for (int i = 0; i < A; i++) {
                SupplyAsset a = in.supply.get(i);
                plannedStart[i] = firstCapacityMonth(in.capacityPerMonth[i]);
                operating[i] = 1.0;
                fid[i] = a.pipeline() ? Integer.MIN_VALUE : -1;
                ord[i] = i;
                fastTrack[i] = a.id().startsWith(MarketInputs.FAST_TRACK_PREFIX);
                double base = fastTrack[i] ? p.leadTimeFastTrackMonths()
                        : a.resourceType() == org.lichain.world.ResourceType.BRINE
                        ? p.leadTimeBrineMonths() : p.leadTimeHardRockMonths();
                lead[i] = InvestmentDecision.leadTimeMonths(base, p.leadTimeSigma(), gaussian(projects));
                // attrition only for generic projects: the dataset's announced projects carry their own dates
                generic[i] = a.id().startsWith("GENERIC-");
                attrited[i] = projects.nextDouble() * 100.0 < p.projectAttritionPct() && generic[i];
                if (!a.pipeline()) {
                    for (int t = 0; t < T; t++) {
                        committedProfile[t] += in.capacityPerMonth[i][t] * in.performance[i][t];
                    }
                }
            }
            received = new double[R];
            concIntoConverter = new double[C]; // by converter country
            concByOriginInto = new double[C][C];
            chemTo = new double[C][R];
            chemOwnShare = new double[C];
            originShare = new double[C][C];
            minedIn = new double[R];
            convertedIn = new double[R];
            regStock = new double[R];
            stockConc = new double[C];
            stockChem = new double[C];
            prevStockConc = new double[C];
            prevStockChem = new double[C];
            need = new double[R];
            dReg = new double[R];
            dUse = new double[R];
            unmetReg = new double[R];
            batteryReg = new double[R];
            convCap = new double[C];
            concProd = new double[C];
            chemProd = new double[C];
            cap = new double[A];
            perfCap = new double[A];
            availCap = new double[A];
            curveCost = new double[A];
            built = new boolean[A];
            curveCostYear = new int[A];
            java.util.Arrays.fill(curveCostYear, -1);
            curveCostThisYear = new double[A];
            landedSum = new double[R];
            landedQ = new double[R];

            // initial condition: stocks at the initial cover of the first month's demand; price from the first target
            double d0 = 0;
            for (int r = 0; r < R; r++) {
                double dr = 0;
                for (int k = 0; k < DemandModel.SEGMENTS.length; k++) {
                    dr += in.demandBySegment[k][r][0];
                }
                regStock[r] = dr * p.initialInventoryCoverMonths();
                d0 += dr;
            }
            initialStock = d0 * p.initialInventoryCoverMonths();
            concValueShare = p.sc6ValueSharePct() / 100.0;
            maxUtil = p.maxUtilisationPct() / 100.0;
            // the state at the origin: where the record has the months before the start, the run starts from the
            // observed price, with expectations built from the observed path (else from the first month's target)
            double[] obs = in.observedBeforeStartUsd;
            if (!Double.isNaN(obs[obs.length - 1])) {
                for (double o : obs) {
                    if (!Double.isNaN(o)) {
                        expectation = Double.isNaN(expectation) ? o
                                : expectation + p.expectationWeightPerMonth() * (o - expectation);
                    }
                }
                prevPrice = obs[obs.length - 1];
            }
        }

        /** The price {@code k} months before month {@code t}: simulated, or observed before the start (NaN if none). */
        double priceBefore(int t, int k) {
            int s = t - k;
            if (s >= 0) {
                return price[s];
            }
            int o = in.observedBeforeStartUsd.length + s;
            return o >= 0 ? in.observedBeforeStartUsd[o] : Double.NaN;
        }

        void month(int t) {
            m = in.start.plusMonths(t);
            y = m.getYear() - in.start.getYear();
            if (m.getMonthValue() == 1) {
                java.util.Arrays.fill(fidsThisYear, 0);
            }
            demandStep(t);
            supplyDecisions(t);
            productionStep(t);
            purchasesStep(t);
            tradeStep(t);
            double[] f = sol.flow();
            readFlows(f);
            consumeStep(t);
            double P = priceStep(t);
            attribute(t, f);
            bookkeeping(t, P, f);
            prevPrice = P;
        }

        // 1. demand: drivers x noise, less sodium-ion substitution and demand destruction at the expected price;
        // recycled lithium (scrap + end of life) covers part of each region's use
        void demandStep(int t) {
            double noise = in.scenario.demandNoisePct() > 0
                    ? Math.max(0.0, 1 + in.scenario.demandNoisePct() / 100.0 * gaussian(rng)) : 1.0;
            double sodium = 0;
            double destroy = 1;
            double shortRun = 1;
            if (!Double.isNaN(expectation) && !Double.isNaN(prevPrice)) {
                shortRun = SecondarySupply.shortRunDemandFactor(prevPrice, expectation, p.shortRunDemandElasticity());
            }
            if (!Double.isNaN(expectation)) {
                sodium = SecondarySupply.sodiumShare(expectation, p.sodiumThresholdUsdPerTLce(),
                        p.sodiumSaturationUsdPerTLce(), p.sodiumMaxSharePct());
                destroy = SecondarySupply.destructionFactor(expectation, p.destructionThresholdUsdPerTLce(),
                        p.destructionElasticity());
            }
            for (int r = 0; r < R; r++) {
                dReg[r] = 0;
                batteryReg[r] = 0; // battery demand of the region this month (for scrap)
            }
            double gross = 0;
            for (int k = 0; k < DemandModel.SEGMENTS.length; k++) {
                // sodium-ion competes with LFP-type cells: LFP EVs (segment 0) and storage (segment 2)
                double f = destroy * shortRun * (k == 0 || k == 2 ? 1 - sodium : 1.0);
                boolean battery = k < DemandModel.SEGMENTS.length - 1;
                double seg = 0;
                for (int r = 0; r < R; r++) {
                    double g = in.demandBySegment[k][r][t] * noise;
                    double v = g * f;
                    gross += g;
                    dReg[r] += v;
                    if (battery) {
                        batteryReg[r] += v;
                    }
                    seg += v;
                }
                demandBySegment[k][t] = seg;
            }
            double d = 0;
            double rec = 0;
            double use = 0;
            for (int r = 0; r < R; r++) {
                double rr = Math.min(dReg[r], SecondarySupply.recycledTLce(batteryReg[r],
                        in.batteryDemandOneLifetimeAgo[r][t] * noise, p.recyclingScrapPct(),
                        p.recyclingEndOfLifePct()));
                demandByRegion[r][t] = dReg[r];
                d += dReg[r];
                rec += rr;
                dUse[r] = dReg[r] - rr; // from here on: primary lithium the region uses
                use += dUse[r];
            }
            demand[t] = d;
            recycled[t] = rec;
            substituted[t] = gross - d;
            D = d;
            dUseTotal = use;
        }

        // 2. supply decisions on last month's price; investment on expectations and the expected balance
        void supplyDecisions(int t) {
            double decisionPrice0 = Double.isNaN(prevPrice) ? 0 : prevPrice;
            prevPriceOnGrid = SupplyAsset.at(decisionPrice0);
            tn.applyGates(in, m, convCap); // arc costs are set for the trade later this month
            double trailing = 0;
            double trailingPrev = 0;
            if (t >= 24) {
                for (int k = 1; k <= 12; k++) {
                    trailing += demand[t - k] - recycled[t - k];
                    trailingPrev += demand[t - 12 - k] - recycled[t - 12 - k];
                }
            } else if (t >= 1) {
                for (int k = 1; k <= Math.min(12, t); k++) {
                    trailing += demand[t - k] - recycled[t - k];
                }
                trailing *= 12.0 / Math.min(12, t);
            }
            double growth = trailingPrev > 0 ? Math.log(trailing / trailingPrev) : 0.0;
            for (int i = 0; i < A; i++) {
                SupplyAsset a = in.supply.get(i);
                if (fid[i] == Integer.MIN_VALUE && !Double.isNaN(expectation)) {
                    invest(i, a, t, trailing / 12.0, growth);
                }
                if (fid[i] == Integer.MIN_VALUE && (in.addedByShock == null || in.addedByShock[i] == null)) {
                    // a project without FID (most generic slots): nothing built, nothing to decide
                    cap[i] = 0.0;
                    perfCap[i] = 0.0;
                    built[i] = false;
                    continue;
                }
                if (attrited[i] && !withdrawn[i] && fid[i] >= 0 && t >= fid[i] + lead[i] / 2) {
                    withdrawn[i] = true; // the failed project is announced: investors stop counting it
                    addProfile(i, -1);
                }
                int src = t - shift[i];
                cap[i] = fid[i] == Integer.MIN_VALUE || src < 0 || attrited[i] ? 0.0 : in.capacityPerMonth[i][src];
                perfCap[i] = cap[i] > 0 ? cap[i] * in.performance[i][src] : 0.0;
                built[i] = cap[i] > 0; // exists this month (before any scenario shock)
                if (in.suspendedByShock != null && in.suspendedByShock[i] != null && in.suspendedByShock[i][t]) {
                    cap[i] = 0.0;
                    perfCap[i] = 0.0;
                } else if (in.addedByShock != null && in.addedByShock[i] != null) {
                    // capacity a scenario adds performs fully (named simplification: no ramp-up of shocks)
                    cap[i] += in.addedByShock[i][t];
                    perfCap[i] += in.addedByShock[i][t];
                }
                if (cap[i] <= 0) {
                    // no capacity this month: nothing to decide and nothing produced or available
                    continue;
                }
                c1[i] = a.c1UsdPerTLce(y, prevPriceOnGrid);
                if (!Double.isNaN(prevPrice)) {
                    // concentrate that can neither be exported nor converted at home earns nothing
                    double decisionPrice = concentrate[i] && tn.blockedConcentrate(assetCountry[i]) ? 0
                            : decisionPrice0;
                    double margin = decisionPrice + (a.captive() ? p.integratedOwnerMarginUsdPerTLce() : 0) - c1[i];
                    operating[i] = SupplyResponse.nextOperatingShare(operating[i], margin, c1[i], in.lossTolerance[i],
                            p.curtailAfterMonths() + in.extraLossMonths[i], p.restartAfterMonths());
                }
            }
        }

        /** The FID rule for pipeline project {@code i} this month ({@link InvestmentDecision}). */
        void invest(int i, SupplyAsset a, int t, double trailingMonthlyUse, double growth) {
            int planned = plannedStart[i];
            int type = fastTrack[i] ? fidsThisYear.length - 1 : a.resourceType().ordinal();
            if (planned < 0 || t < (generic[i] ? planned : planned - lead[i])
                    || fidsThisYear[type] >= p.maxFidsPerYearPerType()) {
                return; // not yet eligible, or the type's decisions for the year are used up
            }
            // high-cost quick supply is rushed only when the price its investors see (last month's spot) is well above
            // its cost: it pays back within its first year of output, so they read the spot, not a slow average
            if (fastTrack[i] && !InvestmentDecision.fastTrackPriceReached(prevPrice, curveCostOf(i),
                    p.fastTrackPriceMultiple())) {
                return;
            }
            // investors look to when the project is halfway up its ramp (lead time + half the ramp-up); a fast-track
            // project pays back within its first year of output at the prices that call it forth, so its investors
            // look to its first month of production
            int ahead = fastTrack[i] ? lead[i] : lead[i] + (int) Math.round(p.rampUpMonths() / 2);
            int horizon = Math.min(T - 1, t + ahead);
            // demand at the horizon: today's use grown at the outlook's rate (the scenario's demand drivers, which
            // are public forecasts such as the IEA's); where the run ends before the horizon, at the trailing rate
            double projected;
            if (ahead < projectedStamp.length && projectedStamp[ahead] == t + 1) {
                projected = projectedMemo[ahead]; // the same month and look-ahead as an earlier project: same value
            } else {
                projected = t + ahead <= T - 1 && outlookDemand[t] > 0
                        ? trailingMonthlyUse * outlookDemand[t + ahead] / outlookDemand[t]
                        : InvestmentDecision.projectedDemand(trailingMonthlyUse, growth, ahead);
                if (ahead < projectedStamp.length) {
                    projectedStamp[ahead] = t + 1;
                    projectedMemo[ahead] = projected;
                }
            }
            if (InvestmentDecision.takesFid(committedProfile[horizon], p.normalUtilisationPct() / 100.0, projected,
                    p.fidReserveMarginPct(),
                    fidsThisYear[type], p.maxFidsPerYearPerType())) {
                fid[i] = t;
                shift[i] = Math.max(0, t + lead[i] - planned);
                fidsThisYear[type]++;
                addProfile(i, 1);
            }
        }

        /** C1 of asset {@code i} this year with royalties at the reference price (computed once per asset and year). */
        double curveCostOf(int i) {
            if (curveCostYear[i] != y) {
                curveCostYear[i] = y;
                curveCostThisYear[i] = in.supply.get(i).c1UsdPerTLce(y, MarketInputs.ROYALTY_REFERENCE_PRICE_USD);
            }
            return curveCostThisYear[i];
        }

        /** Adds (sign 1) or removes (−1) project {@code i}'s shifted capacity to the committed profile. */
        void addProfile(int i, int sign) {
            // from the project's first month with capacity (earlier months would add zeros)
            for (int tt = Math.max(0, shift[i] + Math.max(0, plannedStart[i])); tt < T; tt++) {
                int src = tt - shift[i];
                committedProfile[tt] += sign * in.capacityPerMonth[i][src] * in.performance[i][src];
            }
        }

        void productionStep(int t) {
            double q0 = 0;
            double avail = 0;
            double curtailed = 0;
            // producers cut runs when the market's unsold stock (all producers', in months of last month's use) is
            // above target: one factor for all, so a suspension elsewhere never makes the others cut
            double lastUse = t > 0 ? demand[t - 1] - recycled[t - 1] : dUseTotal;
            double stockMonths = t > 0 && lastUse > 0 ? reachableProducerStock() / lastUse : 0.0;
            double unsoldFactor = SupplyResponse.unsoldStockFactor(stockMonths, p.producerStockTargetMonths());
            for (int c = 0; c < C; c++) {
                concProd[c] = 0;
                chemProd[c] = 0;
                convCap[c] = 0;
            }
            for (int i = 0; i < A; i++) {
                if (cap[i] == 0.0) {
                    continue; // nothing built (most generic slots): nothing produced, available or curtailed
                }
                double q = 0.0;
                if (operating[i] > 0 && cap[i] > 0) {
                    double ratio = Double.isNaN(prevPrice) || c1[i] <= 0 ? 1.0 : prevPrice / c1[i];
                    q = perfCap[i] * operating[i] * Math.min(1.0, SupplyResponse.utilisation(p, ratio,
                            unsoldFactor, in.utilisationFloor[i]));
                }
                prodByAsset[i][t] = q;
                if (!lean) {
                    // reported as running while at least half its capacity operates
                    runningOut[i][t] = operating[i] >= 0.5 && cap[i] > 0;
                    capOut[i][t] = cap[i];
                }
                q0 += q;
                avail += cap[i];
                curtailed += cap[i] * (1 - operating[i]);
                if (concentrate[i]) {
                    concProd[assetCountry[i]] += q;
                } else {
                    chemProd[assetCountry[i]] += q;
                }
            }
            for (int j = 0; j < convCountry.length; j++) {
                convCap[convCountry[j]] += in.converters.get(j).capacityTLcePerYear()[t] / 12.0;
            }
            production[t] = q0;
            available[t] = avail;
            curtailedCap[t] = curtailed;
            utilisation[t] = avail > 0 ? q0 / avail : 0;
            Q = q0;
        }

        // 3. wanted stocks and purchases ({@link InventoryPolicy})
        void purchasesStep(int t) {
            double sixAgo = priceBefore(t, 6);
            double momentum = !Double.isNaN(prevPrice) && !Double.isNaN(sixAgo) ? Math.log(prevPrice / sixAgo) : 0.0;
            double growth = t >= 12 && demand[t - 12] > 0 ? Math.log(D / demand[t - 12]) : 0.0;
            double cover = InventoryPolicy.desiredCoverMonths(p, momentum, growth);
            for (int r = 0; r < R; r++) {
                need[r] = InventoryPolicy.purchases(dUse[r], cover, regStock[r], p.inventoryAdjustMonths());
            }
            desired[t] = cover * dUseTotal;
            coverNow = cover;
        }

        // 4. trade: route production and producers' stock to purchase needs
        void tradeStep(int t) {
            double tradePrice = Double.isNaN(prevPrice) ? 10_000 : prevPrice;
            tn.applyPolicies(in, m, tradePrice, tradePrice * concValueShare, convCap);
            double total = 0;
            for (int c = 0; c < C; c++) {
                double sc = concProd[c] + stockConc[c];
                double sh = chemProd[c] + stockChem[c];
                tn.net.setSupply(tn.concSrc[c], sc);
                tn.net.setSupply(tn.chemSrc[c], sh);
                total += sc + sh;
            }
            for (int r = 0; r < R; r++) {
                tn.net.setCapacity(tn.needArc[r], need[r]);
            }
            tn.net.setSupply(tn.sink, -total);
            sol = solver.solve(tn.net);
        }

        /** Reads the month's flows into producers' stocks, receipts by region and concentrate feed by origin. */
        void readFlows(double[] f) {
            java.util.Arrays.fill(received, 0.0);
            for (int c = 0; c < C; c++) {
                java.util.Arrays.fill(concByOriginInto[c], 0.0);
                java.util.Arrays.fill(chemTo[c], 0.0);
                java.util.Arrays.fill(originShare[c], 0.0);
                chemOwnShare[c] = 0;
            }
            java.util.Arrays.fill(minedIn, 0.0);
            java.util.Arrays.fill(convertedIn, 0.0);
            for (int c = 0; c < C; c++) {
                prevStockConc[c] = stockConc[c];
                prevStockChem[c] = stockChem[c];
                stockConc[c] = 0;
                stockChem[c] = 0;
            }
            for (int a = 0; a < f.length; a++) {
                double fl = f[a];
                if (fl <= 0) {
                    continue;
                }
                int kind = tn.arcKind[a];
                int o = tn.arcOrigin[a];
                int d = tn.arcDest[a];
                switch (kind) {
                    case TradeNetwork.HOLD_CONC -> stockConc[o] += fl;
                    case TradeNetwork.HOLD_CHEM -> stockChem[o] += fl;
                    case TradeNetwork.NEED -> received[d] += fl;
                    case TradeNetwork.CONC_HOME -> concByOriginInto[o][o] += fl;
                    case TradeNetwork.CONC_SHIP -> concByOriginInto[o][d] += fl;
                    default -> {
                    }
                }
            }
        }

        /** Producers' stock that can reach a buyer: not concentrate stranded behind an export ban. */
        double reachableProducerStock() {
            double ps = 0;
            for (int c = 0; c < C; c++) {
                ps += stockChem[c] + (tn.blockedConcentrate(c) ? 0.0 : stockConc[c]);
            }
            return ps;
        }

        /** Consumers use what they need of their stock plus receipts. */
        void consumeStep(int t) {
            double cons = 0;
            double cs = 0;
            for (int r = 0; r < R; r++) {
                double have = regStock[r] + received[r];
                double use = Math.min(dUse[r], have);
                regStock[r] = have - use;
                unmetReg[r] = dUse[r] - use;
                cons += use;
                cs += regStock[r];
            }
            consumption[t] = cons;
            unmet[t] = dUseTotal - cons;
            consStock[t] = cs;
            double ps = 0;
            for (int c = 0; c < C; c++) {
                ps += stockConc[c] + stockChem[c];
            }
            prodStock[t] = ps;
        }

        // 5. price ({@link PriceFormation}): cost at the margin of available capacity at this month's use, times the
        // stock factor, approached gradually
        double priceStep(int t) {
            double builtTop = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < A; i++) {
                // available = built and not suspended, running or idle, able to reach a buyer
                availCap[i] = cap[i] > 0 && !(concentrate[i] && tn.blockedConcentrate(assetCountry[i]))
                        ? perfCap[i] * maxUtil : 0.0;
                // the curve's cost: C1 with royalties at a fixed reference price, so that price-linked royalties
                // (Chile's sliding Corfo tiers) do not feed the price back into its own target
                if (built[i]) {
                    builtTop = Math.max(builtTop, curveCostOf(i));
                }
                // plants without available capacity go to the end of the order (the curve skips them anyway), so
                // the curve's walk from the cheapest stops before them
                curveCost[i] = availCap[i] > 0 ? curveCostOf(i) : Double.POSITIVE_INFINITY;
            }
            sortByCost(ord, curveCost, A);
            // the China price is formed in the market China trades with: every region while China's chemical exports
            // are open, China alone under a Chinese export ban
            boolean open = tn.cnIndex < 0 || tn.chemGateOpen(tn.cnIndex);
            double q = open ? dUseTotal : dUse[DemandRegion.CN.ordinal()];
            double mc = PriceFormation.marginalCostOfAvailable(curveCost, availCap, ord, A, q, p.scarcityElasticity(),
                    builtTop);
            if (Double.isNaN(mc)) { // no capacity at all
                mc = prevPrice > 0 ? prevPrice : 10_000;
            }
            // stocks count where Chinese buyers can reach them (not concentrate stranded behind a ban) and demand
            // that went unmet counts as a negative stock
            double use = 0;
            double held = 0;
            for (int r = 0; r < R; r++) {
                if (open || r == DemandRegion.CN.ordinal()) {
                    use += dUse[r];
                    held += regStock[r] - unmetReg[r];
                }
            }
            for (int c = 0; c < C; c++) {
                held += (tn.chemReachesChina(c) ? stockChem[c] : 0.0) + (tn.concReachesChina(c) ? stockConc[c] : 0.0);
            }
            double wanted = (coverNow + p.producerStockTargetMonths()) * use;
            PriceFormation.Target target = PriceFormation.target(mc, held, wanted, p.coverPriceElasticity(),
                    CHOKE_PRICE_USD);
            double P = PriceFormation.adjust(prevPrice, target.targetUsd(), p.priceAdjustmentPerMonth());
            if (in.imposedPriceUsd != null && !Double.isNaN(in.imposedPriceUsd[t])) {
                P = in.imposedPriceUsd[t]; // spin-up to a forecast's origin: the observed price
            }
            price[t] = P;
            mcOut[t] = mc;
            targetOut[t] = target.targetUsd();
            tightnessOut[t] = target.tightness();
            shortOut[t] = target.tightness() < 1;
            cny[t] = P * in.cnyPerUsd[t] * (1 + in.vatPct / 100.0);
            lioh[t] = P * 0.8805 * (1 + p.hydroxidePremiumPct() / 100.0);
            // SC6: contained LCE 0.148 t per t (6% Li2O x 2.473), recovered at conversion, valued at the converters'
            // netback share, which falls (their margin widens) when stocks are short of what buyers want
            double share = concValueShare - p.conversionMarginTightPct() / 100.0
                    * Math.max(0, Math.min(1, 1 - target.tightness()));
            sc6[t] = P * 0.06 * 2.473 * p.conversionRecoveryPct() / 100.0 * share;
            expectation = Double.isNaN(expectation) ? P
                    : expectation + p.expectationWeightPerMonth() * (P - expectation);
            expected[t] = expectation;
            return P;
        }

        /** Chemical shipments by producing country and region, attributed to the origins of the converters' feed. */
        void attribute(int t, double[] f) {
            if (lean) { // only what mine self-sufficiency needs
                for (int c = 0; c < C; c++) {
                    minedIn[tn.countryRegion[c].ordinal()] += concProd[c] + chemProd[c];
                }
                return;
            }
            for (int a = 0; a < f.length; a++) {
                if (f[a] > 0 && (tn.arcKind[a] == TradeNetwork.CHEM_HOME || tn.arcKind[a] == TradeNetwork.CHEM_SHIP)) {
                    chemTo[tn.arcOrigin[a]][tn.arcDest[a]] += f[a];
                }
            }
            // attribute each converter country's output to the origins of its feed (pro rata)
            for (int k = 0; k < C; k++) {
                double conv = 0;
                for (int o = 0; o < C; o++) {
                    conv += concByOriginInto[o][k];
                }
                concIntoConverter[k] = conv;
                double produced = 0;
                for (int r = 0; r < R; r++) {
                    produced += chemTo[k][r];
                }
                if (produced <= 0) {
                    continue;
                }
                double fromOwnChem = Math.max(0, produced - conv); // chemical from own integrated/brine production
                chemOwnShare[k] = fromOwnChem / produced;
                for (int o = 0; o < C; o++) {
                    originShare[k][o] = concByOriginInto[o][k] / produced;
                }
            }
            double[][] flowsT = flows[t];
            for (int k = 0; k < C; k++) {
                for (int r = 0; r < R; r++) {
                    double q = chemTo[k][r];
                    if (q <= 0) {
                        continue;
                    }
                    flowsT[k][r] += q * chemOwnShare[k];
                    for (int o = 0; o < C; o++) {
                        flowsT[o][r] += q * originShare[k][o];
                    }
                }
            }
            // imports into a region: concentrate from other regions into its converters + chemical from other regions
            for (int k = 0; k < C; k++) {
                int r = tn.countryRegion[k].ordinal();
                for (int o = 0; o < C; o++) {
                    if (tn.countryRegion[o].ordinal() != r) {
                        imports[r][t] += concByOriginInto[o][k];
                    }
                }
                for (int rr = 0; rr < R; rr++) {
                    if (rr != r) {
                        imports[rr][t] += chemTo[k][rr];
                    }
                }
            }
            for (int o = 0; o < C; o++) {
                cnByOrigin[o][t] = flowsT[o][DemandRegion.CN.ordinal()];
                cnFeed[o][t] = tn.cnIndex >= 0 ? concByOriginInto[o][tn.cnIndex] : 0.0;
            }
            for (int c = 0; c < C; c++) {
                minedIn[tn.countryRegion[c].ordinal()] += concProd[c] + chemProd[c];
                convertedIn[tn.countryRegion[c].ordinal()] += concIntoConverter[c] + chemProd[c];
            }
        }

        /** Self-sufficiency, regional prices (from real arcs only) and the share of output at a loss. */
        void bookkeeping(int t, double P, double[] f) {
            SupplyAsset.GridPoint onGrid = SupplyAsset.at(P);
            for (int r = 0; r < R; r++) {
                mineSelf[r][t] = dReg[r] > 0 ? minedIn[r] / dReg[r] : 0;
            }
            if (!lean) {
                regionalPrices(t, P, f);
            }
            double loss = 0;
            double selProd = 0;
            double selLoss = 0;
            if (lean) { // only the selected assets' share; an asset without output adds nothing to it
                for (int i = 0; i < A; i++) {
                    double q = prodByAsset[i][t];
                    if (!lossSelect[i] || q == 0.0) {
                        continue;
                    }
                    selProd += q;
                    if (in.supply.get(i).c1UsdPerTLce(y, onGrid) > P) {
                        selLoss += q;
                    }
                }
                selectedLossShare[t] = selProd > 0 ? selLoss / selProd : 0.0;
                return;
            }
            for (int i = 0; i < A; i++) {
                double c1Now = in.supply.get(i).c1UsdPerTLce(y, onGrid);
                c1Out[i][t] = c1Now;
                if (c1Now > P) {
                    loss += prodByAsset[i][t];
                }
            }
            lossShare[t] = Q > 0 ? loss / Q : 0;
        }

        /**
         * Regional prices: China's price plus the difference in landed cost (freight and tariffs of the chemical arcs
         * that carried the month's deliveries, or of the cheapest open arc where nothing was delivered), plus a
         * scarcity premium of P × the region's unmet share of purchases ({@link PriceFormation#regional}). Only
         * real arcs enter: the holding arcs and closed gates of the flow problem never do.
         */
        void regionalPrices(int t, double P, double[] f) {
            java.util.Arrays.fill(landedSum, 0.0);
            java.util.Arrays.fill(landedQ, 0.0);
            for (int a = 0; a < f.length; a++) {
                int kind = tn.arcKind[a];
                if (f[a] > 0 && (kind == TradeNetwork.CHEM_HOME || kind == TradeNetwork.CHEM_SHIP)) {
                    landedSum[tn.arcDest[a]] += f[a] * tn.net.cost(a);
                    landedQ[tn.arcDest[a]] += f[a];
                }
            }
            int cn = DemandRegion.CN.ordinal();
            double cnLanded = landed(cn);
            for (int r = 0; r < R; r++) {
                double unmetShare = need[r] > 0 ? Math.max(0, 1 - received[r] / need[r]) : 0.0;
                regionalPrice[r][t] = PriceFormation.regional(P, landed(r), cnLanded, unmetShare);
            }
        }

        /** Mean landed cost of the month's deliveries into region {@code r}, or the cheapest open arc into it. */
        double landed(int r) {
            if (landedQ[r] > 0) {
                return landedSum[r] / landedQ[r];
            }
            double best = Double.NaN;
            for (int a = 0; a < tn.arcKind.length; a++) {
                int kind = tn.arcKind[a];
                if ((kind == TradeNetwork.CHEM_HOME || kind == TradeNetwork.CHEM_SHIP) && tn.arcDest[a] == r
                        && (kind == TradeNetwork.CHEM_HOME || tn.net.capacity(tn.chemGateArc[tn.arcOrigin[a]]) > 0)) {
                    best = Double.isNaN(best) ? tn.net.cost(a) : Math.min(best, tn.net.cost(a));
                }
            }
            return Double.isNaN(best) ? 0.0 : best;
        }

        SimulationResult result() {
            List<String> ids = new ArrayList<>();
            List<String> ctry = new ArrayList<>();
            List<String> types = new ArrayList<>();
            List<String> regions = new ArrayList<>();
            for (SupplyAsset a : in.supply) {
                ids.add(a.id());
                ctry.add(a.country());
                types.add(a.resourceType().id());
                regions.add(a.region());
            }
            int[] fidOut = new int[A];
            for (int i = 0; i < A; i++) {
                fidOut[i] = fid[i] == Integer.MIN_VALUE ? -2 : fid[i];
            }
            return new SimulationResult(in.scenario.name(), seed, in.start, T, initialStock, 0.0, price, cny, lioh, sc6,
                    mcOut, shortOut, demand, demandByRegion, demandBySegment, consumption, unmet, production,
                    prodByAsset, available, curtailedCap, utilisation, lossShare, consStock, prodStock, desired,
                    expected, regionalPrice, flows, imports, mineSelf, convSelf, cnByOrigin, cnFeed, List.copyOf(ids),
                    List.copyOf(ctry), List.copyOf(types), List.copyOf(regions), c1Out, runningOut, capOut,
                    List.of(tn.countries), fidOut, p.asMap(), recycled, substituted, targetOut, tightnessOut);
        }
    }

    private static int firstCapacityMonth(double[] capPerMonth) {
        for (int t = 0; t < capPerMonth.length; t++) {
            if (capPerMonth[t] > 0) {
                return t;
            }
        }
        return -1;
    }

    /** Insertion sort of asset indices by cost; cheap because the order changes little from month to month. */
    private static void sortByCost(int[] ord, double[] cost, int n) {
        for (int k = 1; k < n; k++) {
            int v = ord[k];
            double cv = cost[v];
            int j = k - 1;
            while (j >= 0 && (cost[ord[j]] > cv || (cost[ord[j]] == cv && ord[j] > v))) {
                ord[j + 1] = ord[j];
                j--;
            }
            ord[j + 1] = v;
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }
}
