package org.lichain.scenario;

import org.lichain.dataset.InvalidInputException;
import java.util.Arrays;

/**
 * A multiplier path over years (e.g. demand relative to the preset): knots at given years, each with its own
 * distribution, all evaluated at one quantile per run (a run is a "p30 path" throughout; named
 * simplification: the knots are comonotonic). Between knots the multiplier is interpolated linearly in the
 * year (mid-year of each month); before the first and after the last knot it stays flat.
 * The value recorded in {@code runs.parquet} is the path quantile itself.
 */
public record Series(int[] years, Distribution[] knots) implements Uncertainty {
    public Series {
        if (years.length == 0 || years.length != knots.length) {
            throw new InvalidInputException("series: need at least one knot");
        }
        for (int i = 1; i < years.length; i++) {
            if (years[i] <= years[i - 1]) {
                throw new InvalidInputException("series: knot years must increase, got " + years[i - 1]
                        + " then " + years[i]);
            }
        }
        years = years.clone();
        knots = knots.clone();
    }

    @Override
    public double recordedValue(double u) {
        return u;
    }

    /** The knot values of the path at quantile {@code u}. */
    public double[] knotValues(double u) {
        double[] v = new double[knots.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = knots[i].quantile(u);
        }
        return v;
    }

    /** Multiplier at a fractional year (e.g. 2030.5 for mid-2030), given the knot values of one path. */
    public double at(double year, double[] knotValues) {
        if (year <= years[0]) {
            return knotValues[0];
        }
        int last = years.length - 1;
        if (year >= years[last]) {
            return knotValues[last];
        }
        int i = 1;
        while (years[i] < year) {
            i++;
        }
        double w = (year - years[i - 1]) / (years[i] - years[i - 1]);
        return knotValues[i - 1] + w * (knotValues[i] - knotValues[i - 1]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && Arrays.equals(years, s.years) && Arrays.equals(knots, s.knots);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(years) + Arrays.hashCode(knots);
    }

    @Override
    public String toString() {
        return "Series" + Arrays.toString(years) + Arrays.toString(knots);
    }
}
