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
        MarketParameters p = in.params;
        int T = in.months;
        int A = in.supply.size();
        int R = DemandRegion.values().length;
        TradeNetwork tn = new TradeNetwork(in);
        int C = tn.countries.length;
        int[] assetCountry = new int[A];
        boolean[] concentrate = new boolean[A];
        for (int i = 0; i < A; i++) {
            assetCountry[i] = tn.indexOf(in.supply.get(i).country());
            concentrate[i] = in.supply.get(i).kind() == AssetKind.MINE_CONCENTRATE;
        }
        int[] convCountry = new int[in.converters.size()];
        for (int j = 0; j < convCountry.length; j++) {
            convCountry[j] = tn.indexOf(in.converters.get(j).country());
        }
        SplittableRandom rng = new SplittableRandom(seed);

        // outputs
        double[] price = new double[T];
        double[] cny = new double[T];
        double[] lioh = new double[T];
        double[] sc6 = new double[T];
        double[] mcOut = new double[T];
        boolean[] shortOut = new boolean[T];
        double[] demand = new double[T];
        double[][] demandByRegion = new double[R][T];
        double[][] demandBySegment = new double[DemandModel.SEGMENTS.length][T];
        double[] consumption = new double[T];
        double[] unmet = new double[T];
        double[] production = new double[T];
        double[][] prodByAsset = new double[A][T];
        double[] available = new double[T];
        double[] curtailedCap = new double[T];
        double[] utilisation = new double[T];
        double[] lossShare = new double[T];
        double[] consStock = new double[T];
        double[] prodStock = new double[T];
        double[] desired = new double[T];
        double[] expected = new double[T];
        double[][] regionalPrice = new double[R][T];
        double[][][] flows = new double[T][C][R];
        double[][] imports = new double[R][T];
        double[][] mineSelf = new double[R][T];
        double[][] convSelf = new double[R][T];
        double[][] cnByOrigin = new double[C][T];
        double[][] cnFeed = new double[C][T];
        double[][] c1Out = new double[A][T];
        boolean[][] runningOut = new boolean[A][T];
        double[][] capOut = new double[A][T];

        // state
        boolean[] running = new boolean[A];
        int[] below = new int[A];
        int[] above = new int[A];
        int[] fid = new int[A];
        int[] shift = new int[A];
        double[] c1 = new double[A];
        Integer[] order = new Integer[A];
        int[] ord = new int[A];
        int[] plannedStart = new int[A];
        for (int i = 0; i < A; i++) {
            plannedStart[i] = firstCapacityMonth(in.capacityPerMonth[i]);
        }
        double[] received = new double[R];
        double[] concIntoConverter = new double[C]; // by converter country
        double[][] concByOriginInto = new double[C][C];
        double[][] chemTo = new double[C][R];
        double[] chemOwnShare = new double[C];
        double[][] originShare = new double[C][C];
        double[] minedIn = new double[R];
        double[] convertedIn = new double[R];
        for (int i = 0; i < A; i++) {
            running[i] = true;
            fid[i] = in.supply.get(i).pipeline() ? Integer.MIN_VALUE : -1;
            ord[i] = i;
        }
        double[] regStock = new double[R];
        double[] stockConc = new double[C];
        double[] stockChem = new double[C];
        double[] prevStockConc = new double[C];
        double[] prevStockChem = new double[C];
        double[] need = new double[R];
        double[] dReg = new double[R];
        double[] convCap = new double[C];
        double[] concProd = new double[C];
        double[] chemProd = new double[C];
        double[] cap = new double[A];

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
        double initialStock = d0 * p.initialInventoryCoverMonths();
        double prevPrice = Double.NaN;
        double expectation = Double.NaN;
        double concValueShare = p.sc6ValueSharePct() / 100.0;

        for (int t = 0; t < T; t++) {
            YearMonth m = in.start.plusMonths(t);
            int y = m.getYear() - in.start.getYear();

            // 1. demand
            double D = 0;
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
                D += dReg[r];
            }
            demand[t] = D;

            // 2. supply decisions on last month's price; investment on expectations from past prices
            double decisionPrice0 = Double.isNaN(prevPrice) ? 0 : prevPrice;
            tn.applyPolicies(in, m, Double.isNaN(prevPrice) ? 10_000 : prevPrice, 0, convCap);
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
            double Q = 0;
            double avail = 0;
            double curtailed = 0;
            for (int c = 0; c < C; c++) {
                concProd[c] = 0;
                chemProd[c] = 0;
                convCap[c] = 0;
            }
            for (int i = 0; i < A; i++) {
                double u = utilisation(p, Double.isNaN(prevPrice) || c1[i] <= 0 ? 1.0 : prevPrice / c1[i]);
                double q = running[i] ? cap[i] * u : 0.0;
                prodByAsset[i][t] = q;
                runningOut[i][t] = running[i] && cap[i] > 0;
                capOut[i][t] = cap[i];
                Q += q;
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
            production[t] = Q;
            available[t] = avail;
            curtailedCap[t] = curtailed;
            utilisation[t] = avail > 0 ? Q / avail : 0;

            // 3. desired stocks and purchases
            double momentum = t >= 6 && !Double.isNaN(prevPrice) ? Math.log(prevPrice / price[t - 6]) : 0.0;
            double growth = t >= 12 && demand[t - 12] > 0 ? Math.log(D / demand[t - 12]) : 0.0;
            double cover = clamp(p.inventoryCoverMonths() * (1 + p.inventoryMomentumGain() * momentum
                            + p.inventoryDemandGrowthGain() * growth),
                    p.inventoryCoverMinMonths(), p.inventoryCoverMaxMonths());
            double consumerStock = 0;
            double purchases = 0;
            for (int r = 0; r < R; r++) {
                need[r] = Math.max(0.0, dReg[r] + (cover * dReg[r] - regStock[r]) / p.inventoryAdjustMonths());
                purchases += need[r];
                consumerStock += regStock[r];
            }
            desired[t] = cover * D;
            double producerStock = 0;
            for (int c = 0; c < C; c++) {
                producerStock += stockConc[c] + stockChem[c];
            }

            // 5. trade: route production and producers' stock to purchase needs
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
            FlowSolution sol = solver.solve(tn.net);
            double[] f = sol.flow();
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
            // 4. price (after trade, so that only lithium that can reach buyers counts): marginal cost when long,
            // scarcity when short
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
            sortByCost(ord, c1, A);
            // producers' stocks are sold first (their cost is sunk): the marginal producer is the one needed for the rest
            double fromProduction = receivedTotal - soldFromStock;
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

            // chemical shipments by producing country and region
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
                double out = conv + chemProd[k]; // integrated and brine output counts as its own origin
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
            for (int k = 0; k < C; k++) {
                for (int r = 0; r < R; r++) {
                    double q = chemTo[k][r];
                    if (q <= 0) {
                        continue;
                    }
                    flows[t][k][r] += q * chemOwnShare[k];
                    for (int o = 0; o < C; o++) {
                        flows[t][o][r] += q * originShare[k][o];
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
                cnByOrigin[o][t] = flows[t][o][DemandRegion.CN.ordinal()];
                cnFeed[o][t] = tn.cnIndex >= 0 ? concByOriginInto[o][tn.cnIndex] : 0.0;
            }
            for (int c = 0; c < C; c++) {
                minedIn[tn.countryRegion[c].ordinal()] += concProd[c] + chemProd[c];
                convertedIn[tn.countryRegion[c].ordinal()] += concIntoConverter[c] + chemProd[c];
            }
            double cons = 0;
            for (int r = 0; r < R; r++) {
                double have = regStock[r] + received[r];
                double use = Math.min(dReg[r], have);
                regStock[r] = have - use;
                cons += use;
                mineSelf[r][t] = dReg[r] > 0 ? minedIn[r] / dReg[r] : 0;
                convSelf[r][t] = dReg[r] > 0 ? convertedIn[r] / dReg[r] : 0;
                regionalPrice[r][t] = P + (sol.potential()[tn.regionNode[r]]
                        - sol.potential()[tn.regionNode[DemandRegion.CN.ordinal()]]);
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
            for (int i = 0; i < A; i++) {
                double c1Now = in.supply.get(i).c1UsdPerTLce(y, P);
                c1Out[i][t] = c1Now;
                if (c1Now > P) {
                    loss += prodByAsset[i][t];
                }
            }
            lossShare[t] = Q > 0 ? loss / Q : 0;
            prevPrice = P;
        }
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
        return new SimulationResult(in.scenario.name(), seed, in.start, T, initialStock, price, cny, lioh, sc6, mcOut,
                shortOut, demand, demandByRegion, demandBySegment, consumption, unmet, production, prodByAsset,
                available, curtailedCap, utilisation, lossShare, consStock, prodStock, desired, expected,
                regionalPrice, flows, imports, mineSelf, convSelf, cnByOrigin, cnFeed, List.copyOf(ids), List.copyOf(ctry),
                List.copyOf(types), List.copyOf(regions), c1Out, runningOut, capOut, List.of(tn.countries), fidOut,
                p.asMap());
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
