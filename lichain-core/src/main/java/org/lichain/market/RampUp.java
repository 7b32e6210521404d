package org.lichain.market;

/**
 * Ramp-up performance (a pure function; hand-computed tests in {@code MarketKernelsTest}): new capacity does not run
 * like a mature plant from its first month. Capacity added above an asset's previous highest level (a new plant or
 * an expansion) performs at {@code startShare} of a mature plant in its first month and learns linearly to full
 * performance over {@code rampMonths}; capacity restored after a suspension performs as it did before (the plant
 * has already learned). Used for the generic projects, which have no capacity events: the dataset's assets ramp in
 * their events' {@code ramp_months} (applying both would count a ramp twice).
 *
 * <p>Sources (reference/facts.md §10.6, reference/assets.csv): Kathleen Valley's first year from first concentrate
 * (FY25) was 37.9 kt LCE on a 64.3 kt nameplate (59%); Cauchari-Olaroz's second year (2024) ~63% of nameplate with its
 * capacity timeline at 93%; relative to this model's maximum utilisation of a mature plant (75%) these are 0.79 and
 * 0.90 of mature. Estimate: a start at 70% rising over 24 months gives 0.77 over the first year and 0.92 over the
 * second. Longer ramps exist (Rincon's planned 3 years, Olaroz ~7 years). Named simplification: one curve for every
 * resource type.
 */
public final class RampUp {
    private RampUp() {
    }

    /**
     * The performing share of nameplate by month for a capacity series (any unit per month or year; only its shape
     * matters). Capacity present in the first month of the series counts as mature; a month without capacity has
     * performance 1 (nothing to perform).
     *
     * @param capacity   capacity by month, oldest first
     * @param startShare performance of new capacity in its first month (0..1)
     * @param rampMonths months to full performance (≥ 1)
     */
    public static double[] performance(double[] capacity, double startShare, double rampMonths) {
        int n = capacity.length;
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        double highest = Math.max(0, capacity[0]);
        // young tranches: their first month and size (capacity above the earlier highest level)
        int[] trancheStart = new int[n];
        double[] trancheSize = new double[n];
        int first = 0;
        int count = 0;
        for (int t = 0; t < n; t++) {
            double c = Math.max(0, capacity[t]);
            if (c > highest) {
                trancheStart[count] = t;
                trancheSize[count] = c - highest;
                count++;
                highest = c;
            }
            while (first < count && t - trancheStart[first] >= rampMonths) {
                first++; // mature: performs fully from here on
            }
            if (highest <= 0) {
                out[t] = 1.0;
                continue;
            }
            double shortfall = 0;
            for (int k = first; k < count; k++) {
                double age = t - trancheStart[k];
                shortfall += trancheSize[k] * (1 - startShare) * (1 - age / rampMonths);
            }
            out[t] = 1.0 - shortfall / highest;
        }
        return out;
    }
}
