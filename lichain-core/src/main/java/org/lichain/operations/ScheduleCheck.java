package org.lichain.operations;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks an hourly schedule against a plant's constraints in plain Java, independently of the solver:
 * used to test solver output and to decide whether the flat schedule is feasible. Each check is named as in
 * {@link InfeasibleScheduleException#constraint()}.
 */
public final class ScheduleCheck {
    private ScheduleCheck() {
    }

    /** Tolerance for a quantity of size {@code scale}: solvers meet constraints to about 1e-7 relative. */
    static double tol(double scale) {
        return 1e-6 * Math.max(1.0, Math.abs(scale));
    }

    /**
     * The least rate of a running stage as the scheduler uses it: a stage that may stop runs at no less than
     * 0.1 % of its max rate, so that "running" (no restart) and "producing" are the same thing.
     */
    public static double effectiveMin(Stage st) {
        return st.mayStop() ? Math.max(st.minStableTLcePerH(), 1e-3 * st.maxRateTLcePerH()) : st.minStableTLcePerH();
    }

    /** Which hours each stage is down for maintenance ({@code [stage][hour]}). */
    public static boolean[][] downHours(PlantModel plant, HourlyTariff tariff) {
        int n = plant.stages().size();
        int hours = tariff.hours();
        boolean[][] down = new boolean[n][hours];
        for (MaintenanceWindow w : plant.maintenance()) {
            int s = plant.stageIndex(w.stageId());
            long from = java.time.Duration.between(tariff.start(), w.start()).toHours();
            for (long h = Math.max(0, from); h < Math.min(hours, from + w.hours()); h++) {
                down[s][(int) h] = true;
            }
        }
        return down;
    }

    /** The target of each period of the horizon (the last, shorter period pro rata), t LCE. */
    public static double[] periodTargets(OutputTarget target, int hours) {
        int p = target.periodHours();
        int n = (hours + p - 1) / p;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int len = Math.min(p, hours - i * p);
            out[i] = target.tLcePerPeriod() * len / p;
        }
        return out;
    }

    /** Buffer levels at the end of each hour implied by the rates ({@code [buffer][hour]}). */
    public static double[][] levels(PlantModel plant, double[][] rate) {
        int nb = plant.buffers().size();
        int hours = rate[0].length;
        double[][] lv = new double[nb][hours];
        for (int b = 0; b < nb; b++) {
            double l = plant.buffers().get(b).startLevelTLce();
            for (int t = 0; t < hours; t++) {
                l += rate[b][t] - rate[b + 1][t];
                lv[b][t] = l;
            }
        }
        return lv;
    }

    /**
     * Every violated constraint, as "constraint: detail" lines; empty when the schedule is feasible.
     *
     * @param initialRate rate of each stage in the hour before the horizon (for the first ramp)
     */
    public static List<String> violations(PlantModel plant, HourlyTariff tariff, double[][] rate,
                                          double[] initialRate) {
        List<String> out = new ArrayList<>();
        int n = plant.stages().size();
        int hours = tariff.hours();
        boolean[][] down = downHours(plant, tariff);
        for (int s = 0; s < n; s++) {
            Stage st = plant.stages().get(s);
            double jump = Math.max(st.rampTLcePerH(), effectiveMin(st));
            double prev = initialRate[s];
            boolean prevOn = initialRate[s] > tol(st.maxRateTLcePerH());
            for (int t = 0; t < hours; t++) {
                double x = rate[s][t];
                double tl = tol(st.maxRateTLcePerH());
                boolean on = x > tl;
                if (x < -tl || x > st.maxRateTLcePerH() + tl) {
                    out.add("max rate of stage " + st.id() + ": hour " + t + " rate " + x);
                }
                if (down[s][t] && on) {
                    out.add("maintenance of stage " + st.id() + ": runs in hour " + t);
                }
                if (!down[s][t] && !st.mayStop() && x < st.minStableTLcePerH() - tl) {
                    out.add("minimum stable load of stage " + st.id() + ": hour " + t + " rate " + x);
                }
                if (st.mayStop() && on && x < st.minStableTLcePerH() - tl) {
                    out.add("minimum stable load of stage " + st.id() + ": hour " + t + " rate " + x);
                }
                double up = prevOn ? st.rampTLcePerH() : jump;
                double dn = on ? st.rampTLcePerH() : jump;
                if (x - prev > up + tl || prev - x > dn + tl) {
                    out.add("ramp limit of stage " + st.id() + ": hour " + t + " from " + prev + " to " + x);
                }
                prev = x;
                prevOn = on;
            }
        }
        double[][] lv = levels(plant, rate);
        for (int b = 0; b < lv.length; b++) {
            Buffer bf = plant.buffers().get(b);
            double tl = tol(bf.capacityTLce());
            for (int t = 0; t < hours; t++) {
                if (lv[b][t] < -tl) {
                    out.add("buffer " + bf.id() + " empty: hour " + t + " level " + lv[b][t]);
                    break;
                }
                if (lv[b][t] > bf.capacityTLce() + tl) {
                    out.add("buffer " + bf.id() + " capacity: hour " + t + " level " + lv[b][t]);
                    break;
                }
            }
            if (hours > 0 && lv[b][hours - 1] < bf.startLevelTLce() - tl) {
                out.add("buffer " + bf.id() + " end level: ends at " + lv[b][hours - 1] + " below its start "
                        + bf.startLevelTLce());
            }
        }
        double[] targets = periodTargets(plant.target(), hours);
        int last = n - 1;
        for (int p = 0; p < targets.length; p++) {
            double made = 0;
            for (int t = p * plant.target().periodHours(); t < Math.min(hours, (p + 1) * plant.target().periodHours());
                 t++) {
                made += rate[last][t];
            }
            if (made < targets[p] - tol(targets[p])) {
                out.add("output target: " + plant.target().periodName() + " " + (p + 1) + " makes " + made
                        + " t LCE of " + targets[p]);
            }
        }
        return out;
    }
}
