package org.lichain.market;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The reference solver: the flow problem as a linear program solved by OR-Tools GLOP (one variable per arc,
 * one conservation row per node). Slower than {@link SuccessiveShortestPathSolver} but independent of it.
 */
public final class GlopFlowSolver implements FlowSolver {
    private static volatile boolean loaded;

    private static void load() {
        if (!loaded) {
            synchronized (GlopFlowSolver.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    @Override
    public FlowSolution solve(FlowNetwork net) {
        load();
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            int arcs = net.arcCount();
            int nodes = net.nodeCount();
            MPVariable[] x = new MPVariable[arcs];
            MPObjective obj = solver.objective();
            for (int a = 0; a < arcs; a++) {
                double cap = net.capacity(a);
                x[a] = solver.makeNumVar(0.0, Double.isInfinite(cap) ? MPSolver.infinity() : cap, "x" + a);
                obj.setCoefficient(x[a], net.cost(a));
            }
            obj.setMinimization();
            MPConstraint[] rows = new MPConstraint[nodes];
            for (int v = 0; v < nodes; v++) {
                rows[v] = solver.makeConstraint(net.supply(v), net.supply(v), "n" + v);
            }
            for (int a = 0; a < arcs; a++) {
                rows[net.from(a)].setCoefficient(x[a], 1.0);
                rows[net.to(a)].setCoefficient(x[a], -1.0);
            }
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new InfeasibleFlowException("GLOP: " + status);
            }
            double[] flow = new double[arcs];
            double total = 0;
            for (int a = 0; a < arcs; a++) {
                flow[a] = x[a].solutionValue();
                total += flow[a] * net.cost(a);
            }
            double[] potential = new double[nodes];
            for (int v = 0; v < nodes; v++) {
                potential[v] = -rows[v].dualValue();
            }
            double base = potential.length > 0 ? potential[0] : 0;
            return new FlowSolution(flow, total, potential);
        } finally {
            solver.delete();
        }
    }
}
