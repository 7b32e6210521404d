package org.lichain.company;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.lichain.process.Conversions;
import org.lichain.world.Asset;
import org.lichain.world.Production;
import org.lichain.world.ReferencePrices;
import org.lichain.world.World;

/**
 * A price path given from outside the simulation: the dataset's reference prices of a year, or one flat
 * carbonate price. Output per asset is the reported production of the year spread over the months in
 * proportion to available capacity, or the available capacity where nothing is reported (named
 * simplification: no curtailment response to price; the market simulation supplies that later).
 * Where no SC6 price is given, SC6 follows carbonate through {@link Assumption#SPODUMENE_CONCENTRATE_PAYABILITY_PCT}.
 */
public final class GivenPricePath implements PricePath {
    /** Reference series of SC6 CIF China, USD/t, annual ({@code YYYY}) or monthly ({@code YYYY-MM}). */
    public static final String SC6_SERIES = "spodumene_sc6_usd_per_t";

    private final String name;
    private final World world;
    private final Map<YearMonth, Double> carbonate;
    private final Map<YearMonth, Double> sc6;

    private GivenPricePath(String name, World world, Map<YearMonth, Double> carbonate, Map<YearMonth, Double> sc6) {
        this.name = name;
        this.world = world;
        this.carbonate = Map.copyOf(carbonate);
        this.sc6 = Map.copyOf(sc6);
    }

    /** One flat carbonate price (USD/t LCE ex-VAT) for every month of {@code year}; SC6 derived from it. */
    public static GivenPricePath flat(World w, Companies c, int year, double carbonateUsdPerTLce) {
        if (!(carbonateUsdPerTLce >= 0) || Double.isInfinite(carbonateUsdPerTLce)) {
            throw new IllegalArgumentException("carbonate price must be a finite number ≥ 0, got "
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
                w, li, sp);
    }

    /** Explicit monthly prices for {@code year} (tests, what-ifs): 12 carbonate and 12 SC6 values. */
    public static GivenPricePath monthly(World w, int year, double[] carbonateUsdPerTLce, double[] sc6UsdPerT,
                                         String name) {
        if (carbonateUsdPerTLce.length != 12 || sc6UsdPerT.length != 12) {
            throw new IllegalArgumentException("need 12 monthly carbonate and 12 SC6 prices");
        }
        Map<YearMonth, Double> li = new HashMap<>();
        Map<YearMonth, Double> sp = new HashMap<>();
        for (int mo = 1; mo <= 12; mo++) {
            li.put(YearMonth.of(year, mo), carbonateUsdPerTLce[mo - 1]);
            sp.put(YearMonth.of(year, mo), sc6UsdPerT[mo - 1]);
        }
        return new GivenPricePath(name, w, li, sp);
    }

    /**
     * The reference prices of {@code year}: the monthly point of a month where the series has one, else the
     * annual value of the year or the latest year before it. Throws {@link IllegalArgumentException} when the
     * dataset has no carbonate reference price at or before {@code year}.
     */
    public static GivenPricePath reference(World w, Companies c, int year) {
        ReferencePrices rp = w.referencePrices();
        Map<YearMonth, Double> li = new HashMap<>();
        Map<YearMonth, Double> sp = new HashMap<>();
        String liUsed = null;
        String spUsed = null;
        for (int mo = 1; mo <= 12; mo++) {
            YearMonth m = YearMonth.of(year, mo);
            Optional<ReferencePrices.Point> p = point(rp, ReferencePrices.CARBONATE_ANNUAL_USD, m);
            if (p.isEmpty()) {
                throw new IllegalArgumentException("the dataset has no reference carbonate price ("
                        + ReferencePrices.CARBONATE_ANNUAL_USD + ") at or before " + year
                        + "; give a price with --price-usd");
            }
            li.put(m, p.get().value());
            liUsed = p.get().period();
            Optional<ReferencePrices.Point> s = point(rp, SC6_SERIES, m);
            if (s.isPresent() && s.get().period().startsWith(Integer.toString(year))) {
                sp.put(m, s.get().value());
                spUsed = s.get().period();
            } else {
                sp.put(m, derivedSc6(c, p.get().value()));
            }
        }
        String nm = "reference prices " + year + " (carbonate " + liUsed + (spUsed == null
                ? ", SC6 derived from carbonate)" : ", SC6 " + spUsed + ")");
        return new GivenPricePath(nm, w, li, sp);
    }

    private static Optional<ReferencePrices.Point> point(ReferencePrices rp, String series, YearMonth m) {
        ReferencePrices.Point monthly = rp.series(series).get(m.toString());
        if (monthly != null) {
            return Optional.of(monthly);
        }
        return rp.annualAtOrBefore(series, m.getYear());
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
            throw new IllegalArgumentException("price path '" + name + "' has no carbonate price for " + m);
        }
        return v;
    }

    @Override
    public double sc6UsdPerT(YearMonth m) {
        Double v = sc6.get(m);
        if (v == null) {
            throw new IllegalArgumentException("price path '" + name + "' has no SC6 price for " + m);
        }
        return v;
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
