package org.lichain.company;

import org.lichain.dataset.InvalidInputException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostModel;
import org.lichain.process.Conversions;
import org.lichain.process.ProcessBalance;
import org.lichain.process.ProcessModel;
import org.lichain.world.Asset;
import org.lichain.world.AssetKind;
import org.lichain.world.AssetStatus;
import org.lichain.world.CapacityTimeline;
import org.lichain.world.Fx;
import org.lichain.world.InputPrices;
import org.lichain.world.ProcessParameter;
import org.lichain.world.ResourceType;
import org.lichain.world.Stake;
import org.lichain.world.World;

/**
 * Segment and integrated P&L of a group along mine → converter → cathode → cell, per month of a year.
 *
 * <p>The chain, per month, on the group's attributable share (stake × output for assets, 100% for its own
 * plants):
 * <ol>
 * <li><b>Mining</b>: concentrate sellers and the mine stage of integrated assets; brine operations wholly
 * (they have no intermediate market). Cost = the upstream part of the asset's C1 from {@link CostModel}
 * (mining, beneficiation, mine energy, royalties, concentrate freight). Concentrate is valued per t LCE
 * contained at SC6 ÷ (SC6 grade × 2.473) for spodumene and at carbonate × lepidolite payability for lepidolite.</li>
 * <li><b>Conversion</b>: the refinery stage of integrated assets, the group's converters (assets of kind
 * {@code converter} and conversion plants). Cost = C1 minus the upstream part, plus feed: the group's own
 * concentrate of the same type first (internal, at the transfer price), the rest bought at market.</li>
 * <li><b>Cathode</b> (LFP): price = processing fee + lithium content × carbonate; cost = processing cost + lithium.</li>
 * <li><b>Cells</b>: price = cell price ex-cathode + cathode per kWh at market; cost = cell cost ex-cathode +
 * cathode (own cathode first; bought cathode pays the fee to a third party while the group supplies its
 * lithium, as Chinese cell makers do with "customer-supplied" carbonate).</li>
 * </ol>
 * The group's chemical goes to its own cathode and cells first, in proportion across its sources; the rest is
 * sold at market. Internal transfers are priced at market ({@link TransferPricing#MARKET}) or at the
 * supplier's unit cash cost ({@link TransferPricing#COST}); either way they cancel in the integrated margin.
 * Named simplifications: hydroxide is valued at the carbonate price; there is no inventory (output is sold
 * in its month); cathode is LFP; prices are China spot ex-VAT.
 *
 * <p><b>Fixed-cost absorption</b> (named simplification). The cost model's {@code labour} item (labour,
 * maintenance and overheads of a plant at its design rate, per t LCE) is treated here as a cost fixed per year at
 * nameplate: {@code fixed USD per month = labour USD/t × capacity t LCE/yr ÷ 12}, paid whatever the month's
 * output, so its unit cost is {@code labour ÷ utilisation}. Capacity is, for the group's own converter plants,
 * {@code capacity_per_year} of {@code company_plants.csv} (output = capacity × utilisation_pct); for core assets,
 * the available capacity of the month from the asset's {@link CapacityTimeline} (ramps and temporary caps
 * included), and output is the path's production. So a month in which the timeline suspends an asset (capacity 0,
 * e.g. Jianxiawo Aug 2025–Feb 2026) carries no fixed cost: care-and-maintenance costs are not modelled. Every
 * other item of C1 (mining, beneficiation, reagents, energy, residue, royalties, freight) stays variable per t;
 * sustaining capital stays per t of output; there are no step-fixed costs. Concentrate sellers
 * ({@code mine_concentrate}) have no labour item in their own stage (the cost model folds conversion labour into
 * the notional conversion), so nothing of theirs is fixed. Where a whole-chain cash cost is reported
 * ({@code reported_cash_cost_usd_per_t_lce}), the calibrated residual is unchanged, so the reported figure is read
 * as the cost at nameplate and running below it adds the unabsorbed labour to it.
 */
public final class CompanyModel {
    private static final int LEP = 0;
    private static final int SPOD = 1;

    private CompanyModel() {
    }

    /** The company data of a world; {@link IllegalArgumentException} when the dataset has none. */
    public static Companies companies(World w) {
        return w.extension(Companies.class).orElseThrow(() -> new InvalidInputException(
                "the dataset has no company data (" + CompaniesExtension.COMPANIES + ")"));
    }

    /** The P&L with the world's own company data. */
    public static CompanyPnl pnl(World w, String companyId, int year, PricePath path, TransferPricing tp) {
        return pnl(w, companies(w), companyId, year, path, tp);
    }

    /** The group's stakes, asset id → percent, from the asset owners of the core dataset. */
    public static Map<String, Double> stakesOf(World w, String companyId) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Asset a : w.assets()) {
            for (Stake s : a.owners()) {
                if (s.ownerId().equals(companyId) && s.stakePct() > 0) {
                    out.merge(a.id(), s.stakePct(), Double::sum);
                }
            }
        }
        return out;
    }

    /**
     * A lithium holding of the group: a core asset by stake, or its own converter plant (share 1, with its
     * output and nameplate per year; both negative for core assets, whose figures come from the path and the
     * capacity timeline).
     */
    private record Holding(Asset asset, double share, double annualOutputTLce, double plantNameplateTLcePerYear) {
        boolean plant() {
            return annualOutputTLce >= 0;
        }
    }

    /**
     * Unit economics of one asset in one month, USD per t of chemical, at the design rate; {@code labour} is the
     * part of {@code conversion} (of {@code upstream} for brine) that is fixed per year at nameplate.
     */
    private record Unit(double upstream, double conversion, double refRec, double sustaining, double labour) {
    }

    public static CompanyPnl pnl(World w, Companies c, String companyId, int year, PricePath path,
                                 TransferPricing tp) {
        Company company = c.company(companyId);
        List<Holding> holdings = holdings(w, c, companyId, year);
        double[] downstream = downstream(c, companyId, year);
        Map<String, ProcessBalance> balances = new HashMap<>();
        for (Holding h : holdings) {
            balances.put(h.asset.id(), ProcessModel.balance(w, h.asset, year));
        }
        List<CompanyPnl.Month> months = new ArrayList<>();
        Map<Segment, SegmentPnl> annual = zero();
        int n = holdings.size();
        double[] standaloneRev = new double[n];
        double[] standaloneCost = new double[n];
        double[] standaloneSustaining = new double[n];
        double[] standaloneFixed = new double[n];
        double[] production = new double[n];
        double[] capacity = new double[n];
        double[] suppliedToChain = new double[n];
        double downstreamMarginAtMarket = 0;
        double downstreamLithium = 0;
        for (int mo = 1; mo <= 12; mo++) {
            YearMonth m = YearMonth.of(year, mo);
            Flow f = month(w, c, holdings, balances, downstream, path, m, tp);
            Flow atMarket = tp == TransferPricing.MARKET ? f
                    : month(w, c, holdings, balances, downstream, path, m, TransferPricing.MARKET);
            months.add(new CompanyPnl.Month(m, f.carbonate, f.sc6, f.segments));
            for (Segment s : Segment.values()) {
                annual.put(s, annual.get(s).plus(f.segments.get(s)));
            }
            for (int i = 0; i < n; i++) {
                standaloneRev[i] += f.standaloneRev[i];
                standaloneCost[i] += f.standaloneCost[i];
                standaloneSustaining[i] += f.standaloneSustaining[i];
                standaloneFixed[i] += f.standaloneFixed[i];
                production[i] += f.production[i];
                capacity[i] += f.capacity[i];
                suppliedToChain[i] += f.suppliedToChain[i];
            }
            downstreamMarginAtMarket += atMarket.segments.get(Segment.CATHODE).marginUsd()
                    + atMarket.segments.get(Segment.CELLS).marginUsd();
            downstreamLithium += f.downstreamLithiumTLce;
        }
        double dsPerT = downstreamLithium > 0 ? downstreamMarginAtMarket / downstreamLithium : 0.0;
        List<AssetVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Holding h = holdings.get(i);
            double margin = standaloneRev[i] - standaloneCost[i];
            double chain = margin * h.share + suppliedToChain[i] * dsPerT;
            boolean curtail = margin < 0;
            verdicts.add(new AssetVerdict(h.asset.id(), h.asset.name(), h.plant() ? "converter_plant"
                    : h.asset.kind().id(), h.share * 100.0, production[i], capacity[i], standaloneRev[i],
                    standaloneCost[i], standaloneFixed[i], standaloneSustaining[i], curtail, chain,
                    !curtail || chain >= 0));
        }
        return new CompanyPnl(company.id(), company.name(), year, tp, path.name(), months, annual, verdicts);
    }

    private static Map<Segment, SegmentPnl> zero() {
        Map<Segment, SegmentPnl> z = new EnumMap<>(Segment.class);
        for (Segment s : Segment.values()) {
            z.put(s, new SegmentPnl(s, 0, 0, 0));
        }
        return z;
    }

    private static List<Holding> holdings(World w, Companies c, String companyId, int year) {
        List<Holding> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : stakesOf(w, companyId).entrySet()) {
            out.add(new Holding(w.asset(e.getKey()), e.getValue() / 100.0, -1, -1));
        }
        for (CompanyPlant p : c.plantsOf(companyId)) {
            if (p.segment() == Segment.CONVERSION) {
                Asset synthetic = new Asset(p.id(), p.name(), p.region().substring(0, 2), p.region(),
                        p.route().feed(), p.route(), AssetKind.CONVERTER, AssetStatus.OPERATING, 0, 0, false,
                        List.of(), CapacityTimeline.empty(), p.source(), "company plant");
                out.add(new Holding(synthetic, 1.0, p.outputPerYear(year), p.nameplatePerYear(year)));
            }
        }
        return out;
    }

    /** {cathode t per year, cells GWh per year} of the group's own plants. */
    private static double[] downstream(Companies c, String companyId, int year) {
        double cathode = 0;
        double cells = 0;
        for (CompanyPlant p : c.plantsOf(companyId)) {
            if (p.segment() == Segment.CATHODE) {
                cathode += p.outputPerYear(year);
            } else if (p.segment() == Segment.CELLS) {
                cells += p.outputPerYear(year);
            }
        }
        return new double[] {cathode, cells};
    }

    private static Unit unit(World w, Asset a, ProcessBalance b, YearMonth m, double price) {
        CostBreakdown cb = CostModel.unitCost(w, a, b, m, price);
        double refRec = w.parametersOf(a).valueOr(ProcessParameter.REFINING_RECOVERY_PCT, 100.0) / 100.0;
        // mine_concentrate: the cost model reports labour as 0 (folded into the notional conversion): nothing fixed
        double labour = a.kind() == AssetKind.MINE_CONCENTRATE ? 0.0 : cb.labourUsdPerTLce();
        if (a.kind() == AssetKind.BRINE) {
            return new Unit(cb.c1UsdPerTLce(), 0.0, refRec, cb.sustainingCapexUsdPerTLce(), labour);
        }
        InputPrices ip = w.inputPrices();
        Fx fx = w.fx();
        double mineEnergy = b.mineKwh() * ip.usd("electricity", a.region(), m, fx)
                + b.dieselGj() * ip.usd("diesel", a.region(), m, fx);
        double upstream = cb.miningUsdPerTLce() + cb.beneficiationUsdPerTLce() + mineEnergy
                + cb.royaltiesTaxesUsdPerTLce() + cb.freightUsdPerTLce();
        return new Unit(upstream, cb.c1UsdPerTLce() - upstream, refRec, cb.sustainingCapexUsdPerTLce(), labour);
    }

    /**
     * Share of {@code part} in {@code part + other}: a concentrate seller or a converter carries the route's
     * sustaining capital in proportion to its stage's share of the route's C1 (named simplification).
     */
    private static double share(double part, double other) {
        double total = part + other;
        return total > 0 ? Math.max(0.0, part) / total : 0.0;
    }

    /**
     * Labour, maintenance and overheads of one month, fixed at nameplate (named simplification, see the class
     * comment): labour USD per t LCE at the design rate × capacity t LCE in the month.
     */
    static double fixedCostUsd(double labourUsdPerTLce, double capacityTLceInMonth) {
        return labourUsdPerTLce * Math.max(0.0, capacityTLceInMonth);
    }

    private static int feedType(Asset a) {
        return a.resourceType() == ResourceType.LEPIDOLITE ? LEP : SPOD;
    }

    /** Value of concentrate per t LCE contained, by feed type. */
    private static double[] concentrateValue(Companies c, double carbonate, double sc6) {
        double lcePerTSc6 = c.value(Assumption.SC6_GRADE_LI2O_PCT) / 100.0 * Conversions.LCE_PER_LI2O;
        return new double[] {carbonate * c.value(Assumption.LEPIDOLITE_CONCENTRATE_PAYABILITY_PCT) / 100.0,
                sc6 / lcePerTSc6};
    }

    /** One month's flows: segment P&L and per-holding stand-alone figures. */
    private static final class Flow {
        double carbonate;
        double sc6;
        Map<Segment, SegmentPnl> segments;
        double[] standaloneRev;
        double[] standaloneCost;
        double[] standaloneSustaining;
        double[] standaloneFixed;
        double[] production;
        double[] capacity;
        double[] suppliedToChain;
        double downstreamLithiumTLce;
    }

    private static Flow month(World w, Companies c, List<Holding> holdings, Map<String, ProcessBalance> balances,
                              double[] downstream, PricePath path, YearMonth m, TransferPricing tp) {
        int n = holdings.size();
        double price = path.carbonateUsdPerTLce(m);
        double sc6 = path.sc6UsdPerT(m);
        double[] value = concentrateValue(c, price, sc6);
        double lepPath = path.lepidoliteConcentrateUsdPerTLce(m);
        if (Double.isFinite(lepPath)) {
            value[LEP] = lepPath;
        }
        double[] rev = new double[4];
        double[] cost = new double[4];
        double[] vol = new double[4];
        final int mi = Segment.MINING.ordinal();
        final int ci = Segment.CONVERSION.ordinal();
        final int ka = Segment.CATHODE.ordinal();
        final int ce = Segment.CELLS.ordinal();
        Flow f = new Flow();
        f.carbonate = price;
        f.sc6 = sc6;
        f.standaloneRev = new double[n];
        f.standaloneCost = new double[n];
        f.standaloneSustaining = new double[n];
        f.standaloneFixed = new double[n];
        f.production = new double[n];
        f.capacity = new double[n];
        f.suppliedToChain = new double[n];

        Unit[] units = new Unit[n];
        double[] q = new double[n]; // 100% output this month
        double[] fixed = new double[n]; // 100% fixed labour & overhead this month, USD
        // own concentrate pool and converters' feed need, attributable, t LCE contained
        double[] ownConc = new double[2];
        double[] ownConcCost = new double[2];
        double[] feedNeed = new double[2];
        for (int i = 0; i < n; i++) {
            Holding h = holdings.get(i);
            Asset a = h.asset;
            units[i] = unit(w, a, balances.get(a.id()), m, price);
            q[i] = h.plant() ? h.annualOutputTLce / 12.0 : path.productionTLce(a, m);
            f.production[i] = q[i];
            Unit u = units[i];
            double capMonth = (h.plant() ? h.plantNameplateTLcePerYear : a.capacity().capacityTLcePerYear(m)) / 12.0;
            fixed[i] = fixedCostUsd(u.labour, capMonth);
            f.capacity[i] = capMonth;
            f.standaloneFixed[i] = fixed[i];
            double att = q[i] * h.share;
            int t = feedType(a);
            switch (a.kind()) {
                case MINE_CONCENTRATE -> {
                    double upstreamPerContained = u.upstream * u.refRec;
                    ownConc[t] += att;
                    ownConcCost[t] += att * upstreamPerContained;
                    cost[mi] += att * upstreamPerContained;
                    vol[mi] += att;
                    f.standaloneRev[i] = q[i] * value[t];
                    f.standaloneCost[i] = q[i] * upstreamPerContained;
                    f.standaloneSustaining[i] = q[i] * u.sustaining * u.refRec * share(u.upstream, u.conversion);
                }
                case INTEGRATED -> {
                    double contained = att / u.refRec;
                    double transfer = tp == TransferPricing.MARKET ? value[t] * contained : u.upstream * att;
                    rev[mi] += transfer;
                    cost[mi] += u.upstream * att;
                    vol[mi] += contained;
                    cost[ci] += (u.conversion - u.labour) * att + fixed[i] * h.share + transfer;
                    vol[ci] += att;
                    f.standaloneRev[i] = q[i] * price;
                    f.standaloneCost[i] = q[i] * (u.upstream + u.conversion - u.labour) + fixed[i];
                    f.standaloneSustaining[i] = q[i] * u.sustaining;
                }
                case BRINE -> {
                    cost[mi] += (u.upstream - u.labour) * att + fixed[i] * h.share;
                    vol[mi] += att;
                    f.standaloneRev[i] = q[i] * price;
                    f.standaloneCost[i] = q[i] * (u.upstream - u.labour) + fixed[i];
                    f.standaloneSustaining[i] = q[i] * u.sustaining;
                }
                case CONVERTER -> {
                    feedNeed[t] += att / u.refRec;
                    cost[ci] += (u.conversion - u.labour) * att + fixed[i] * h.share;
                    vol[ci] += att;
                    f.standaloneRev[i] = q[i] * price;
                    f.standaloneCost[i] = q[i] * (u.conversion - u.labour + value[t] / u.refRec) + fixed[i];
                    f.standaloneSustaining[i] = q[i] * u.sustaining * share(u.conversion, u.upstream);
                }
            }
        }
        // concentrate: own converters take own concentrate first
        double[] internalConc = new double[2];
        double[] concTransfer = new double[2];
        for (int t = 0; t < 2; t++) {
            internalConc[t] = Math.min(ownConc[t], feedNeed[t]);
            concTransfer[t] = tp == TransferPricing.MARKET || ownConc[t] <= 0 ? value[t] : ownConcCost[t] / ownConc[t];
            rev[mi] += (ownConc[t] - internalConc[t]) * value[t] + internalConc[t] * concTransfer[t];
            cost[ci] += internalConc[t] * concTransfer[t] + (feedNeed[t] - internalConc[t]) * value[t];
        }
        // chemical sources and their unit cost at the transfer price
        double cathodeOut = downstream[0] / 12.0;
        double kwh = downstream[1] * 1e6 / 12.0;
        double lcePerTCathode = c.value(Assumption.CATHODE_LCE_T_PER_T);
        double fee = c.value(Assumption.CATHODE_PROCESSING_FEE_USD_PER_T);
        double procCost = c.value(Assumption.CATHODE_PROCESSING_COST_USD_PER_T);
        double cathodeNeed = kwh * c.value(Assumption.CELL_CATHODE_KG_PER_KWH) / 1000.0;
        double ownCathodeToCells = Math.min(cathodeOut, cathodeNeed);
        double boughtCathode = cathodeNeed - ownCathodeToCells;
        double lithiumCathode = cathodeOut * lcePerTCathode;
        double lithiumCells = boughtCathode * lcePerTCathode;
        double lithiumNeed = lithiumCathode + lithiumCells;
        f.downstreamLithiumTLce = lithiumNeed;

        double chemTotal = 0;
        double[] chemQty = new double[n];
        double[] chemUnitCost = new double[n];
        for (int i = 0; i < n; i++) {
            Holding h = holdings.get(i);
            Unit u = units[i];
            double att = q[i] * h.share;
            int t = feedType(h.asset);
            // the fixed cost absorbed per t of this month's output (no output: no chemical to transfer)
            double labourPerT = q[i] > 0 ? fixed[i] / q[i] : u.labour;
            switch (h.asset.kind()) {
                case INTEGRATED -> {
                    chemQty[i] = att;
                    chemUnitCost[i] = u.conversion - u.labour + labourPerT
                            + (tp == TransferPricing.MARKET ? value[t] / u.refRec : u.upstream);
                }
                case BRINE -> {
                    chemQty[i] = att;
                    chemUnitCost[i] = u.upstream - u.labour + labourPerT;
                }
                case CONVERTER -> {
                    double intShare = feedNeed[t] > 0 ? internalConc[t] / feedNeed[t] : 0.0;
                    double feedPerT = (intShare * concTransfer[t] + (1 - intShare) * value[t]) / u.refRec;
                    chemQty[i] = att;
                    chemUnitCost[i] = u.conversion - u.labour + labourPerT + feedPerT;
                }
                default -> {
                }
            }
            chemTotal += chemQty[i];
        }
        double internalChem = Math.min(chemTotal, lithiumNeed);
        double s = chemTotal > 0 ? internalChem / chemTotal : 0.0;
        double internalChemValue = 0;
        for (int i = 0; i < n; i++) {
            if (chemQty[i] <= 0) {
                continue;
            }
            Holding h = holdings.get(i);
            double transfer = tp == TransferPricing.MARKET ? price : chemUnitCost[i];
            int seg = h.asset.kind() == AssetKind.BRINE ? mi : ci;
            rev[seg] += chemQty[i] * (1 - s) * price + chemQty[i] * s * transfer;
            internalChemValue += chemQty[i] * s * transfer;
            f.suppliedToChain[i] = chemQty[i] * s;
        }
        // mine_concentrate holdings feed the chain through own converters (chemical-equivalent share)
        for (int i = 0; i < n; i++) {
            Holding h = holdings.get(i);
            if (h.asset.kind() == AssetKind.MINE_CONCENTRATE) {
                int t = feedType(h.asset);
                double intShare = ownConc[t] > 0 ? internalConc[t] / ownConc[t] : 0.0;
                f.suppliedToChain[i] = q[i] * h.share * intShare * units[i].refRec * s;
            }
        }
        double lithiumCost = internalChemValue + (lithiumNeed - internalChem) * price;
        double lithiumCostCathode = lithiumNeed > 0 ? lithiumCost * lithiumCathode / lithiumNeed : 0.0;
        double lithiumCostCells = lithiumCost - lithiumCostCathode;

        double cathodeMarket = fee + lcePerTCathode * price;
        cost[ka] += cathodeOut * procCost + lithiumCostCathode;
        double cathodeTransfer = tp == TransferPricing.MARKET || cathodeOut <= 0 ? cathodeMarket
                : cost[ka] / cathodeOut;
        rev[ka] += (cathodeOut - ownCathodeToCells) * cathodeMarket + ownCathodeToCells * cathodeTransfer;
        vol[ka] += cathodeOut;

        double cellPrice = c.value(Assumption.CELL_PRICE_EX_CATHODE_USD_PER_KWH)
                + c.value(Assumption.CELL_CATHODE_KG_PER_KWH) / 1000.0 * cathodeMarket;
        rev[ce] += kwh * cellPrice;
        cost[ce] += kwh * c.value(Assumption.CELL_COST_EX_CATHODE_USD_PER_KWH) + ownCathodeToCells * cathodeTransfer
                + boughtCathode * fee + lithiumCostCells;
        vol[ce] += kwh / 1e6;

        Map<Segment, SegmentPnl> segs = new EnumMap<>(Segment.class);
        for (Segment sg : Segment.values()) {
            int k = sg.ordinal();
            segs.put(sg, new SegmentPnl(sg, rev[k], cost[k], vol[k]));
        }
        f.segments = segs;
        return f;
    }
}
