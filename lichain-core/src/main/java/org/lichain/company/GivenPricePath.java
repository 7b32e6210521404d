package org.lichain.company;

import org.lichain.dataset.InvalidInputException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Optional;
import org.lichain.process.Conversions;
import org.lichain.world.Asset;
import org.lichain.world.MonthlyPrices;
import org.lichain.world.Parameters;
import org.lichain.world.ProcessParameter;
import org.lichain.world.Route;
import org.lichain.world.Production;
import org.lichain.world.ReferencePrices;
import org.lichain.world.World;

/**
 * A price path given from outside the simulation: the dataset's reference prices of a year, or one flat
 * carbonate price. Output per asset is the reported production of the year spread over the months in
 * proportion to available capacity, or the available capacity where nothing is reported (named
 * simplification: no curtailment response to price; the market simulation supplies that later).
 * Where no SC6 price is given, SC6 follows carbonate through {@link Assumption#SPODUMENE_CONCENTRATE_PAYABILITY_PCT}.
 * Lepidolite concentrate follows carbonate too: between and outside its dated points the path interpolates (holds
 * flat) the ratio of concentrate per t LCE contained to carbonate, not the absolute price (estimate: in China
 * lepidolite concentrate trades relative to carbonate, reference/facts.md 4), so it equals the sourced price at
 * each dated point and moves with carbonate elsewhere.
 */
public final class GivenPricePath implements PricePath {
    /** Reference series of SC6 CIF China, USD/t, annual ({@code YYYY}) or monthly ({@code YYYY-MM}). */
    public static final String SC6_SERIES = "sc6_usd_per_t";
    /** Core reference series of dated China carbonate points, CNY/t incl. VAT. */
    public static final String CNY_SERIES = "cn_li2co3_battery_cny_per_t_incl_vat";
    /** Core reference series of dated lepidolite concentrate points, CNY/t incl. VAT (none yet). */
    public static final String LEPIDOLITE_SERIES = "lepidolite_concentrate_cny_per_t_incl_vat";

    private final String name;
    private final World world;
    private final Map<YearMonth, Double> carbonate;
    private final Map<YearMonth, Double> sc6;
    private final Map<YearMonth, Double> lepidolite;

    private GivenPricePath(String name, World world, Map<YearMonth, Double> carbonate, Map<YearMonth, Double> sc6,
                           Map<YearMonth, Double> lepidolite) {
        this.name = name;
        this.world = world;
        this.carbonate = Map.copyOf(carbonate);
        this.sc6 = Map.copyOf(sc6);
        this.lepidolite = Map.copyOf(lepidolite);
    }

    /** One flat carbonate price (USD/t LCE ex-VAT) for every month of {@code year}; SC6 derived from it. */
    public static GivenPricePath flat(World w, Companies c, int year, double carbonateUsdPerTLce) {
        if (!(carbonateUsdPerTLce >= 0) || Double.isInfinite(carbonateUsdPerTLce)) {
            throw new InvalidInputException("carbonate price must be a finite number ≥ 0, got "
                    + carbonateUsdPerTLce);
        }
        Map<YearMonth, Double> li = new HashMap<>();
        Map<YearMonth, Double> sp = new HashMap<>();
        for (int mo = 1; mo <= 12; mo++) {
            YearMonth m = YearMonth.of(year, mo);
            li.put(m, carbonateUsdPerTLce);
            sp.put(m, derivedSc6(c, carbonateUsdPerTLce));
        }
        return new GivenPricePath("flat carbonate " + Math.round(carbonateUsdPerTLce) + " USD/t LCE, SC6 derived",
                w, li, sp, Map.of());
    }

    /** Explicit monthly prices for {@code year} (tests, what-ifs): 12 carbonate and 12 SC6 values. */
    public static GivenPricePath monthly(World w, int year, double[] carbonateUsdPerTLce, double[] sc6UsdPerT,
                                         String name) {
        if (carbonateUsdPerTLce.length != 12 || sc6UsdPerT.length != 12) {
            throw new InvalidInputException("need 12 monthly carbonate and 12 SC6 prices");
        }
        Map<YearMonth, Double> li = new HashMap<>();
        Map<YearMonth, Double> sp = new HashMap<>();
        for (int mo = 1; mo <= 12; mo++) {
            li.put(YearMonth.of(year, mo), carbonateUsdPerTLce[mo - 1]);
            sp.put(YearMonth.of(year, mo), sc6UsdPerT[mo - 1]);
        }
        return new GivenPricePath(name, w, li, sp, Map.of());
    }

    /**
     * The reference prices of {@code year}. Carbonate: where the monthly record ({@code prices_monthly.csv}, SMM
     * China spot, CNY/t incl. VAT) reaches the year, each month's own average (the latest month of the year held
     * for the rest of an incomplete year; the record's latest month held flat for a year after it, the latest
     * known price, not a forecast), converted to USD ex-VAT with the month's FX and China's VAT. Before the record,
     * the annual USD average of the year in {@code reference_prices.csv} where there is one (flat over the months, as the cost curve uses it); otherwise
     * the dated CNY points of the year ({@code cn_li2co3_battery_cny_per_t_incl_vat} and the company price
     * points), interpolated linearly between points, held flat before the first and after the last, converted
     * to USD ex-VAT with the month's FX and China's VAT. SC6: the year's dated points likewise, else derived from
     * carbonate. Lepidolite concentrate (CNY/t incl. VAT at the route's concentrate grade): at each dated point of
     * the year, its ratio per t LCE contained to the path's carbonate of that month; the ratio is interpolated
     * linearly between points and held flat outside, times the month's carbonate (estimate, see the class
     * comment); without points, none (the model then uses the payability). Before the record, never takes another
     * year's price: {@link IllegalArgumentException} when the year has no carbonate price.
     */
    public static GivenPricePath reference(World w, Companies c, int year) {
        ReferencePrices rp = w.referencePrices();
        Map<YearMonth, Double> li = new HashMap<>();
        Map<YearMonth, Double> sp = new HashMap<>();
        ReferencePrices.Point annual = rp.series(ReferencePrices.CARBONATE_ANNUAL_USD).get(Integer.toString(year));
        TreeMap<YearMonth, Double> cny = points(rp, CNY_SERIES, c, PricePoint.CARBONATE_CNY, year);
        TreeMap<YearMonth, Double> sc6Points = points(rp, SC6_SERIES, c, PricePoint.SC6_USD, year);
        TreeMap<YearMonth, Double> lepPoints = points(rp, LEPIDOLITE_SERIES, c, PricePoint.LEPIDOLITE_CNY, year);
        double lepGradePct = w.routeParameters().getOrDefault(Route.LEPIDOLITE_SULFATE_ROAST, Parameters.empty())
                .value(ProcessParameter.CONCENTRATE_GRADE_LI2O_PCT);
        Map<YearMonth, Double> lep = new HashMap<>();
        // the monthly record (SMM monthly averages) wins where it reaches the year: each month its own average, the
        // latest month held for the rest of an incomplete year, the record's latest month after its end
        NavigableMap<YearMonth, MonthlyPrices.Point> record = w.extension(MonthlyPrices.class)
                .map(MonthlyPrices::carbonateMonthly).orElse(new TreeMap<>());
        boolean fromRecord = !record.isEmpty() && year >= record.firstKey().getYear();
        String recordNote = "";
        if (fromRecord) {
            YearMonth last = null;
            int inYear = 0;
            for (int mo = 1; mo <= 12; mo++) {
                YearMonth m = YearMonth.of(year, mo);
                Map.Entry<YearMonth, MonthlyPrices.Point> e = record.floorEntry(m);
                if (e == null) {
                    e = record.ceilingEntry(m);
                }
                if (e.getKey().equals(m)) {
                    inYear++;
                }
                last = e.getKey();
                cny.put(m, e.getValue().value());
            }
            recordNote = inYear == 12 ? "SMM monthly averages" : inYear > 0 ? "SMM monthly averages, " + inYear
                    + " months, latest (" + last + ") held" : "SMM latest known month " + last + " held flat";
        }
        if (annual == null && cny.isEmpty()) {
            throw new InvalidInputException("the dataset has no carbonate reference price for " + year
                    + " (annual " + ReferencePrices.CARBONATE_ANNUAL_USD + " or dated points of the year); "
                    + "give a price with --price-usd");
        }
        double vat = 1.0 + w.fiscal().chinaVatPct() / 100.0;
        for (int mo = 1; mo <= 12; mo++) {
            YearMonth m = YearMonth.of(year, mo);
            double usd = annual != null && !fromRecord ? annual.value()
                    : interpolate(cny, m) / vat / w.fx().cnyPerUsd(m);
            li.put(m, usd);
            sp.put(m, sc6Points.isEmpty() ? derivedSc6(c, usd) : interpolate(sc6Points, m));
        }
        if (!lepPoints.isEmpty() && lepGradePct > 0) {
            // estimate (lepidolite concentrate follows carbonate): the ratio concentrate per t LCE contained ÷
            // carbonate, both in USD ex-VAT of the path (the same ratio as both in CNY incl. VAT: same VAT, same
            // FX), is taken at each dated concentrate point against the path's carbonate of that month, then
            // interpolated linearly between points and held flat outside; concentrate = ratio × carbonate. At a
            // dated point it gives the sourced price exactly.
            double lcePerTConc = lepGradePct / 100.0 * Conversions.LCE_PER_LI2O;
            TreeMap<YearMonth, Double> ratio = new TreeMap<>();
            for (Map.Entry<YearMonth, Double> e : lepPoints.entrySet()) {
                YearMonth m = e.getKey();
                double concUsd = e.getValue() / lcePerTConc / vat / w.fx().cnyPerUsd(m);
                double carbUsd = li.get(m);
                if (carbUsd > 0) {
                    ratio.put(m, concUsd / carbUsd);
                }
            }
            if (!ratio.isEmpty()) {
                for (int mo = 1; mo <= 12; mo++) {
                    YearMonth m = YearMonth.of(year, mo);
                    lep.put(m, interpolate(ratio, m) * li.get(m));
                }
            }
        }
        String nm = "reference prices " + year + " (carbonate " + (fromRecord ? recordNote
                : annual != null ? "annual average" : cny.size() + " dated points") + ", SC6 " + (sc6Points.isEmpty() ? "derived from carbonate"
                : sc6Points.size() + " dated points") + ", lepidolite concentrate "
                + (lep.isEmpty() ? "at payability" : lepPoints.size() + " dated points, ratio to carbonate") + ")";
        return new GivenPricePath(nm, w, li, sp, lep);
    }

    /** Dated points of {@code year} from a core series and the company points of a series. */
    private static TreeMap<YearMonth, Double> points(ReferencePrices rp, String coreSeries, Companies c,
                                                     String companySeries, int year) {
        TreeMap<YearMonth, Double> out = new TreeMap<>();
        for (ReferencePrices.Point p : rp.series(coreSeries).values()) {
            if (p.period().length() == 7 && p.period().startsWith(year + "-")) {
                out.put(YearMonth.parse(p.period()), p.value());
            }
        }
        for (PricePoint p : c.pricePoints()) {
            if (p.series().equals(companySeries) && p.month().getYear() == year) {
                out.putIfAbsent(p.month(), p.value());
            }
        }
        return out;
    }

    /** Linear between the points around {@code m}; the nearest point outside them. */
    static double interpolate(NavigableMap<YearMonth, Double> pts, YearMonth m) {
        Map.Entry<YearMonth, Double> lo = pts.floorEntry(m);
        Map.Entry<YearMonth, Double> hi = pts.ceilingEntry(m);
        if (lo == null) {
            return hi.getValue();
        }
        if (hi == null || lo.getKey().equals(hi.getKey())) {
            return lo.getValue();
        }
        double span = monthsBetween(lo.getKey(), hi.getKey());
        double x = monthsBetween(lo.getKey(), m);
        return lo.getValue() + (hi.getValue() - lo.getValue()) * x / span;
    }

    private static long monthsBetween(YearMonth a, YearMonth b) {
        return (b.getYear() - a.getYear()) * 12L + (b.getMonthValue() - a.getMonthValue());
    }

    /** SC6 USD/t that corresponds to a carbonate price through the spodumene payability. */
    static double derivedSc6(Companies c, double carbonateUsdPerTLce) {
        double lcePerTSc6 = c.value(Assumption.SC6_GRADE_LI2O_PCT) / 100.0 * Conversions.LCE_PER_LI2O;
        return carbonateUsdPerTLce * c.value(Assumption.SPODUMENE_CONCENTRATE_PAYABILITY_PCT) / 100.0 * lcePerTSc6;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double carbonateUsdPerTLce(YearMonth m) {
        Double v = carbonate.get(m);
        if (v == null) {
            throw new InvalidInputException("price path '" + name + "' has no carbonate price for " + m);
        }
        return v;
    }

    @Override
    public double sc6UsdPerT(YearMonth m) {
        Double v = sc6.get(m);
        if (v == null) {
            throw new InvalidInputException("price path '" + name + "' has no SC6 price for " + m);
        }
        return v;
    }

    @Override
    public double lepidoliteConcentrateUsdPerTLce(YearMonth m) {
        Double v = lepidolite.get(m);
        return v == null ? Double.NaN : v;
    }

    @Override
    public double productionTLce(Asset asset, YearMonth m) {
        double capMonth = asset.capacity().capacityTLcePerYear(m) / 12.0;
        Optional<Production> reported = world.productionOf(asset.id(), m.getYear());
        if (reported.isEmpty()) {
            return capMonth;
        }
        double yearCap = asset.capacity().averageCapacityTLcePerYear(m.getYear()); // = sum of monthly caps
        double annual = reported.get().productionTLce();
        if (yearCap <= 0) {
            return annual / 12.0;
        }
        return annual * capMonth / yearCap;
    }
}
