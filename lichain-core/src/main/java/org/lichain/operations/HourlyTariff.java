package org.lichain.operations;

import java.time.LocalDateTime;

/**
 * A tariff laid out over the hours of a horizon: the price of each hour in CNY/kWh, the share of the hour
 * in valley or deep-valley time (0..1), and the band covering most of the hour (for charts).
 */
public record HourlyTariff(String tariffId, LocalDateTime start, double[] priceCnyPerKwh, double[] valleyShare,
                           Band[] band) {
    public HourlyTariff {
        if (priceCnyPerKwh.length != valleyShare.length || band.length != priceCnyPerKwh.length) {
            throw new IllegalArgumentException("hourly arrays differ in length");
        }
    }

    public int hours() {
        return priceCnyPerKwh.length;
    }

    /** A tariff from explicit hourly prices (tests, user code); valley = hours priced below {@code valleyBelow}. */
    public static HourlyTariff of(double[] priceCnyPerKwh, double valleyBelow) {
        int n = priceCnyPerKwh.length;
        double[] v = new double[n];
        Band[] b = new Band[n];
        for (int i = 0; i < n; i++) {
            boolean low = priceCnyPerKwh[i] < valleyBelow;
            v[i] = low ? 1.0 : 0.0;
            b[i] = low ? Band.VALLEY : Band.FLAT;
        }
        return new HourlyTariff("custom", LocalDateTime.of(2025, 1, 1, 0, 0), priceCnyPerKwh.clone(), v, b);
    }
}
