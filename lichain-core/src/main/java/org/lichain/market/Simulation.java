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
 * <li><b>Supply</b>: each asset's available capacity from its timeline; an operating asset curtails after
 * {@code curtail_after_months} (+ its state support's extra months) in a row with last month's price below
 * (1 − loss_tolerance) × C1; a curtailed one restarts after {@code restart_after_months} in a row above
 * C1 × (1 + restart_margin) (hysteresis). Operating assets produce at their available capacity (price takers).</li>
 * <li><b>Investment</b>: a development project takes its investment decision (FID) once the adaptive expected price
 * (exponential average of past prices) exceeds its incentive price (AISC × (1 + incentive markup)); its capacity
 * timeline then starts no earlier than FID + lead time.</li>
 * <li><b>Demand and inventories</b>: consumers (converters, cathode and cell makers) want a stock cover that rises
 * with the 6-month price change (restocking when prices rise, destocking when they fall); purchases = use +
 * (desired − actual stock) / adjustment months.</li>
 * <li><b>Price</b>: long market (production + producers' stock covers purchases): the C1 of the marginal producer
 * needed after producers' stocks are sold; short market: scarcity price = C1 of the costliest running producer ×
 * (purchases / available)^(1/elasticity). The spot price moves a share of the way (in logs) to this target each
 * month.</li>
 * <li><b>Trade</b>: production and producers' stock are routed to regional purchase needs by a min-cost flow
 * (freight, tariffs, bans, quotas); what is not bought stays with producers.</li>
 * </ol>
 */
public final class Simulation {
    /** Cap on the scarcity multiple of the costliest running producer's C1 (keeps the price finite). */
    static final double MAX_SCARCITY_MULTIPLE = 12.0;
    /**
     * Choke price, USD per t LCE ex-VAT: above it battery demand would be destroyed rather than bid higher
     * (estimate: ~1.3x the Nov 2022 high of ~US$80/kg, Benchmark/WTW Feb 2024).
     */
    static final double CHOKE_PRICE_USD = 100_000;

    private Simulation() {
    }

    /** Runs a scenario on a world; {@code seed} overrides the scenario's. */
    public static SimulationResult run(World world, Scenario scenario, long seed) {
        return run(MarketInputs.fromWorld(world, scenario), seed, new SuccessiveShortestPathSolver());
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
     * The state and outputs of one run. The month is split into steps (methods) so that the JIT compiles several
     * medium-sized methods instead of one very large one (which took seconds of C2 time per JVM).
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
        final boolean[] running;
        final int[] below;
        final int[] above;
        final int[] fid;
        final int[] shift;
        final double[] c1;
        final int[] ord;
        final int[] plannedStart;
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
        final double[] convCap;
        final double[] concProd;
        final double[] chemProd;
        final double[] cap;
        final double initialStock;
        final double concValueShare;
        /** Key-metrics mode: the assets whose share at a loss is wanted (else null: every output is kept). */
        final boolean[] lossSelect;
        final double[] selectedLossShare;
        final boolean lean;
        double prevPrice = Double.NaN;
        double expectation = Double.NaN;

        // the month being computed
        YearMonth m;
        int y;
        double D;
        double Q;
        double purchases;
        double receivedTotal;
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

            running = new boolean[A];
            below = new int[A];
            above = new int[A];
            fid = new int[A];
            shift = new int[A];
            c1 = new double[A];
            ord = new int[A];
            plannedStart = new int[A];
            for (int i = 0; i < A; i++) {
                plannedStart[i] = firstCapacityMonth(in.capacityPerMonth[i]);
            }
            received = new double[R];
            concIntoConverter = new double[C]; // by converter country
            concByOriginInto = new double[C][C];
            chemTo = new double[C][R];
            chemOwnShare = new double[C];
            originShare = new double[C][C];
            minedIn = new double[R];
            convertedIn = new double[R];
            for (int i = 0; i < A; i++) {
                running[i] = true;
                fid[i] = in.supply.get(i).pipeline() ? Integer.MIN_VALUE : -1;
                ord[i] = i;
            }
            regStock = new double[R];
            stockConc = new double[C];
            stockChem = new double[C];
            prevStockConc = new double[C];
            prevStockChem = new double[C];
            need = new double[R];
            dReg = new double[R];
            convCap = new double[C];
            concProd = new double[C];
            chemProd = new double[C];
            cap = new double[A];

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
        }

        void month(int t) {
            m = in.start.plusMonths(t);
            y = m.getYear() - in.start.getYear();
            demandStep(t);
            supplyDecisions(t);
            productionStep(t);
            purchasesStep(t);
            tradeStep(t);
            double[] f = sol.flow();
            double fromProduction = readFlows(f);
            double P = priceStep(t, fromProduction);
            attribute(t, f);
            bookkeeping(t, P);
            prevPrice = P;
        }

        // 1. demand
        void demandStep(int t) {
            double d = 0;
            double noise = in.scenario.demandNoisePct() > 0
                    ? Math.max(0.0, 1 + in.scenario.demandNoisePct() / 100.0 * gaussian(rng)) : 1.0;
            for (int r = 0; r < R; r++) {
                dReg[r] = 0;
            }
            for (int k = 0; k < DemandModel.SEGMENTS.length; k++) {
                double seg = 0;
                for (int r = 0; r < R; r++) {
                    double v = in.demandBySegment[k][r][t] * noise;
                    dReg[r] += v;
                    seg += v;
                }
                demandBySegment[k][t] = seg;
            }
            for (int r = 0; r < R; r++) {
                demandByRegion[r][t] = dReg[r];
                d += dReg[r];
            }
            demand[t] = d;
            D = d;
        }

        // 2. supply decisions on last month's price; investment on expectations from past prices
        void supplyDecisions(int t) {
            double decisionPrice0 = Double.isNaN(prevPrice) ? 0 : prevPrice;
            tn.applyGates(in, m, convCap); // arc costs are set for the trade later this month
            for (int i = 0; i < A; i++) {
                SupplyAsset a = in.supply.get(i);
                // concentrate that can neither be exported nor converted at home earns nothing
                double decisionPrice = concentrate[i] && tn.blockedConcentrate(assetCountry[i]) ? 0 : decisionPrice0;
                if (fid[i] == Integer.MIN_VALUE && !Double.isNaN(expectation)) {
                    int planned = plannedStart[i];
                    double lead = a.resourceType() == org.lichain.world.ResourceType.BRINE
                            ? p.leadTimeBrineMonths() : p.leadTimeHardRockMonths();
                    double incentive = (a.c1UsdPerTLce(y, expectation) + a.sustainingUsdPerTLce()[y])
                            * (1 + p.incentiveMarkupPct() / 100.0);
                    boolean generic = a.id().startsWith("GENERIC-");
                    if (planned >= 0 && t >= (generic ? planned : planned - lead) && expectation > incentive) {
                        fid[i] = t;
                        shift[i] = Math.max(0, t + (int) lead - planned);
                    }
                }
                int src = t - shift[i];
                cap[i] = fid[i] == Integer.MIN_VALUE || src < 0 ? 0.0 : in.capacityPerMonth[i][src];
                if (cap[i] <= 0) {
                    // no capacity this month: nothing to decide and nothing produced; its cost only places it in the
                    // merit order among non-producers, which does not change the price (see priceStep)
                    continue;
                }
                c1[i] = a.c1UsdPerTLce(y, Double.isNaN(prevPrice) ? 0 : prevPrice);
                if (!Double.isNaN(prevPrice) && cap[i] > 0) {
                    if (running[i]) {
                        if (decisionPrice < c1[i] * (1 - in.lossTolerance[i])) {
                            below[i]++;
                        } else {
                            below[i] = 0;
                        }
                        if (below[i] >= p.curtailAfterMonths() + in.extraLossMonths[i]) {
                            running[i] = false;
                            above[i] = 0;
                        }
                    } else {
                        if (decisionPrice > c1[i] * (1 + p.restartMarginPct() / 100.0)) {
                            above[i]++;
                        } else {
                            above[i] = 0;
                        }
                        if (above[i] >= p.restartAfterMonths()) {
                            running[i] = true;
                            below[i] = 0;
                        }
                    }
                }
            }
        }

        void productionStep(int t) {
            double q0 = 0;
            double avail = 0;
            double curtailed = 0;
            for (int c = 0; c < C; c++) {
                concProd[c] = 0;
                chemProd[c] = 0;
                convCap[c] = 0;
            }
            for (int i = 0; i < A; i++) {
                double q = running[i] && cap[i] > 0
                        ? cap[i] * utilisation(p, Double.isNaN(prevPrice) || c1[i] <= 0 ? 1.0 : prevPrice / c1[i])
                        : 0.0;
                prodByAsset[i][t] = q;
                if (!lean) {
                    runningOut[i][t] = running[i] && cap[i] > 0;
                    capOut[i][t] = cap[i];
                }
                q0 += q;
                avail += cap[i];
                if (!running[i]) {
                    curtailed += cap[i];
                }
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

        // 3. desired stocks and purchases
        void purchasesStep(int t) {
            double momentum = t >= 6 && !Double.isNaN(prevPrice) ? Math.log(prevPrice / price[t - 6]) : 0.0;
            double growth = t >= 12 && demand[t - 12] > 0 ? Math.log(D / demand[t - 12]) : 0.0;
            double cover = clamp(p.inventoryCoverMonths() * (1 + p.inventoryMomentumGain() * momentum
                            + p.inventoryDemandGrowthGain() * growth),
                    p.inventoryCoverMinMonths(), p.inventoryCoverMaxMonths());
            double buy = 0;
            for (int r = 0; r < R; r++) {
                need[r] = Math.max(0.0, dReg[r] + (cover * dReg[r] - regStock[r]) / p.inventoryAdjustMonths());
                buy += need[r];
            }
            desired[t] = cover * D;
            purchases = buy;
        }

        // 5. trade: route production and producers' stock to purchase needs
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

        /** Reads the month's flows into stocks and receipts; returns the purchases met from production. */
        double readFlows(double[] f) {
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
            double receivedTotal = 0;
            for (int r = 0; r < R; r++) {
                receivedTotal += received[r];
            }
            double soldFromStock = 0;
            for (int c = 0; c < C; c++) {
                double outConc = concProd[c] + prevStockConc[c] - stockConc[c];
                double outChem = chemProd[c] + prevStockChem[c] - stockChem[c];
                soldFromStock += Math.min(prevStockConc[c], Math.max(0, outConc))
                        + Math.min(prevStockChem[c], Math.max(0, outChem));
            }
            this.receivedTotal = receivedTotal;
            // producers' stocks are sold first (their cost is sunk): the marginal producer is the one needed for the rest
            return receivedTotal - soldFromStock;
        }


        // 4. price (after trade, so that only lithium that can reach buyers counts): marginal cost when long,
        // scarcity when short
        double priceStep(int t, double fromProduction) {
            sortByCost(ord, c1, A);
            double mc = Double.NaN;
            double top = 0;
            double cheapest = Double.NaN;
            double cum = 0;
            for (int k = 0; k < A; k++) {
                int i = ord[k];
                double q = prodByAsset[i][t];
                if (q <= 0) {
                    continue;
                }
                if (Double.isNaN(cheapest)) {
                    cheapest = c1[i];
                }
                // the scarcity base is the costliest cash cost without price-linked royalties (no price feedback)
                top = Math.max(top, in.supply.get(i).c1ExRoyaltiesUsdPerTLce()[y]);
                cum += q;
                if (Double.isNaN(mc) && cum >= fromProduction - 1e-9) {
                    mc = c1[i];
                }
            }
            if (Double.isNaN(cheapest)) { // nothing produced at all
                cheapest = top = prevPrice > 0 ? prevPrice : 10_000;
            }
            boolean isShort = receivedTotal < purchases * (1 - 1e-9);
            double target;
            if (!isShort) {
                target = fromProduction <= 0 || Double.isNaN(mc) ? cheapest : mc;
            } else {
                double ratio = purchases / Math.max(receivedTotal, 1e-3 * purchases);
                target = Math.min(CHOKE_PRICE_USD,
                        top * Math.min(MAX_SCARCITY_MULTIPLE, Math.pow(ratio, 1.0 / p.scarcityElasticity())));
                mc = top;
            }
            double P = Double.isNaN(prevPrice) ? target
                    : Math.exp((1 - p.priceAdjustmentPerMonth()) * Math.log(prevPrice)
                    + p.priceAdjustmentPerMonth() * Math.log(target));
            price[t] = P;
            mcOut[t] = mc;
            shortOut[t] = isShort;
            cny[t] = P * in.cnyPerUsd[t] * (1 + in.vatPct / 100.0);
            lioh[t] = P * 0.8805 * (1 + p.hydroxidePremiumPct() / 100.0);
            // SC6: contained LCE 0.148 t per t (6% Li2O x 2.473), recovered at conversion, valued at a share of price
            sc6[t] = P * 0.06 * 2.473 * p.conversionRecoveryPct() / 100.0 * concValueShare;
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

        /** Consumption, stocks, self-sufficiency, regional prices and the share of output at a loss. */
        void bookkeeping(int t, double P) {
            double cons = 0;
            double[] potential = sol.potential();
            for (int r = 0; r < R; r++) {
                double have = regStock[r] + received[r];
                double use = Math.min(dReg[r], have);
                regStock[r] = have - use;
                cons += use;
                mineSelf[r][t] = dReg[r] > 0 ? minedIn[r] / dReg[r] : 0;
                if (lean) {
                    continue;
                }
                convSelf[r][t] = dReg[r] > 0 ? convertedIn[r] / dReg[r] : 0;
                regionalPrice[r][t] = P + (potential[tn.regionNode[r]]
                        - potential[tn.regionNode[DemandRegion.CN.ordinal()]]);
                if (regionalPrice[r][t] < 0) {
                    regionalPrice[r][t] = 0;
                }
            }
            consumption[t] = cons;
            unmet[t] = D - cons;
            double cs = 0;
            for (int r = 0; r < R; r++) {
                cs += regStock[r];
            }
            double ps = 0;
            for (int c = 0; c < C; c++) {
                ps += stockConc[c] + stockChem[c];
            }
            consStock[t] = cs;
            prodStock[t] = ps;
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
                    if (in.supply.get(i).c1UsdPerTLce(y, P) > P) {
                        selLoss += q;
                    }
                }
                selectedLossShare[t] = selProd > 0 ? selLoss / selProd : 0.0;
                return;
            }
            for (int i = 0; i < A; i++) {
                double c1Now = in.supply.get(i).c1UsdPerTLce(y, P);
                c1Out[i][t] = c1Now;
                if (c1Now > P) {
                    loss += prodByAsset[i][t];
                }
            }
            lossShare[t] = Q > 0 ? loss / Q : 0;
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
            return new SimulationResult(in.scenario.name(), seed, in.start, T, initialStock, price, cny, lioh, sc6,
                    mcOut, shortOut, demand, demandByRegion, demandBySegment, consumption, unmet, production,
                    prodByAsset, available, curtailedCap, utilisation, lossShare, consStock, prodStock, desired,
                    expected, regionalPrice, flows, imports, mineSelf, convSelf, cnByOrigin, cnFeed, List.copyOf(ids),
                    List.copyOf(ctry), List.copyOf(types), List.copyOf(regions), c1Out, runningOut, capOut,
                    List.of(tn.countries), fidOut, p.asMap());
        }
    }

    /**
     * Utilisation of an operating asset at a price/C1 ratio: normal at cost; rising toward max as the price
     * reaches twice C1; falling below cost by {@code loss_utilisation_slope} per unit of shortfall, not under min.
     */
    static double utilisation(MarketParameters p, double priceOverC1) {
        double uN = p.normalUtilisationPct() / 100.0;
        if (priceOverC1 >= 1) {
            double up = Math.log(priceOverC1) / Math.log(2);
            return uN + (p.maxUtilisationPct() / 100.0 - uN) * clamp(up, 0, 1);
        }
        return Math.max(p.minUtilisationPct() / 100.0, uN * (1 - p.lossUtilisationSlope() * (1 - priceOverC1)));
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
