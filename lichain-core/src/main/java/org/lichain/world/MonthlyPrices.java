package org.lichain.world;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The monthly price record ({@code prices_monthly.csv}): China battery-grade lithium carbonate spot (SMM), CNY per
 * t including VAT, one value per series, month and kind ({@code monthly_avg}: mean of the month's daily quotes;
 * {@code month_end}: the last quote of the month). It supplies the default price wherever a price is implied:
 * {@link #carbonateForYear} and {@link #carbonateForMonth} say which months they used and why.
 */
public final class MonthlyPrices {
    /** The carbonate series of the embedded record. */
    public static final String CARBONATE_SMM = "cn_li2co3_battery_smm";
    public static final String MONTHLY_AVG = "monthly_avg";
    public static final String MONTH_END = "month_end";

    /** One row of {@code prices_monthly.csv}. */
    public record Point(String series, YearMonth period, double value, String unit, String kind, String source) {
    }

    /**
     * A default price taken from the record: {@code cnyPerTInclVat} is the mean of the monthly averages of
     * {@code months} (one month when the year is incomplete or after the record); {@code basis} says which in words.
     */
    public record Quote(double cnyPerTInclVat, List<YearMonth> months, String basis, String source) {
    }

    private final List<Point> rows;
    private final Map<String, NavigableMap<YearMonth, Point>> byKey = new HashMap<>();

    public MonthlyPrices(List<Point> rows) {
        this.rows = List.copyOf(rows);
        for (Point p : rows) {
            byKey.computeIfAbsent(p.series() + "|" + p.kind(), k -> new TreeMap<>()).put(p.period(), p);
        }
    }

    /** An empty record (a dataset without {@code prices_monthly.csv}). */
    public static MonthlyPrices empty() {
        return new MonthlyPrices(List.of());
    }

    public List<Point> rows() {
        return rows;
    }

    /** The points of one series and kind, by month. */
    public NavigableMap<YearMonth, Point> series(String series, String kind) {
        return byKey.getOrDefault(series + "|" + kind, new TreeMap<>());
    }

    /** The monthly averages of the carbonate series. */
    public NavigableMap<YearMonth, Point> carbonateMonthly() {
        return series(CARBONATE_SMM, MONTHLY_AVG);
    }

    /** The last month of the carbonate record, if any. */
    public Optional<YearMonth> lastCarbonateMonth() {
        var s = carbonateMonthly();
        return s.isEmpty() ? Optional.empty() : Optional.of(s.lastKey());
    }

    /**
     * The default carbonate price of {@code year}: the mean of its 12 monthly averages when the record has the whole
     * year; the latest month's average when the year is incomplete in the record; the record's latest month when
     * the year is after the record (the latest known price, not a forecast). Empty when the year is before the
     * record.
     */
    public Optional<Quote> carbonateForYear(int year) {
        NavigableMap<YearMonth, Point> s = carbonateMonthly();
        if (s.isEmpty() || year < s.firstKey().getYear()) {
            return Optional.empty();
        }
        NavigableMap<YearMonth, Point> in = s.subMap(YearMonth.of(year, 1), true, YearMonth.of(year, 12), true);
        if (in.size() == 12) {
            double sum = 0;
            for (Point p : in.values()) {
                sum += p.value();
            }
            return Optional.of(new Quote(sum / 12.0, new ArrayList<>(in.keySet()), String.format(Locale.ROOT,
                    "%d average of 12 SMM monthly averages (%s..%s)", year, in.firstKey(), in.lastKey()),
                    withoutDailyCount(in.lastEntry().getValue().source())));
        }
        Point latest = in.isEmpty() ? s.lastEntry().getValue() : in.lastEntry().getValue();
        String why = in.isEmpty()
                ? String.format(Locale.ROOT, "latest known month %s (the record ends before %d; not a forecast)",
                latest.period(), year)
                : String.format(Locale.ROOT, "latest month %s (the record has %d of %d's 12 months)", latest.period(),
                in.size(), year);
        return Optional.of(new Quote(latest.value(), List.of(latest.period()), "SMM monthly average, " + why,
                latest.source()));
    }

    /** A row's source without its trailing "; mean of N daily values" (the same for every month). */
    public static String withoutDailyCount(String source) {
        int i = source.lastIndexOf("; mean of ");
        return i < 0 ? source : source.substring(0, i);
    }

    /** The month's average, or the record's latest month when {@code m} is after the record; empty before it. */
    public Optional<Quote> carbonateForMonth(YearMonth m) {
        NavigableMap<YearMonth, Point> s = carbonateMonthly();
        Map.Entry<YearMonth, Point> e = s.floorEntry(m);
        if (e == null || (!e.getKey().equals(m) && !e.getKey().equals(s.lastKey()))) {
            return Optional.empty(); // before the record, or a gap inside it
        }
        Point p = e.getValue();
        String basis = p.period().equals(m) ? "SMM monthly average " + m
                : "SMM monthly average, latest known month " + p.period() + " (the record ends before " + m
                + "; not a forecast)";
        return Optional.of(new Quote(p.value(), List.of(p.period()), basis, p.source()));
    }
}
