package org.lichain.cost;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.lichain.process.ProcessBalance;
import org.lichain.process.ProcessModel;
import org.lichain.world.Asset;
import org.lichain.world.MonthlyPrices;
import org.lichain.world.Production;
import org.lichain.world.ReferencePrices;
import org.lichain.world.World;

/** Builds cost curves of mined supply (converters excluded: they are not new lithium) for a year or a month. */
public final class CostCurves {
    private CostCurves() {
    }

    /** A price for a curve with where it came from. */
    public record Price(double usdPerTLce, String source, double cnyPerTInclVat) {
        /** A price given in USD; its CNY figure is derived with the period's FX. */
        public Price(double usdPerTLce, String source) {
            this(usdPerTLce, source, Double.NaN);
        }
    }

    /** Average CNY per USD over a year's months. */
    public static double cnyPerUsd(World w, int year) {
        double s = 0;
        for (int m = 1; m <= 12; m++) {
            s += w.fx().cnyPerUsd(YearMonth.of(year, m));
        }
        return s / 12.0;
    }

    /**
     * The default price of {@code year}: from the monthly record ({@code prices_monthly.csv}, China battery-grade
     * carbonate spot, SMM) when it reaches the year: the mean of the year's 12 monthly averages, each converted to
     * USD ex-VAT at its month's FX and China's VAT; the latest month when the year is incomplete; the record's
     * latest month when the year is after it (never an older year's price while a newer one is known). Before the
     * record, the annual reference series ({@code reference_prices.csv}) of the year or the latest before it.
     * Empty if none.
     */
    public static Optional<Price> referencePrice(World w, int year) {
        Optional<MonthlyPrices.Quote> q = w.extension(MonthlyPrices.class).flatMap(mp -> mp.carbonateForYear(year));
        if (q.isPresent()) {
            return Optional.of(fromRecord(w, q.get()));
        }
        return w.referencePrices().annualAtOrBefore(ReferencePrices.CARBONATE_ANNUAL_USD, year)
                .map(p -> new Price(p.value(), "reference " + ReferencePrices.CARBONATE_ANNUAL_USD + " " + p.period()
                        + (Integer.parseInt(p.period()) == year ? "" : " (latest before " + year + ")") + ": "
                        + p.source()));
    }

    /**
     * The default price of month {@code m}: the record's monthly average of the month, or its latest month when
     * {@code m} is after the record; before the record, {@link #referencePrice(World, int)} of the year.
     */
    public static Optional<Price> referencePrice(World w, YearMonth m) {
        Optional<MonthlyPrices.Quote> q = w.extension(MonthlyPrices.class).flatMap(mp -> mp.carbonateForMonth(m));
        return q.isPresent() ? Optional.of(fromRecord(w, q.get())) : referencePrice(w, m.getYear());
    }

    private static Price fromRecord(World w, MonthlyPrices.Quote q) {
        double vat = 1.0 + w.fiscal().chinaVatPct() / 100.0;
        MonthlyPrices mp = w.extension(MonthlyPrices.class).orElseThrow();
        // each month converted at its own FX: the mean of the months in USD, not the CNY mean at the year's FX
        double usd = 0;
        for (YearMonth m : q.months()) {
            usd += mp.carbonateMonthly().get(m).value() / vat / w.fx().cnyPerUsd(m);
        }
        usd /= q.months().size();
        return new Price(usd, String.format(Locale.ROOT,
                "China battery-grade Li2CO3 spot, %s: %,.0f CNY/t incl. VAT = %,.0f USD/t LCE ex-VAT "
                        + "(%.0f%% VAT, monthly FX); dataset file prices_monthly.csv, source: %s", q.basis(), q.cnyPerTInclVat(), usd, w.fiscal().chinaVatPct(), q.source()),
                q.cnyPerTInclVat());
    }

    /** Converts a Chinese spot price (CNY/t incl. VAT) to USD/t LCE ex-VAT with the year's average FX. */
    public static double usdFromCnyInclVat(World w, int year, double cnyInclVat) {
        return cnyInclVat / (1.0 + w.fiscal().chinaVatPct() / 100.0) / cnyPerUsd(w, year);
    }

    public static double cnyInclVatFromUsd(World w, int year, double usd) {
        return usd * (1.0 + w.fiscal().chinaVatPct() / 100.0) * cnyPerUsd(w, year);
    }

    /** The annual curve: each asset's cost is the mean of its monthly costs over the year. */
    public static CostCurve annual(World w, int year, Price price, CostBreakdown.Basis basis) {
        return annual(w, year, price, basis, PowerPriceRatio.FLAT);
    }

    /** The annual curve with each plant's power priced by {@code power} (time-of-use scheduling). */
    public static CostCurve annual(World w, int year, Price price, CostBreakdown.Basis basis, PowerPriceRatio power) {
        List<CostCurve.Entry> raw = new ArrayList<>();
        for (Asset a : w.assets()) {
            if (!a.kind().minedSupply()) {
                continue;
            }
            double cap = a.capacity().averageCapacityTLcePerYear(year);
            Optional<Production> reported = w.productionOf(a.id(), year);
            if (cap <= 0 && reported.isEmpty()) {
                continue;
            }
            ProcessBalance b = ProcessModel.balance(w, a, year);
            CostBreakdown mean = meanOfMonths(w, a, b, year, price.usdPerTLce(), power);
            double prod = reported.map(Production::productionTLce).orElse(cap);
            raw.add(entry(a, Math.max(cap, 0.0), prod, reported.isPresent() ? "reported" : "capacity", mean));
        }
        return assemble(year, null, price, basis, raw, Double.isNaN(price.cnyPerTInclVat())
                ? cnyInclVatFromUsd(w, year, price.usdPerTLce()) : price.cnyPerTInclVat());
    }

    /** The curve of one month: capacity at that month (annualised), production = capacity. */
    public static CostCurve monthly(World w, YearMonth m, Price price, CostBreakdown.Basis basis) {
        return monthly(w, m, price, basis, PowerPriceRatio.FLAT);
    }

    /** The monthly curve with each plant's power priced by {@code power}. */
    public static CostCurve monthly(World w, YearMonth m, Price price, CostBreakdown.Basis basis, PowerPriceRatio power) {
        List<CostCurve.Entry> raw = new ArrayList<>();
        for (Asset a : w.assets()) {
            if (!a.kind().minedSupply()) {
                continue;
            }
            double cap = a.capacity().capacityTLcePerYear(m);
            if (cap <= 0) {
                continue;
            }
            CostBreakdown c = CostModel.unitCost(w, a, ProcessModel.balance(w, a, m.getYear()), m, price.usdPerTLce(),
                    power);
            raw.add(entry(a, cap, cap, "capacity", c));
        }
        double cny = Double.isNaN(price.cnyPerTInclVat())
                ? price.usdPerTLce() * w.fx().cnyPerUsd(m) * (1.0 + w.fiscal().chinaVatPct() / 100.0)
                : price.cnyPerTInclVat();
        return assemble(m.getYear(), m.toString(), price, basis, raw, cny);
    }

    private static CostCurve.Entry entry(Asset a, double cap, double prod, String prodBasis, CostBreakdown c) {
        return new CostCurve.Entry(a.id(), a.name(), a.country(), a.resourceType().id(), a.kind().id(), cap, prod,
                prodBasis, c.c1UsdPerTLce(), c.aiscUsdPerTLce(), c.c1CnyPerTInclVat(), 0, 0, c);
    }

    static CostBreakdown meanOfMonths(World w, Asset a, ProcessBalance b, int year, double price,
                                      PowerPriceRatio power) {
        double[] acc = new double[13];
        double cny = 0;
        boolean calibrated = false;
        double vat = 0;
        for (int mo = 1; mo <= 12; mo++) {
            CostBreakdown c = CostModel.unitCost(w, a, b, YearMonth.of(year, mo), price, power);
            acc[0] += c.miningUsdPerTLce();
            acc[1] += c.beneficiationUsdPerTLce();
            acc[2] += c.reagentsUsdPerTLce();
            acc[3] += c.energyUsdPerTLce();
            acc[4] += c.labourUsdPerTLce();
            acc[5] += c.residueEnvironmentalUsdPerTLce();
            acc[6] += c.royaltiesTaxesUsdPerTLce();
            acc[7] += c.freightUsdPerTLce();
            acc[8] += c.conversionUsdPerTLce();
            acc[9] += c.byproductCreditsUsdPerTLce();
            acc[10] += c.sustainingCapexUsdPerTLce();
            cny += c.cnyPerUsd();
            calibrated = c.upstreamCalibrated();
            vat = c.vatPct();
        }
        for (int i = 0; i < acc.length; i++) {
            acc[i] /= 12.0;
        }
        return new CostBreakdown(a.id(), Integer.toString(year), price, acc[0], acc[1], acc[2], acc[3], acc[4], acc[5],
                acc[6], acc[7], acc[8], acc[9], acc[10], cny / 12.0, vat, calibrated);
    }

    private static CostCurve assemble(int year, String month, Price price, CostBreakdown.Basis basis,
                                      List<CostCurve.Entry> raw, double priceCny) {
        int n = raw.size();
        double[] cost = new double[n];
        double[] cap = new double[n];
        double[] prod = new double[n];
        for (int i = 0; i < n; i++) {
            cost[i] = raw.get(i).cost(basis);
            cap[i] = raw.get(i).capacityTLce();
            prod[i] = raw.get(i).productionTLce();
        }
        int[] order = CurveKernel.order(cost);
        double[] cumCap = CurveKernel.cumulative(order, cap);
        double[] cumProd = CurveKernel.cumulative(order, prod);
        List<CostCurve.Entry> sorted = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            CostCurve.Entry e = raw.get(order[k]);
            sorted.add(new CostCurve.Entry(e.id(), e.name(), e.country(), e.resourceType(), e.kind(), e.capacityTLce(),
                    e.productionTLce(), e.productionBasis(), e.c1UsdPerTLce(), e.aiscUsdPerTLce(), e.c1CnyPerTInclVat(),
                    cumCap[k], cumProd[k], e.breakdown()));
        }
        return new CostCurve(year, month, basis, price.usdPerTLce(), priceCny, price.source(),
                Collections.unmodifiableList(sorted), groups(sorted, CostCurve.Entry::resourceType, basis,
                        price.usdPerTLce()),
                groups(sorted, CostCurve.Entry::country, basis, price.usdPerTLce()));
    }

    static Map<String, CostCurve.Group> groups(List<CostCurve.Entry> sorted, Function<CostCurve.Entry, String> key,
                                               CostBreakdown.Basis basis, double price) {
        Map<String, List<CostCurve.Entry>> members = new TreeMap<>();
        for (CostCurve.Entry e : sorted) {
            members.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e);
        }
        Map<String, CostCurve.Group> out = new LinkedHashMap<>();
        members.forEach((k, list) -> {
            int n = list.size();
            double[] basisCost = new double[n];
            double[] c1 = new double[n];
            double[] prod = new double[n];
            double cap = 0;
            for (int i = 0; i < n; i++) {
                basisCost[i] = list.get(i).cost(basis);
                c1[i] = list.get(i).c1UsdPerTLce();
                prod[i] = list.get(i).productionTLce();
                cap += list.get(i).capacityTLce();
            }
            double totalProd = 0;
            for (double p : prod) {
                totalProd += p;
            }
            out.put(k, new CostCurve.Group(cap, totalProd, CurveKernel.shareAbove(basisCost, prod, price),
                    CurveKernel.weightedMedian(CurveKernel.order(c1), c1, prod)));
        });
        return out;
    }
}
