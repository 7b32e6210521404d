package org.lichain.market;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.lichain.world.AssetKind;

/**
 * The monthly trade network: concentrate sources by country → (export gate) → converters by country → chemical
 * sources by country → (export gate) → demand regions, plus producers' stock at origin.
 * <ul>
 * <li>Concentrate may be converted at home (if the country has converters) or shipped to a converter country.
 * China's conversion is uncapped (95% of hard-rock conversion is Chinese, IEA GCMO 2025; the dataset's
 * converter list is not complete); elsewhere conversion is capped by the dataset's converters.</li>
 * <li>Export gates carry export bans (capacity 0) and quotas (capacity = quota per month).</li>
 * <li>Arc costs are freight plus tariffs (ad valorem on the product's value at last month's price, plus specific).</li>
 * <li>Each region's purchase need is a sink; what is not needed stays with producers at a holding penalty
 * higher than any delivered cost, so needs are filled first and at least cost.</li>
 * </ul>
 * Mass is in t LCE throughout (conversion losses are not modelled in the flow: named simplification).
 */
final class TradeNetwork {
    static final double HOLD_PENALTY_USD = 1e6;
    /**
     * Holding penalty of producers' stock behind an export ban that is known but not yet in force: twice the normal
     * penalty, so the flow sells that stock before anyone else's. Stock held behind a gate that will close is worth
     * nothing once it closes, so its owners ship it first (front-running the ban, as African concentrate shipments to
     * China rose after Zimbabwe announced its ban: reference/facts.md §10.5, Australia's share of China's ore imports
     * 64.3% in 2024 → 50.1% in Jan–Sep 2025). Like {@link #HOLD_PENALTY_USD} it only orders the allocation and never
     * enters a price.
     */
    static final double BAN_AHEAD_HOLD_PENALTY_USD = 2 * HOLD_PENALTY_USD;

    static final int CONC_HOME = 0;
    static final int CONC_GATE = 1;
    static final int CONC_SHIP = 2;
    static final int CONVERT = 3;
    static final int CHEM_HOME = 4;
    static final int CHEM_GATE = 5;
    static final int CHEM_SHIP = 6;
    static final int NEED = 7;
    static final int HOLD_CONC = 8;
    static final int HOLD_CHEM = 9;

    final String[] countries;
    final DemandRegion[] countryRegion;
    final boolean[] converterCountry;
    final int cnIndex;
    final FlowNetwork net;
    final int sink;
    final int[] concSrc;
    final int[] concGate;
    final int[] convIn;
    final int[] chemSrc;
    final int[] chemGate;
    final int[] regionNode;
    // arc metadata
    final List<int[]> meta = new ArrayList<>(); // {kind, originCountry, destCountryOrRegion}
    int[] arcKind;
    int[] arcOrigin;
    int[] arcDest;
    double[] arcFreight;
    int[] convertArc;   // per country, -1 if none
    int[] needArc;      // per region
    int[] concGateArc;  // per country
    int[] chemGateArc;  // per country
    boolean[] concBlocked; // per country: concentrate can neither be exported nor converted at home (applyGates)
    int[] concHoldArc;  // per country, -1 if none
    int[] chemHoldArc;  // per country, -1 if none

    TradeNetwork(MarketInputs in) {
        TreeSet<String> cs = new TreeSet<>();
        for (SupplyAsset a : in.supply) {
            cs.add(a.country());
        }
        for (SupplyAsset a : in.converters) {
            cs.add(a.country());
        }
        cs.add("CN");
        countries = cs.toArray(new String[0]);
        int n = countries.length;
        countryRegion = new DemandRegion[n];
        converterCountry = new boolean[n];
        int cn = -1;
        for (int c = 0; c < n; c++) {
            countryRegion[c] = DemandRegion.ofCountry(countries[c]);
            if (countries[c].equals("CN")) {
                cn = c;
                converterCountry[c] = true;
            }
        }
        cnIndex = cn;
        for (SupplyAsset a : in.converters) {
            converterCountry[indexOf(a.country())] = true;
        }
        boolean[] hasConc = new boolean[n];
        boolean[] hasChem = new boolean[n];
        for (SupplyAsset a : in.supply) {
            int c = indexOf(a.country());
            if (a.kind() == AssetKind.MINE_CONCENTRATE) {
                hasConc[c] = true;
            } else {
                hasChem[c] = true;
            }
        }
        int regions = DemandRegion.values().length;
        int nodes = 5 * n + regions + 1;
        net = new FlowNetwork(nodes, 8 * n * regions);
        concSrc = new int[n];
        concGate = new int[n];
        convIn = new int[n];
        chemSrc = new int[n];
        chemGate = new int[n];
        for (int c = 0; c < n; c++) {
            concSrc[c] = 5 * c;
            concGate[c] = 5 * c + 1;
            convIn[c] = 5 * c + 2;
            chemSrc[c] = 5 * c + 3;
            chemGate[c] = 5 * c + 4;
        }
        regionNode = new int[regions];
        for (int r = 0; r < regions; r++) {
            regionNode[r] = 5 * n + r;
        }
        sink = 5 * n + regions;
        List<Double> freight = new ArrayList<>();
        convertArc = new int[n];
        concGateArc = new int[n];
        chemGateArc = new int[n];
        java.util.Arrays.fill(convertArc, -1);
        java.util.Arrays.fill(concGateArc, -1);
        java.util.Arrays.fill(chemGateArc, -1);
        concHoldArc = new int[n];
        concBlocked = new boolean[n];
        chemHoldArc = new int[n];
        java.util.Arrays.fill(concHoldArc, -1);
        java.util.Arrays.fill(chemHoldArc, -1);
        for (int c = 0; c < n; c++) {
            if (hasConc[c]) {
                if (converterCountry[c]) {
                    add(concSrc[c], convIn[c], CONC_HOME, c, c, freight(in, "concentrate", c, countries[c], true),
                            freight);
                }
                concGateArc[c] = add(concSrc[c], concGate[c], CONC_GATE, c, c, 0, freight);
                for (int k = 0; k < n; k++) {
                    if (k != c && converterCountry[k]) {
                        add(concGate[c], convIn[k], CONC_SHIP, c, k,
                                freight(in, "concentrate", c, countries[k], false), freight);
                    }
                }
                concHoldArc[c] = add(concSrc[c], sink, HOLD_CONC, c, c, HOLD_PENALTY_USD, freight);
            }
            if (converterCountry[c]) {
                convertArc[c] = add(convIn[c], chemSrc[c], CONVERT, c, c, 0, freight);
            }
            if (hasChem[c] || converterCountry[c]) {
                int home = countryRegion[c].ordinal();
                add(chemSrc[c], regionNode[home], CHEM_HOME, c, home,
                        freight(in, "chemical", c, countryRegion[c].id(), true), freight);
                chemGateArc[c] = add(chemSrc[c], chemGate[c], CHEM_GATE, c, c, 0, freight);
                for (DemandRegion r : DemandRegion.values()) {
                    if (r.ordinal() != home) {
                        add(chemGate[c], regionNode[r.ordinal()], CHEM_SHIP, c, r.ordinal(),
                                freight(in, "chemical", c, r.id(), false), freight);
                    }
                }
                chemHoldArc[c] = add(chemSrc[c], sink, HOLD_CHEM, c, c, HOLD_PENALTY_USD, freight);
            }
        }
        needArc = new int[regions];
        for (int r = 0; r < regions; r++) {
            needArc[r] = add(regionNode[r], sink, NEED, -1, r, 0, freight);
        }
        int m = meta.size();
        arcKind = new int[m];
        arcOrigin = new int[m];
        arcDest = new int[m];
        arcFreight = new double[m];
        for (int a = 0; a < m; a++) {
            arcKind[a] = meta.get(a)[0];
            arcOrigin[a] = meta.get(a)[1];
            arcDest[a] = meta.get(a)[2];
            arcFreight[a] = freight.get(a);
        }
    }

    private int add(int from, int to, int kind, int origin, int dest, double cost, List<Double> freight) {
        int a = net.addArc(from, to, Double.POSITIVE_INFINITY, cost);
        meta.add(new int[] {kind, origin, dest});
        freight.add(cost);
        return a;
    }

    int indexOf(String country) {
        return java.util.Arrays.binarySearch(countries, country);
    }

    /** Freight from the most specific rule: exact origin beats '*', exact destination beats '*'. */
    double freight(MarketInputs in, String product, int origin, String dest, boolean home) {
        return freight(in.data.freight(), product, countries[origin], dest, home);
    }

    static double freight(List<MarketData.FreightRule> rules, String product, String origin, String dest,
                          boolean home) {
        double best = Double.NaN;
        int bestScore = -1;
        for (MarketData.FreightRule r : rules) {
            if (!r.product().equals(product)) {
                continue;
            }
            int score;
            if (r.origin().equals("same") || r.destination().equals("same")) {
                if (!home || !r.origin().equals("same") || !r.destination().equals("same")) {
                    continue;
                }
                score = 10;
            } else {
                boolean oMatch = r.origin().equals("*") || r.origin().equals(origin);
                boolean dMatch = r.destination().equals("*") || r.destination().equals(dest);
                if (!oMatch || !dMatch) {
                    continue;
                }
                score = (r.origin().equals("*") ? 0 : 2) + (r.destination().equals("*") ? 0 : 1);
            }
            if (score > bestScore) {
                bestScore = score;
                best = r.usdPerTLce();
            }
        }
        if (bestScore < 0) {
            throw new org.lichain.dataset.InvalidInputException("trade_freight.csv has no rule for " + product + " from " + origin
                    + " to " + dest);
        }
        return best;
    }

    /** True when country {@code c}'s chemical may leave it (no ban; a quota leaves it open). */
    boolean chemGateOpen(int c) {
        return chemGateArc[c] < 0 || net.capacity(chemGateArc[c]) > 0;
    }

    /** True when chemical held in country {@code c} can reach Chinese buyers this month. */
    boolean chemReachesChina(int c) {
        return c == cnIndex || chemGateOpen(c);
    }

    /** True when concentrate held in country {@code c} can reach Chinese buyers (directly or converted at home). */
    boolean concReachesChina(int c) {
        return c == cnIndex || concGateArc[c] < 0 || net.capacity(concGateArc[c]) > 0
                || (converterCountry[c] && chemGateOpen(c));
    }

    /** True when concentrate from country {@code c} can neither leave (ban) nor be converted at home. */
    boolean blockedConcentrate(int c) {
        return concBlocked[c];
    }

    private static final DemandRegion[] REGIONS = DemandRegion.values();

    private Scenario tariffScenario;
    private int[][] arcTariffs;

    /**
     * Indices (in scenario order) of the tariffs whose product, origin and destination match shipping arc {@code a}:
     * they do not change from month to month, so the string matching is done once per scenario instead of every
     * month.
     */
    private int[] tariffsOf(Scenario s, int a) {
        if (tariffScenario != s) {
            tariffScenario = s;
            arcTariffs = new int[net.arcCount()][];
        }
        int[] idx = arcTariffs[a];
        if (idx == null) {
            boolean conc = arcKind[a] == CONC_SHIP;
            String origin = countries[arcOrigin[a]];
            String product = conc ? "concentrate" : "chemical";
            String destCode = conc ? countries[arcDest[a]] : REGIONS[arcDest[a]].id();
            DemandRegion destRegion = conc ? countryRegion[arcDest[a]] : REGIONS[arcDest[a]];
            List<Scenario.Tariff> all = s.tariffs();
            int[] tmp = new int[all.size()];
            int n = 0;
            for (int i = 0; i < all.size(); i++) {
                Scenario.Tariff t = all.get(i);
                if (t.product().equals(product) && t.origin().equals(origin)
                        && (t.destination().equals(destCode) || destRegion.matches(t.destination()))) {
                    tmp[n++] = i;
                }
            }
            idx = java.util.Arrays.copyOf(tmp, n);
            arcTariffs[a] = idx;
        }
        return idx;
    }

    /** Updates arc costs and gate capacities for month {@code m} at last month's price. */
    void applyPolicies(MarketInputs in, YearMonth m, double priceUsd, double concValueUsd, double[] convCap) {
        Scenario s = in.scenario;
        int arcs = net.arcCount();
        List<Scenario.Tariff> tariffs = s.tariffs();
        for (int a = 0; a < arcs; a++) {
            int kind = arcKind[a];
            if (kind == CONC_SHIP || kind == CHEM_SHIP) {
                double value = kind == CONC_SHIP ? concValueUsd : priceUsd;
                double tariff = 0;
                for (int ti : tariffsOf(s, a)) {
                    Scenario.Tariff t = tariffs.get(ti);
                    if (Scenario.active(t.from(), t.to(), m)) {
                        tariff += t.rate() * value + t.specificUsdPerTLce();
                    }
                }
                net.setCost(a, arcFreight[a] + tariff);
            }
        }
        for (int c = 0; c < countries.length; c++) {
            setHoldCost(concHoldArc[c], s, countries[c], "concentrate", m);
            setHoldCost(chemHoldArc[c], s, countries[c], "chemical", m);
        }
        applyGates(in, m, convCap);
    }

    /**
     * True when a ban on exports of {@code product} from {@code country} is known in month {@code m}
     * ({@link Scenario#knownBy}: from its {@code knownFrom}, or from its start when that is not stated, so a ban
     * without one is never known ahead) and not yet in force.
     */
    static boolean banAhead(Scenario s, String country, String product, YearMonth m) {
        for (Scenario.ExportBan b : s.exportBans()) {
            if (b.country().equals(country) && b.product().equals(product) && b.from() != null
                    && m.isBefore(b.from()) && Scenario.knownBy(b.knownFrom(), b.from(), m)) {
                return true;
            }
        }
        return false;
    }

    /** The holding penalty of one origin's stock this month (doubled behind an announced ban). */
    private void setHoldCost(int holdArc, Scenario s, String country, String product, YearMonth m) {
        if (holdArc >= 0) {
            net.setCost(holdArc, banAhead(s, country, product, m) ? BAN_AHEAD_HOLD_PENALTY_USD : HOLD_PENALTY_USD);
        }
    }

    /**
     * Updates only the gate capacities (export bans, quotas) and conversion capacities for month {@code m}: enough
     * for {@link #blockedConcentrate}, without recomputing the arc costs.
     */
    void applyGates(MarketInputs in, YearMonth m, double[] convCap) {
        Scenario s = in.scenario;
        for (int c = 0; c < countries.length; c++) {
            for (int p = 0; p < 2; p++) {
                int arc = p == 0 ? concGateArc[c] : chemGateArc[c];
                if (arc < 0) {
                    continue;
                }
                String product = p == 0 ? "concentrate" : "chemical";
                double cap = Double.POSITIVE_INFINITY;
                for (Scenario.ExportBan b : s.exportBans()) {
                    if (b.country().equals(countries[c]) && b.product().equals(product)
                            && Scenario.active(b.from(), b.to(), m)) {
                        cap = 0;
                    }
                }
                for (Scenario.Quota q : s.quotas()) {
                    if (q.country().equals(countries[c]) && q.product().equals(product)
                            && Scenario.active(q.from(), q.to(), m)) {
                        cap = Math.min(cap, q.tLcePerYear() / 12.0);
                    }
                }
                net.setCapacity(arc, cap);
                if (p == 0) { // read by every asset in every step: kept per country, set with the gate
                    concBlocked[c] = cap <= 0 && !converterCountry[c];
                }
            }
            if (convertArc[c] >= 0) {
                net.setCapacity(convertArc[c], c == cnIndex ? Double.POSITIVE_INFINITY : convCap[c]);
            }
        }
    }
}
