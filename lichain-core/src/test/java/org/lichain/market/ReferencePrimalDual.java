package org.lichain.market;

import java.util.Arrays;

/**
 * The textbook form of the algorithm {@link SuccessiveShortestPathSolver} implements, kept in the tests as its
 * reference: successive shortest paths with Johnson potentials (a full Dijkstra by linear scan, distances capped at
 * the sink's), then a primal-dual phase that pushes along one augmenting path at a time, each found by a fresh
 * depth-first search from the source over every residual edge with zero reduced cost, in the order of a plain
 * adjacency list (arc a's edge 2a and its reverse 2a+1, then per node its edge from the source or to the sink).
 * <p>
 * Our solver scans fewer edges (it drops those that can never carry flow), lists the admissible edges lazily and
 * resumes each search where the previous push saturated an edge instead of starting afresh; none of this may change
 * which of several equal-cost flows it returns. Uses the same arithmetic and tolerances, so the two agree bit for
 * bit. Slow (quadratic Dijkstra, no caching): for tests only.
 */
final class ReferencePrimalDual implements FlowSolver {
    private static final double EPS = 1e-9;
    private static final double ZERO_REDUCED_COST = 1e-12;

    @Override
    public FlowSolution solve(FlowNetwork net) {
        int nodes = net.nodeCount();
        int arcs = net.arcCount();
        int n = nodes + 2;
        int s = nodes;
        int t = nodes + 1;
        int m = 2 * (arcs + nodes);
        int[] tail = new int[m];
        int[] to = new int[m];
        double[] cap = new double[m];
        double[] cost = new double[m];
        double need = 0;
        for (int a = 0; a < arcs; a++) {
            tail[2 * a] = net.from(a);
            to[2 * a] = net.to(a);
            tail[2 * a + 1] = net.to(a);
            to[2 * a + 1] = net.from(a);
            cap[2 * a] = net.capacity(a);
            cost[2 * a] = net.cost(a);
            cost[2 * a + 1] = -net.cost(a);
        }
        for (int v = 0; v < nodes; v++) {
            int e = 2 * (arcs + v);
            double b = net.supply(v);
            boolean source = b >= 0;
            tail[e] = source ? s : v;
            to[e] = source ? v : t;
            tail[e + 1] = to[e];
            to[e + 1] = tail[e];
            cap[e] = Math.abs(b);
            if (b > 0) {
                need += b;
            }
        }
        int[][] out = new int[n][];
        int[] deg = new int[n];
        for (int e = 0; e < m; e++) {
            deg[tail[e]]++;
        }
        for (int v = 0; v < n; v++) {
            out[v] = new int[deg[v]];
            deg[v] = 0;
        }
        for (int e = 0; e < m; e++) {
            out[tail[e]][deg[tail[e]]++] = e;
        }
        double[] pot = new double[n];
        double sent = 0;
        double tol = 1e-9 * Math.max(1.0, need);
        while (need - sent > tol) {
            double[] dist = dijkstra(n, s, t, out, to, cap, cost, pot);
            if (dist[t] == Double.POSITIVE_INFINITY) {
                throw new InfeasibleFlowException("infeasible");
            }
            for (int v = 0; v < n; v++) {
                pot[v] += dist[v]; // every distance is finite: capped at the sink's (dijkstra)
            }
            double phase = 0;
            while (need - sent - phase > tol) {
                double pushed = onePath(n, s, t, out, to, cap, cost, pot, need - sent - phase);
                if (pushed <= 0) {
                    break;
                }
                phase += pushed;
            }
            if (phase <= 0) {
                throw new IllegalStateException("no admissible path after a shortest-path step (not expected)");
            }
            sent += phase;
        }
        double[] flow = new double[arcs];
        double total = 0;
        for (int a = 0; a < arcs; a++) {
            flow[a] = cap[2 * a + 1];
            total += flow[a] * net.cost(a);
        }
        double[] potential = new double[nodes];
        for (int v = 0; v < nodes; v++) {
            potential[v] = pot[v] - pot[s];
        }
        return new FlowSolution(flow, total, potential);
    }

    /** Dijkstra on reduced costs by linear scan (clamped at zero), every node, then capped at the sink's distance. */
    private static double[] dijkstra(int n, int s, int t, int[][] out, int[] to, double[] cap, double[] cost,
                                     double[] pot) {
        double[] dist = new double[n];
        boolean[] done = new boolean[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[s] = 0;
        while (true) {
            int u = -1;
            for (int v = 0; v < n; v++) {
                if (!done[v] && dist[v] < Double.POSITIVE_INFINITY && (u < 0 || dist[v] < dist[u])) {
                    u = v;
                }
            }
            if (u < 0) {
                break;
            }
            done[u] = true;
            for (int e : out[u]) {
                int v = to[e];
                if (cap[e] <= EPS || done[v]) {
                    continue;
                }
                double rc = Math.max(0, cost[e] + pot[u] - pot[v]);
                if (dist[u] + rc < dist[v]) {
                    dist[v] = dist[u] + rc;
                }
            }
        }
        for (int v = 0; v < n; v++) {
            dist[v] = Math.min(dist[v], dist[t]);
        }
        return dist;
    }

    /** One augmenting path by a fresh depth-first search over the admissible edges; returns the amount pushed. */
    private static double onePath(int n, int s, int t, int[][] out, int[] to, double[] cap, double[] cost,
                                  double[] pot, double limit) {
        boolean[] visited = new boolean[n];
        int[] stackNode = new int[n + 1];
        int[] stackEdge = new int[n + 1];
        int[] next = new int[n];
        int depth = 0;
        stackNode[0] = s;
        visited[s] = true;
        while (depth >= 0) {
            int u = stackNode[depth];
            if (u == t) {
                double push = limit;
                for (int k = 0; k < depth; k++) {
                    push = Math.min(push, cap[stackEdge[k]]);
                }
                for (int k = 0; k < depth; k++) {
                    cap[stackEdge[k]] -= push;
                    cap[stackEdge[k] ^ 1] += push;
                }
                return push;
            }
            boolean advanced = false;
            double tol = ZERO_REDUCED_COST * (1.0 + Math.abs(pot[u]));
            while (next[u] < out[u].length) {
                int e = out[u][next[u]++];
                int v = to[e];
                if (visited[v] || cap[e] <= EPS || Math.abs(cost[e] + pot[u] - pot[v]) > tol) {
                    continue;
                }
                visited[v] = true;
                stackEdge[depth] = e;
                stackNode[++depth] = v;
                next[v] = 0;
                advanced = true;
                break;
            }
            if (!advanced) {
                depth--;
            }
        }
        return 0;
    }
}
