package org.lichain.operations;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimum-power-cost hourly schedule of a plant under a time-of-use tariff (OR-Tools: CLP for the LP steps; SCIP
 * with the on/off and restart binaries when they do not reach the gap).
 *
 * <p>Model, per stage s and hour t: rate {@code x[s,t]} in t LCE-eq/h; for stages that may stop, on/off
 * {@code u[s,t]} and start {@code v[s,t] >= u[s,t] - u[s,t-1]}. Constraints, one named family each:
 * <ul>
 *   <li>max rate / maintenance: {@code x <= max·u}, {@code x = 0} in maintenance hours;</li>
 *   <li>minimum stable load: {@code x >= min·u} (u = 1 for stages that may not stop, outside maintenance);</li>
 *   <li>ramp limit: {@code |x[t] - x[t-1]| <= R} while running; a start may jump to {@code J = max(R, min)} and
 *       a stop may drop from J: {@code x[t]-x[t-1] <= R + (J-R)(1-u[t-1])}, {@code x[t-1]-x[t] <= R + (J-R)(1-u[t])};</li>
 *   <li>buffer capacity / buffer empty: {@code 0 <= L[b,t] = L[b,t-1] + x[b,t] - x[b+1,t] <= cap};</li>
 *   <li>buffer end level: {@code L[b,T-1] >= L[b,-1]};</li>
 *   <li>output target: the last stage's output in each day or week period is at least the target.</li>
 * </ul>
 * Objective: {@code sum price[t]·kWh[s]·x[s,t] + restartCost[s]·v[s,t]}. Before the horizon every stage ran at its
 * flat rate. The best schedule of the LP steps (or the flat one) is given to the MIP as a starting solution (SCIP
 * uses it; CBC through OR-Tools ignores it); the flat schedule is returned instead if the solver stops with a
 * worse one, so a schedule never costs more than a feasible flat schedule.
 *
 * <p>Deterministic: no step depends on wall-clock time (see {@link Options}); SCIP runs single-threaded and stops
 * at the gap or at its node limit, so the same inputs give the same schedule on any machine and thread count.
 */
public final class Scheduler {
    /**
     * Options: the relative MIP gap at which the MIP solver may stop, the MIP solver, a deterministic limit on the
     * MIP's branch-and-bound nodes (SCIP's {@code limits/nodes}; CBC through OR-Tools takes no such limit), and an
     * optional wall-clock limit per solver call. The default has no time limit ({@code timeLimitMillis = 0}): the
     * MIP stops at the gap or at the node limit, both independent of the machine's speed and load, so the same
     * inputs give the same schedule everywhere. A positive time limit (Java API only) makes a MIP that stops at it
     * return what it had found by then, which does depend on the machine.
     */
    public record Options(long timeLimitMillis, double relativeMipGap, String mipSolver, boolean alwaysMip,
                          long mipNodeLimit) {
        public static final Options DEFAULT = new Options(0, 1e-4, "SCIP", false, 2000);

        /** The same options, but solving the full MIP even when the LP steps already reach the gap (cross-checks). */
        public Options fullMip() {
            return new Options(timeLimitMillis, relativeMipGap, mipSolver, true, mipNodeLimit);
        }
    }

    private static final double SLACK_PENALTY_CNY = 1e7;

    /**
     * {@code -Dlichain.scheduler.trace=true} prints one line per solve to stderr: the time spent in the LP
     * relaxation, relax-and-fix and the MIP, and how the MIP ended (a profiling aid; results are unchanged).
     */
    private static final boolean TRACE = Boolean.getBoolean("lichain.scheduler.trace");

    private Scheduler() {
    }

    static {
        Loader.loadNativeLibraries();
    }

    public static Schedule solve(PlantModel plant, HourlyTariff tariff) {
        return solve(plant, tariff, Options.DEFAULT);
    }

    /**
     * The cheapest schedule meeting every constraint.
     *
     * @throws InfeasibleScheduleException naming the constraint that cannot be met
     */
    public static Schedule solve(PlantModel plant, HourlyTariff tariff, Options options) {
        int n = plant.stages().size();
        int hours = tariff.hours();
        if (hours == 0) {
            throw new IllegalArgumentException("empty horizon");
        }
        boolean[][] down = ScheduleCheck.downHours(plant, tariff);
        double[][] flat = flatRates(plant, down);
        double[] init = new double[n];
        for (int s = 0; s < n; s++) {
            init[s] = Math.min(flatRate(plant, down, s), plant.stages().get(s).maxRateTLcePerH());
        }
        boolean flatFeasible = ScheduleCheck.violations(plant, tariff, flat, init).isEmpty();
        double flatCost = energyCost(plant, tariff, flat);

        if (constant(tariff.priceCnyPerKwh()) && flatFeasible) {
            // under one price every feasible schedule uses at least the flat schedule's kWh: flat is optimal
            return result(plant, tariff, flat, flat, init, 0, flatCost, true, "flat (one price)", true);
        }
        boolean anyStop = plant.stages().stream().anyMatch(Stage::mayStop);
        // 1. LP relaxation (on/off continuous): a lower bound, and often already a valid schedule
        long t0 = System.nanoTime();
        long tLp = 0;
        long tFix = 0;
        long tMip = 0;
        String mipStatus = "-";
        Model relax = build(plant, tariff, down, init, false, false, null, options);
        double lowerBound;
        double[][] best = null;
        double bestCost = Double.MAX_VALUE;
        String how = anyStop ? "CLP (LP relaxation)" : "CLP";
        boolean mipOptimal = false;
        double accept;
        try {
            MPSolver.ResultStatus status = relax.solver.solve(relax.params);
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                throw diagnose(plant, tariff, down, init, options);
            }
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("LP solver stopped with status " + status + " for plant " + plant.id());
            }
            lowerBound = relax.solver.objective().value();
            tLp = System.nanoTime() - t0;
            accept = lowerBound + options.relativeMipGap() * Math.abs(lowerBound) + 1e-6;
            double[][] x = relax.rates();
            if (ScheduleCheck.violations(plant, tariff, x, init).isEmpty()) {
                best = x;
                bestCost = totalCost(plant, tariff, x, init);
            }
            if (!options.alwaysMip() && anyStop && (best == null || bestCost > accept)) {
                // 2. relax and fix: each stage that may stop stays on where the relaxation ran it; the same LP
                // is re-solved with the on/off fixed (warm start from the relaxation's basis)
                for (int s = 0; s < n; s++) {
                    if (relax.u[s] == null) {
                        continue;
                    }
                    double tl = ScheduleCheck.tol(plant.stages().get(s).maxRateTLcePerH());
                    for (int t = 0; t < hours; t++) {
                        double v = !down[s][t] && x[s][t] > tl ? 1.0 : 0.0;
                        relax.u[s][t].setBounds(v, v);
                    }
                }
                long t1 = System.nanoTime();
                status = relax.solver.solve(relax.params);
                tFix = System.nanoTime() - t1;
                if (status == MPSolver.ResultStatus.OPTIMAL) {
                    double[][] x2 = relax.rates();
                    double c = totalCost(plant, tariff, x2, init);
                    if (c < bestCost && ScheduleCheck.violations(plant, tariff, x2, init).isEmpty()) {
                        best = x2;
                        bestCost = c;
                        how = "CLP (relax and fix)";
                    }
                }
            }
        } finally {
            relax.solver.delete();
        }
        if (options.alwaysMip()) {
            best = null;
            bestCost = Double.MAX_VALUE;
        }
        if (best == null || bestCost > accept) {
            // 3. the full MIP, started from the best schedule so far (or the flat one)
            long t2 = System.nanoTime();
            Model m = build(plant, tariff, down, init, false, true, null, options);
            try {
                double[][] start0 = best != null ? best : flatFeasible ? flat : null; // a starting solution
                if (start0 != null) {
                    m.hint(plant, start0, init);
                }
                MPSolver.ResultStatus status = m.solver.solve(m.params);
                tMip = System.nanoTime() - t2;
                if (TRACE) { // only read by the trace line below
                    mipStatus = status + " best bound " + m.solver.objective().bestBound()
                            + " value " + m.solver.objective().value() + " nodes " + m.solver.nodes();
                }
                if (status == MPSolver.ResultStatus.INFEASIBLE) {
                    throw diagnose(plant, tariff, down, init, options);
                }
                if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
                    double[][] x = m.rates();
                    double c = totalCost(plant, tariff, x, init);
                    if (c < bestCost && ScheduleCheck.violations(plant, tariff, x, init).isEmpty()) {
                        best = x;
                        bestCost = c;
                        how = m.name + (status == MPSolver.ResultStatus.OPTIMAL ? ""
                                : options.timeLimitMillis() > 0 ? " (stopped at node or time limit)"
                                : " (stopped at node limit)");
                        mipOptimal = status == MPSolver.ResultStatus.OPTIMAL;
                    } else if (status == MPSolver.ResultStatus.OPTIMAL && best != null) {
                        // the MIP found nothing cheaper, but its bound may still prove the schedule we have
                        double bound = m.solver.objective().bestBound();
                        mipOptimal = bestCost <= bound + options.relativeMipGap() * Math.abs(bound) + 1e-6;
                    }
                }
            } finally {
                m.solver.delete();
            }
        }
        if (TRACE) {
            System.err.printf(java.util.Locale.ROOT, "scheduler-trace plant=%s hours=%d lp_ms=%d fix_ms=%d "
                            + "mip_ms=%d total_ms=%d lower_bound=%.2f best=%.2f accept=%.2f how=%s mip=%s%n",
                    plant.id(), hours, tLp / 1_000_000, tFix / 1_000_000, tMip / 1_000_000,
                    (System.nanoTime() - t0) / 1_000_000, lowerBound, bestCost, accept, how, mipStatus);
        }
        if (best == null && !flatFeasible) {
            throw new IllegalStateException("no schedule found for plant " + plant.id());
        }
        if (best == null || (flatFeasible && bestCost > flatCost)) {
            return result(plant, tariff, flat, flat, init, 0, flatCost, flatFeasible, how + ", flat kept", false);
        }
        double restart = bestCost - energyCost(plant, tariff, best);
        return result(plant, tariff, best, flat, init, restart, flatCost, flatFeasible, how,
                bestCost <= accept || mipOptimal);
    }

    private static boolean constant(double[] a) {
        for (double v : a) {
            if (v != a[0]) {
                return false;
            }
        }
        return true;
    }

    /** Energy cost plus restart costs of a schedule. */
    static double totalCost(PlantModel plant, HourlyTariff tariff, double[][] x, double[] init) {
        int[] starts = countStarts(plant, x, init);
        double c = energyCost(plant, tariff, x);
        for (int s = 0; s < starts.length; s++) {
            c += starts[s] * plant.stages().get(s).restartCostCny();
        }
        return c;
    }

    private static Schedule result(PlantModel plant, HourlyTariff tariff, double[][] x, double[][] flat,
                                   double[] init, double restartCost, double flatCost, boolean flatFeasible,
                                   String solver, boolean optimal) {
        int n = plant.stages().size();
        int[] starts = countStarts(plant, x, init);
        double output = 0;
        for (double r : x[n - 1]) {
            output += r;
        }
        return new Schedule(plant, tariff, x, ScheduleCheck.levels(plant, x), flat, ScheduleCheck.levels(plant, flat),
                energyCost(plant, tariff, x), restartCost, starts, flatCost, flatFeasible, output, solver, optimal);
    }

    /** The constant rate of a stage in the flat schedule: the horizon's target over its available hours. */
    static double flatRate(PlantModel plant, boolean[][] down, int s) {
        int hours = down[s].length;
        double total = 0;
        for (double t : ScheduleCheck.periodTargets(plant.target(), hours)) {
            total += t;
        }
        int avail = 0;
        for (int t = 0; t < hours; t++) {
            if (!down[s][t]) {
                avail++;
            }
        }
        return avail == 0 ? 0 : total / avail;
    }

    /** The flat schedule: every stage at its flat rate whenever it is not in maintenance. */
    static double[][] flatRates(PlantModel plant, boolean[][] down) {
        int n = plant.stages().size();
        int hours = down[0].length;
        double[][] x = new double[n][hours];
        for (int s = 0; s < n; s++) {
            double r = flatRate(plant, down, s);
            for (int t = 0; t < hours; t++) {
                x[s][t] = down[s][t] ? 0 : r;
            }
        }
        return x;
    }

    static double energyCost(PlantModel plant, HourlyTariff tariff, double[][] x) {
        double c = 0;
        double[] price = tariff.priceCnyPerKwh();
        for (int s = 0; s < x.length; s++) {
            double k = plant.stages().get(s).kwhPerTLce();
            for (int t = 0; t < price.length; t++) {
                c += price[t] * k * x[s][t];
            }
        }
        return c;
    }

    /**
     * Restarts per stage that may stop: hours running after an hour not running (the hour before the horizon ran
     * at init). A stage that may not stop has none: at zero rate it idles (or is in maintenance).
     */
    static int[] countStarts(PlantModel plant, double[][] x, double[] init) {
        int[] out = new int[x.length];
        for (int s = 0; s < x.length; s++) {
            if (!plant.stages().get(s).mayStop()) {
                continue;
            }
            double tl = ScheduleCheck.tol(plant.stages().get(s).maxRateTLcePerH());
            boolean prev = init[s] > tl;
            for (double r : x[s]) {
                boolean on = r > tl;
                if (on && !prev) {
                    out[s]++;
                }
                prev = on;
            }
        }
        return out;
    }

    /** Re-solves with every soft constraint given a penalised slack and names the one that had to give. */
    private static InfeasibleScheduleException diagnose(PlantModel plant, HourlyTariff tariff, boolean[][] down,
                                                        double[] init, Options options) {
        InfeasibleScheduleException e = diagnose(plant, tariff, down, init, options, false);
        return e.constraint().equals("unknown") ? diagnose(plant, tariff, down, init, options, true) : e;
    }

    private static InfeasibleScheduleException diagnose(PlantModel plant, HourlyTariff tariff, boolean[][] down,
                                                        double[] init, Options options, boolean integer) {
        Model m = build(plant, tariff, down, init, true, integer, null, options);
        try {
            MPSolver.ResultStatus status = m.solver.solve(m.params);
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new InfeasibleScheduleException("unknown", "no schedule of plant " + plant.id()
                        + " meets all constraints (diagnosis stopped with status " + status + ")");
            }
            // the earliest violated constraint is the cause; later ones follow from it
            Slack first = null;
            java.util.Map<String, Double> total = new java.util.LinkedHashMap<>();
            for (Slack sl : m.slacks) {
                double v = sl.var.solutionValue();
                if (v > 1e-6) {
                    total.merge(sl.constraint, v, Double::sum);
                    if (first == null || sl.hour < first.hour
                            || (sl.hour == first.hour && v > first.var.solutionValue())) {
                        first = sl;
                    }
                }
            }
            if (first == null) {
                return new InfeasibleScheduleException("unknown", "no schedule of plant " + plant.id()
                        + " meets all constraints");
            }
            StringBuilder msg = new StringBuilder("infeasible schedule for plant " + plant.id() + ": "
                    + first.constraint + " cannot be met (" + first.where + ", short by "
                    + String.format(java.util.Locale.ROOT, "%.3f", total.get(first.constraint)) + " t LCE)");
            total.remove(first.constraint);
            if (!total.isEmpty()) {
                msg.append("; as a consequence also: ").append(String.join(", ", total.keySet()));
            }
            return new InfeasibleScheduleException(first.constraint, msg.toString());
        } finally {
            m.solver.delete();
        }
    }

    private record Slack(String constraint, String where, int hour, MPVariable var) {
    }

    /** The OR-Tools model and handles to its variables. */
    private static final class Model {
        MPSolver solver;
        MPSolverParameters params;
        String name;
        boolean mip;
        MPVariable[][] x;
        MPVariable[][] u;
        MPVariable[][] v;
        MPVariable[][] level;
        final List<Slack> slacks = new ArrayList<>();
        int hours;

        double[][] rates() {
            double[][] out = new double[x.length][x[0].length];
            for (int s = 0; s < x.length; s++) {
                double max = 0;
                for (int t = 0; t < x[s].length; t++) {
                    max = Math.max(max, x[s][t].ub());
                }
                for (int t = 0; t < x[s].length; t++) {
                    double r = x[s][t].solutionValue();
                    // clean solver noise: tiny negatives and near-zero rates of a stopped stage
                    out[s][t] = r < 1e-9 * Math.max(1, max) ? 0.0 : r;
                }
            }
            return out;
        }

        void hint(PlantModel plant, double[][] flat, double[] init) {
            List<MPVariable> vars = new ArrayList<>();
            List<Double> vals = new ArrayList<>();
            for (int s = 0; s < x.length; s++) {
                for (int t = 0; t < x[s].length; t++) {
                    vars.add(x[s][t]);
                    vals.add(flat[s][t]);
                    if (u[s] != null) {
                        vars.add(u[s][t]);
                        vals.add(flat[s][t] > 0 ? 1.0 : 0.0);
                    }
                    if (v[s] != null) {
                        boolean on = flat[s][t] > 0;
                        boolean prev = t == 0 ? init[s] > 0 : flat[s][t - 1] > 0;
                        vars.add(v[s][t]);
                        vals.add(on && !prev ? 1.0 : 0.0);
                    }
                }
            }
            double[][] lv = ScheduleCheck.levels(plant, flat);
            for (int b = 0; b < level.length; b++) {
                for (int t = 0; t < level[b].length; t++) {
                    vars.add(level[b][t]);
                    vals.add(lv[b][t]);
                }
            }
            double[] a = new double[vals.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = vals.get(i);
            }
            solver.setHint(vars.toArray(new MPVariable[0]), a);
        }
    }

    /**
     * @param integer  on/off as binaries (MIP) or relaxed to [0, 1] (LP)
     * @param fixedOn  when not null, on/off fixed to these values (an LP)
     */
    private static Model build(PlantModel plant, HourlyTariff tariff, boolean[][] down, double[] init,
                               boolean elastic, boolean integer, boolean[][] fixedOn, Options options) {
        int n = plant.stages().size();
        int hours = tariff.hours();
        Model m = new Model();
        m.hours = hours;
        boolean anyStop = plant.stages().stream().anyMatch(Stage::mayStop);
        m.mip = anyStop && integer && fixedOn == null;
        m.name = m.mip ? options.mipSolver() : "CLP";
        m.solver = MPSolver.createSolver(m.name);
        if (m.solver == null) {
            throw new IllegalStateException("OR-Tools solver " + m.name + " is not available");
        }
        if (options.timeLimitMillis() > 0) {
            m.solver.setTimeLimit(options.timeLimitMillis());
        }
        m.params = new MPSolverParameters();
        if (m.mip) {
            m.params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.relativeMipGap());
            if (options.mipNodeLimit() > 0 && m.name.equals("SCIP")
                    && !m.solver.setSolverSpecificParametersAsString("limits/nodes = " + options.mipNodeLimit())) {
                throw new IllegalStateException("SCIP refused the node limit " + options.mipNodeLimit());
            }
        }
        MPSolver solver = m.solver;
        MPObjective obj = solver.objective();
        double[] price = tariff.priceCnyPerKwh();
        m.x = new MPVariable[n][hours];
        m.u = new MPVariable[n][];
        m.v = new MPVariable[n][];
        for (int s = 0; s < n; s++) {
            Stage st = plant.stages().get(s);
            double max = st.maxRateTLcePerH();
            double min = ScheduleCheck.effectiveMin(st);
            double ramp = st.rampTLcePerH();
            double jump = Math.max(ramp, min);
            if (st.mayStop()) {
                m.u[s] = new MPVariable[hours];
                if (st.restartCostCny() > 0) {
                    m.v[s] = new MPVariable[hours];
                }
            }
            for (int t = 0; t < hours; t++) {
                MPVariable x = solver.makeNumVar(0.0, down[s][t] ? 0.0 : max, "");
                m.x[s][t] = x;
                obj.setCoefficient(x, price[t] * st.kwhPerTLce());
                if (st.mayStop()) {
                    double uub = down[s][t] ? 0.0 : 1.0;
                    double ulb = fixedOn != null && fixedOn[s][t] ? uub : 0.0;
                    if (fixedOn != null && !fixedOn[s][t]) {
                        uub = 0.0;
                    }
                    MPVariable u = m.mip ? solver.makeIntVar(ulb, uub, "") : solver.makeNumVar(ulb, uub, "");
                    m.u[s][t] = u;
                    MPConstraint cap = solver.makeConstraint(-MPSolver.infinity(), 0.0, "");
                    cap.setCoefficient(x, 1.0);
                    cap.setCoefficient(u, -max);
                    if (min > 0) {
                        MPConstraint lo = solver.makeConstraint(0.0, MPSolver.infinity(), "");
                        lo.setCoefficient(x, 1.0);
                        lo.setCoefficient(u, -min);
                    }
                    if (m.v[s] != null) {
                        MPVariable v = solver.makeNumVar(0.0, 1.0, ""); // integral because u is
                        m.v[s][t] = v;
                        obj.setCoefficient(v, st.restartCostCny());
                        MPConstraint c = solver.makeConstraint(t == 0 ? (init[s] > 0 ? -1.0 : 0.0) : 0.0,
                                MPSolver.infinity(), "");
                        c.setCoefficient(v, 1.0);
                        c.setCoefficient(u, -1.0);
                        if (t > 0) {
                            c.setCoefficient(m.u[s][t - 1], 1.0);
                        }
                    }
                } else if (!down[s][t] && min > 0) {
                    MPConstraint lo = solver.makeConstraint(min, MPSolver.infinity(), "");
                    lo.setCoefficient(x, 1.0);
                    if (elastic) {
                        lo.setCoefficient(slack(m, "minimum stable load of stage " + st.id(), "hour " + t, t), 1.0);
                    }
                }
                // ramps: x[t] - x[t-1] + (J-R)·on[t-1] <= J ; x[t-1] - x[t] + (J-R)·on[t] <= J
                if (jump >= max && ramp >= max) {
                    continue; // no ramp limit binds
                }
                MPConstraint up = solver.makeConstraint(-MPSolver.infinity(), jump, "");
                MPConstraint dn = solver.makeConstraint(-MPSolver.infinity(), jump, "");
                up.setCoefficient(x, 1.0);
                dn.setCoefficient(x, -1.0);
                if (t == 0) {
                    up.setBounds(-MPSolver.infinity(), jump + init[s] - (jump - ramp) * (init[s] > 0 ? 1 : 0));
                    dn.setBounds(-MPSolver.infinity(), jump - init[s]);
                } else {
                    up.setCoefficient(m.x[s][t - 1], -1.0);
                    dn.setCoefficient(m.x[s][t - 1], 1.0);
                    if (st.mayStop()) {
                        up.setCoefficient(m.u[s][t - 1], jump - ramp);
                    } else {
                        double prevOnConst = down[s][t - 1] ? 0 : 1;
                        up.setBounds(-MPSolver.infinity(), jump - (jump - ramp) * prevOnConst);
                    }
                }
                if (st.mayStop()) {
                    dn.setCoefficient(m.u[s][t], jump - ramp);
                } else {
                    double onNow = down[s][t] ? 0 : 1;
                    double ub = dn.ub() - (jump - ramp) * onNow;
                    dn.setBounds(-MPSolver.infinity(), ub);
                }
                if (elastic) {
                    up.setCoefficient(slack(m, "ramp limit of stage " + st.id(), "hour " + t, t), -1.0);
                    dn.setCoefficient(slack(m, "ramp limit of stage " + st.id(), "hour " + t, t), -1.0);
                }
            }
        }
        // buffers
        m.level = new MPVariable[n - 1][hours];
        for (int b = 0; b < n - 1; b++) {
            Buffer bf = plant.buffers().get(b);
            for (int t = 0; t < hours; t++) {
                MPVariable l = elastic ? solver.makeNumVar(-MPSolver.infinity(), MPSolver.infinity(), "")
                        : solver.makeNumVar(0.0, bf.capacityTLce(), "");
                m.level[b][t] = l;
                MPConstraint bal = solver.makeConstraint(t == 0 ? bf.startLevelTLce() : 0.0,
                        t == 0 ? bf.startLevelTLce() : 0.0, "");
                bal.setCoefficient(l, 1.0);
                if (t > 0) {
                    bal.setCoefficient(m.level[b][t - 1], -1.0);
                }
                bal.setCoefficient(m.x[b][t], -1.0);
                bal.setCoefficient(m.x[b + 1][t], 1.0);
                if (elastic) {
                    MPConstraint lo = solver.makeConstraint(0.0, MPSolver.infinity(), "");
                    lo.setCoefficient(l, 1.0);
                    lo.setCoefficient(slack(m, "buffer " + bf.id() + " empty", "hour " + t, t), 1.0);
                    MPConstraint hi = solver.makeConstraint(-MPSolver.infinity(), bf.capacityTLce(), "");
                    hi.setCoefficient(l, 1.0);
                    hi.setCoefficient(slack(m, "buffer " + bf.id() + " capacity", "hour " + t, t), -1.0);
                }
            }
            MPConstraint end = solver.makeConstraint(bf.startLevelTLce(), MPSolver.infinity(), "");
            end.setCoefficient(m.level[b][hours - 1], 1.0);
            if (elastic) {
                end.setCoefficient(slack(m, "buffer " + bf.id() + " end level", "last hour", hours - 1), 1.0);
            }
        }
        // output target per period
        double[] targets = ScheduleCheck.periodTargets(plant.target(), hours);
        int p = plant.target().periodHours();
        for (int i = 0; i < targets.length; i++) {
            MPConstraint c = solver.makeConstraint(targets[i], MPSolver.infinity(), "");
            for (int t = i * p; t < Math.min(hours, (i + 1) * p); t++) {
                c.setCoefficient(m.x[n - 1][t], 1.0);
            }
            if (elastic) {
                String where = plant.target().periodName() + " " + (i + 1) + " from "
                        + tariff.start().plusHours((long) i * p) + ", target "
                        + String.format(java.util.Locale.ROOT, "%.3f", targets[i]) + " t LCE";
                c.setCoefficient(slack(m, "output target", where, Math.min(hours, (i + 1) * p) - 1), 1.0);
            }
        }
        obj.setMinimization();
        return m;
    }

    private static MPVariable slack(Model m, String constraint, String where, int hour) {
        MPVariable sv = m.solver.makeNumVar(0.0, MPSolver.infinity(), "");
        // a slightly higher penalty for earlier hours puts each violation where it becomes unavoidable
        m.solver.objective().setCoefficient(sv, SLACK_PENALTY_CNY * (1.0 + 0.01 * (m.hours - hour) / m.hours));
        m.slacks.add(new Slack(constraint, where, hour, sv));
        return sv;
    }
}
