package org.lichain.market;

import java.util.Arrays;

/**
 * Our specialised min-cost flow solver for the small monthly trade network: successive shortest paths with
 * Johnson potentials and a binary-heap Dijkstra that stops at the sink.
 * All arc costs must be non-negative (they are freight, tariffs and penalties). Work arrays are kept between calls
 * on the same topology, so a month's solve allocates only the result arrays.
 * Not thread-safe: use one instance per thread.
 */
public final class SuccessiveShortestPathSolver implements FlowSolver {
    private static final double EPS = 1e-9;
    /** Relative tolerance under which a reduced cost counts as zero in the primal-dual phase. */
    private static final double ZERO_REDUCED_COST = 1e-12;

    private FlowNetwork cachedFor;
    private int cachedArcs;
    private int n;           // nodes including super source (n-2) and super sink (n-1)
    private int m;           // residual edges
    private int[] head;      // CSR start per node
    private int[] adj;       // residual edge ids ordered by tail
    private int[] aStart;    // per node: first of its admissible (zero reduced cost) edges in aAdj, this phase
    private int[] aEnd;      // per node: end of that range
    private int[] listedIn;  // per node: the phase in which its admissible edges were listed
    private int phaseId;     // current primal-dual phase (stamp for listedIn)
    private int aTop;        // next free slot of aAdj in this phase
    private int[] aAdj;      // the phase's admissible edge ids, per node in the order of adj
    private int sFirst;      // first of the source's admissible edges that may still have capacity in this phase
    private int[] visited;   // depth-first search: visitStamp marks the nodes visited in the current search
    private int visitStamp;
    private int[] eTo;
    private double[] eCap;
    private double[] eCost;
    private double[] dist;
    private double[] pot;
    private int[] prevEdge;
    private boolean[] done;
    private double[] heapKey = new double[64];
    private int[] heapNode = new int[64];
    private int heapSize;
    private int[] stackNode;
    private int[] stackEdge;
    private int[] iter;

    @Override
    public FlowSolution solve(FlowNetwork net) {
        prepare(net);
        int nodes = net.nodeCount();
        int arcs = net.arcCount();
        int s = nodes;
        int t = nodes + 1;
        double need = 0;
        double totalDemand = 0;
        for (int a = 0; a < arcs; a++) {
            double c = net.cost(a);
            if (!(c >= 0)) {
                throw new IllegalArgumentException("arc " + a + " has a negative or undefined cost " + c);
            }
            eCap[2 * a] = net.capacity(a);
            eCap[2 * a + 1] = 0;
            eCost[2 * a] = c;
            eCost[2 * a + 1] = -c;
        }
        for (int v = 0; v < nodes; v++) {
            double b = net.supply(v);
            int e = 2 * (arcs + v);
            eCap[e] = 0;
            eCap[e + 1] = 0;
            eCost[e] = 0;
            eCost[e + 1] = 0;
            if (b > 0) {
                eCap[e] = b; // s -> v
                need += b;
            } else if (b < 0) {
                eCap[e] = -b; // v -> t (see prepare: edge direction depends on the sign)
                totalDemand -= b;
            }
        }
        if (Math.abs(need - totalDemand) > 1e-6 * Math.max(1.0, need)) {
            throw new InfeasibleFlowException("supplies " + need + " and demands " + totalDemand + " differ");
        }
        Arrays.fill(pot, 0.0);
        double sent = 0;
        double tol = 1e-9 * Math.max(1.0, need);
        while (need - sent > tol) {
            dijkstra(s);
            if (dist[t] == Double.POSITIVE_INFINITY) {
                throw new InfeasibleFlowException("cannot route " + (need - sent) + " t LCE: capacities too small");
            }
            double maxDist = 0;
            for (int v = 0; v < n; v++) {
                if (dist[v] < Double.POSITIVE_INFINITY && dist[v] > maxDist) {
                    maxDist = dist[v];
                }
            }
            for (int v = 0; v < n; v++) {
                pot[v] += dist[v] < Double.POSITIVE_INFINITY ? dist[v] : maxDist;
            }
            // primal-dual phase: after the potential update every shortest path uses only zero-reduced-cost edges;
            // push flow along such paths (depth-first) until none is left, then run Dijkstra again
            admissibleEdges();
            double phase = 0;
            while (need - sent - phase > tol) {
                double pushed = augmentAdmissible(s, t, need - sent - phase);
                if (pushed <= 0) {
                    break;
                }
                phase += pushed;
            }
            if (phase <= 0) { // numerical safety: fall back to the Dijkstra path
                double push = need - sent;
                for (int v = t; v != s; ) {
                    int e = prevEdge[v];
                    push = Math.min(push, eCap[e]);
                    v = eTo[e ^ 1];
                }
                for (int v = t; v != s; ) {
                    int e = prevEdge[v];
                    eCap[e] -= push;
                    eCap[e ^ 1] += push;
                    v = eTo[e ^ 1];
                }
                phase = push;
            }
            sent += phase;
        }
        double[] flow = new double[arcs];
        double total = 0;
        for (int a = 0; a < arcs; a++) {
            double f = eCap[2 * a + 1];
            flow[a] = f;
            total += f * net.cost(a);
        }
        double[] potential = new double[nodes];
        for (int v = 0; v < nodes; v++) {
            potential[v] = pot[v] - pot[s];
        }
        return new FlowSolution(flow, total, potential);
    }

    /**
     * Dijkstra on reduced costs with a binary heap (lazy deletion), stopped once the sink is settled; the potential
     * update then uses min(dist, dist[sink]) for every node, which keeps all reduced costs non-negative.
     */
    private void dijkstra(int s) {
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(done, false);
        dist[s] = 0;
        heapSize = 0;
        push(0.0, s);
        int t = n - 1;
        while (heapSize > 0) {
            double best = heapKey[0];
            int u = heapNode[0];
            pop();
            if (done[u] || best > dist[u]) {
                continue;
            }
            done[u] = true;
            if (u == t) {
                break;
            }
            double pu = pot[u];
            for (int k = head[u]; k < head[u + 1]; k++) {
                int e = adj[k];
                if (eCap[e] <= EPS) {
                    continue;
                }
                int v = eTo[e];
                if (done[v]) {
                    continue;
                }
                double rc = eCost[e] + pu - pot[v];
                if (rc < 0) {
                    rc = 0; // rounding: reduced costs are non-negative in exact arithmetic
                }
                double nd = best + rc;
                if (nd < dist[v]) {
                    dist[v] = nd;
                    prevEdge[v] = e;
                    push(nd, v);
                }
            }
        }
        double cap = dist[t];
        if (cap < Double.POSITIVE_INFINITY) {
            for (int v = 0; v < n; v++) {
                if (dist[v] > cap) {
                    dist[v] = cap;
                }
            }
        }
    }

    /**
     * Starts a primal-dual phase. The edges with zero reduced cost under the phase's potentials are listed per tail
     * node, in the residual graph's order, the first time the search reaches the node in this phase (potentials do
     * not change within a phase; nodes the search never reaches are never listed). The depth-first search then only
     * checks residual capacity and visits, and finds the same paths as a search over all edges.
     */
    private void admissibleEdges() {
        phaseId++;
        if (phaseId == Integer.MAX_VALUE) {
            Arrays.fill(listedIn, 0);
            phaseId = 1;
        }
        aTop = 0;
    }

    /** The node's admissible edges for this phase, listed on first use (see {@link #admissibleEdges}). */
    private void list(int u) {
        if (listedIn[u] == phaseId) {
            return;
        }
        listedIn[u] = phaseId;
        int src = n - 2;
        int k2 = aTop;
        aStart[u] = k2;
        if (u != n - 1) { // the search stops at the sink: its edges are never followed
            double pu = pot[u];
            double tol = ZERO_REDUCED_COST * (1.0 + Math.abs(pu));
            for (int k = head[u]; k < head[u + 1]; k++) {
                int e = adj[k];
                int v = eTo[e];
                // the source is visited first in every search, so no path re-enters it; and no path enters the
                // source, so its own edges cannot regain capacity within the phase: drop those already saturated
                if (v == src || (u == src && eCap[e] <= EPS)) {
                    continue;
                }
                double rc = eCost[e] + pu - pot[v];
                if (Math.abs(rc) <= tol) {
                    aAdj[k2++] = e;
                }
            }
        }
        aEnd[u] = k2;
        aTop = k2;
        if (u == src) {
            sFirst = aStart[u];
        }
    }

    /** One augmenting path from s to t on edges with zero reduced cost (iterative DFS); returns the amount pushed. */
    private double augmentAdmissible(int s, int t, double limit) {
        int stamp = ++visitStamp;
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(visited, 0);
            visitStamp = stamp = 1;
        }
        list(s);
        // the source's saturated edges stay saturated for the rest of the phase: start after those in front
        while (sFirst < aEnd[s] && eCap[aAdj[sFirst]] <= EPS) {
            sFirst++;
        }
        int depth = 0;
        stackNode[0] = s;
        iter[s] = sFirst;
        visited[s] = stamp;
        while (depth >= 0) {
            int u = stackNode[depth];
            if (u == t) {
                double push = limit;
                for (int k = 0; k < depth; k++) {
                    push = Math.min(push, eCap[stackEdge[k]]);
                }
                for (int k = 0; k < depth; k++) {
                    int e = stackEdge[k];
                    eCap[e] -= push;
                    eCap[e ^ 1] += push;
                }
                return push;
            }
            boolean advanced = false;
            int end = aEnd[u];
            while (iter[u] < end) {
                int e = aAdj[iter[u]++];
                int v = eTo[e];
                if (visited[v] == stamp || eCap[e] <= EPS) {
                    continue;
                }
                visited[v] = stamp;
                stackEdge[depth] = e;
                stackNode[++depth] = v;
                list(v);
                iter[v] = aStart[v];
                advanced = true;
                break;
            }
            if (!advanced) {
                depth--;
            }
        }
        return 0;
    }

    private void push(double key, int node) {
        if (heapSize == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, heapSize * 2);
            heapNode = Arrays.copyOf(heapNode, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapKey[parent] <= key) {
                break;
            }
            heapKey[i] = heapKey[parent];
            heapNode[i] = heapNode[parent];
            i = parent;
        }
        heapKey[i] = key;
        heapNode[i] = node;
    }

    private void pop() {
        int last = --heapSize;
        if (last == 0) {
            return;
        }
        double key = heapKey[last];
        int node = heapNode[last];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= last) {
                break;
            }
            if (c + 1 < last && heapKey[c + 1] < heapKey[c]) {
                c++;
            }
            if (heapKey[c] >= key) {
                break;
            }
            heapKey[i] = heapKey[c];
            heapNode[i] = heapNode[c];
            i = c;
        }
        heapKey[i] = key;
        heapNode[i] = node;
    }

    private void prepare(FlowNetwork net) {
        if (cachedFor == net && cachedArcs == net.arcCount() && sameSigns(net)) {
            return;
        }
        int nodes = net.nodeCount();
        int arcs = net.arcCount();
        n = nodes + 2;
        m = 2 * (arcs + nodes);
        eTo = new int[m];
        eCap = new double[m];
        eCost = new double[m];
        int[] tail = new int[m];
        for (int a = 0; a < arcs; a++) {
            tail[2 * a] = net.from(a);
            eTo[2 * a] = net.to(a);
            tail[2 * a + 1] = net.to(a);
            eTo[2 * a + 1] = net.from(a);
        }
        // one edge pair per node: s -> v for a supply, v -> t for a demand (rebuilt if the sign changes)
        for (int v = 0; v < nodes; v++) {
            int e = 2 * (arcs + v);
            if (net.supply(v) >= 0) {
                tail[e] = nodes;     // s
                eTo[e] = v;
                tail[e + 1] = v;
                eTo[e + 1] = nodes;
            } else {
                tail[e] = v;
                eTo[e] = nodes + 1;  // t
                tail[e + 1] = nodes + 1;
                eTo[e + 1] = v;
            }
        }
        head = new int[n + 1];
        for (int e = 0; e < m; e++) {
            head[tail[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            head[v + 1] += head[v];
        }
        adj = new int[m];
        aAdj = new int[m];
        aStart = new int[n];
        aEnd = new int[n];
        listedIn = new int[n];
        phaseId = 0;
        int[] fill = Arrays.copyOf(head, n);
        for (int e = 0; e < m; e++) {
            adj[fill[tail[e]]++] = e;
        }
        stackNode = new int[n + 1];
        stackEdge = new int[n + 1];
        iter = new int[n];
        dist = new double[n];
        pot = new double[n];
        prevEdge = new int[n];
        done = new boolean[n];
        visited = new int[n];
        visitStamp = 0;
        cachedFor = net;
        cachedArcs = arcs;
        signs = new boolean[nodes];
        for (int v = 0; v < nodes; v++) {
            signs[v] = net.supply(v) >= 0;
        }
    }

    private boolean[] signs;

    /** The super-source/sink wiring depends on the sign of each supply; a change of sign rebuilds it. */
    private boolean sameSigns(FlowNetwork net) {
        for (int v = 0; v < signs.length; v++) {
            if (signs[v] != (net.supply(v) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
