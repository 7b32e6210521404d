package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A time-of-use electricity tariff: a flat (shoulder) energy price in CNY/kWh and the windows where a
 * multiple of it applies, by month, with holidays on which holiday-only windows apply as well.
 * Minutes not covered by any window are flat (multiplier 1).
 */
public record Tariff(String id, String region, double flatCnyPerKwh, String flatSource, List<TariffRule> rules,
                     List<Holiday> holidays) {

    /** Holiday dates from {@code from} to {@code to}, both inclusive. */
    public record Holiday(LocalDate from, LocalDate to, String source) {
        public boolean contains(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }

    public Tariff {
        rules = List.copyOf(rules);
        holidays = List.copyOf(holidays);
        if (!(flatCnyPerKwh > 0)) {
            throw new InvalidInputException("tariff " + id + ": flat price must be positive");
        }
    }

    /** A tariff without time-of-use windows (every hour flat). */
    public static Tariff flat(String id, String region, double cnyPerKwh, String source) {
        return new Tariff(id, region, cnyPerKwh, source, List.of(), List.of());
    }

    public boolean holiday(LocalDate d) {
        for (Holiday h : holidays) {
            if (h.contains(d)) {
                return true;
            }
        }
        return false;
    }

    /** The band and multiplier in force at one minute of a day. */
    private TariffRule ruleAt(int month, boolean holiday, int minute) {
        TariffRule best = null;
        for (TariffRule r : rules) {
            if (r.appliesIn(month) && (r.dayType() == TariffRule.DayType.ALL || holiday) && r.covers(minute)
                    && (best == null || r.band().priority() > best.band().priority())) {
                best = r;
            }
        }
        return best;
    }

    /** Hourly prices for a whole month. */
    public HourlyTariff hourly(YearMonth month) {
        return hourly(month.atDay(1).atStartOfDay(), month.lengthOfMonth() * 24);
    }

    /**
     * Hourly prices from {@code start} for {@code hours} hours. An hour whose minutes fall in several bands
     * (Jiangxi's 11:30 valley start) gets the minute-weighted mean price and valley share; its band is the
     * one covering most of its minutes.
     */
    public HourlyTariff hourly(LocalDateTime start, int hours) {
        double[] price = new double[hours];
        double[] valley = new double[hours];
        Band[] band = new Band[hours];
        int[] minutesIn = new int[Band.values().length];
        for (int h = 0; h < hours; h++) {
            LocalDateTime t = start.plusHours(h);
            boolean hol = holiday(t.toLocalDate());
            int month = t.getMonthValue();
            int base = t.getHour() * 60;
            double mult = 0;
            int valleyMinutes = 0;
            java.util.Arrays.fill(minutesIn, 0);
            for (int m = 0; m < 60; m++) {
                TariffRule r = ruleAt(month, hol, base + m);
                Band b = r == null ? Band.FLAT : r.band();
                mult += r == null ? 1.0 : r.multiplier();
                minutesIn[b.ordinal()]++;
                if (b.valley()) {
                    valleyMinutes++;
                }
            }
            price[h] = flatCnyPerKwh * mult / 60.0;
            valley[h] = valleyMinutes / 60.0;
            Band dominant = Band.FLAT;
            for (Band b : Band.values()) {
                if (minutesIn[b.ordinal()] > minutesIn[dominant.ordinal()]) {
                    dominant = b;
                }
            }
            band[h] = dominant;
        }
        return new HourlyTariff(id, start, price, valley, band);
    }
}
