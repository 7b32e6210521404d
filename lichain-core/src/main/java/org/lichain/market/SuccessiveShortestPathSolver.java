package org.lichain.market;

import java.util.Arrays;

/**
 * Our specialised min-cost flow solver for the small monthly trade network: successive shortest paths with
 * Johnson potentials and a binary-heap Dijkstra that stops at the sink.
 * All arc costs must be non-negative (they are freight, tariffs and penalties). Work arrays are kept between calls
 * on the same network while its wiring stays (which nodes have supply or demand, which arcs have capacity), so such a
 * month's solve allocates only the result arrays; a change of wiring (a ban starting or ending, a need or a
 * country's stock reaching zero) rebuilds them.
 * Not thread-safe: use one instance per thread.
 */
public final class SuccessiveShortestPathSolver implements FlowSolver {
    private static final double EPS = 1e-9;
    /** Relative tolerance under which a reduced cost counts as zero in the primal-dual phase. */
    private static final double ZERO_REDUCED_COST = 1e-12;

    private FlowNetwork cachedFor;
    private int cachedArcs;
    private int n;           // nodes including super source (n-2) and super sink (n-1)
    private int[] head;      // per node: its first residual edge (edges are numbered by tail, see prepare)
    private int[] rev;       // per residual edge: its reverse
    private int[] arcEdge;   // per arc: its forward residual edge, -1 without capacity
    private int[] nodeEdge;  // per node: its edge from s or to t, -1 without supply or demand
    private int tFeeder;     // the only node with an edge to t, -1 if there are none or several (see list)
    private int[] aStart;    // per node: first of its admissible (zero reduced cost) edges in aAdj, this phase
    private int[] aEnd;      // per node: end of that range
    private int[] listedIn;  // per node: the phase in which its admissible edges were listed
    private int phaseId;     // current primal-dual phase (stamp for listedIn)
    private int aTop;        // next free slot of aAdj in this phase
    private int[] aAdj;      // the phase's admissible edge ids, per node in scan order
    private int[] aTo;       // their heads
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
    private int[] visitLog;  // the nodes visited in the current search, in order
    private int logSize;
    private int[] logAt;     // per stack depth: visitLog's size when the search descended from that depth

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
            int e = arcEdge[a];
            if (e >= 0) { // an arc without capacity has no edges (prepare)
                eCap[e] = net.capacity(a);
                eCap[rev[e]] = 0;
                eCost[e] = c;
                eCost[rev[e]] = -c;
            }
        }
        for (int v = 0; v < nodes; v++) {
            double b = net.supply(v);
            int e = nodeEdge[v];
            if (e >= 0) { // s -> v for a supply, v -> t for a demand (see prepare)
                eCap[e] = Math.abs(b);
                eCap[rev[e]] = 0;
            }
            if (b > 0) {
                need += b;
            } else if (b < 0) {
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
            // every node's distance capped at the sink's (unreached nodes included): keeps reduced costs non-negative
            double cap = dist[t];
            for (int v = 0; v < n; v++) {
                double d = dist[v];
                pot[v] += d > cap ? cap : d;
            }
            // primal-dual phase: after the potential update every shortest path uses only zero-reduced-cost edges;
            // push flow along such paths (depth-first) until none is left, then run Dijkstra again
            admissibleEdges();
            double phase = augmentPhase(s, t, need - sent, tol);
            if (phase <= 0) { // numerical safety: fall back to the Dijkstra path
                double push = need - sent;
                for (int v = t; v != s; ) {
                    int e = prevEdge[v];
                    push = Math.min(push, eCap[e]);
                    v = eTo[rev[e]];
                }
                for (int v = t; v != s; ) {
                    int e = prevEdge[v];
                    eCap[e] -= push;
                    eCap[rev[e]] += push;
                    v = eTo[rev[e]];
                }
                phase = push;
            }
            sent += phase;
        }
        double[] flow = new double[arcs];
        double total = 0;
        for (int a = 0; a < arcs; a++) {
            double f = arcEdge[a] >= 0 ? eCap[rev[arcEdge[a]]] : 0;
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
     * update (in solve) then uses min(dist, dist[sink]) for every node, which keeps all reduced costs non-negative.
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
            for (int e = head[u]; e < head[u + 1]; e++) {
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

    /**
     * The node's admissible edges for this phase, listed on first use (see {@link #admissibleEdges}). No listed edge
     * enters s or leaves t (prepare). The source's saturated edges are dropped: no path enters the source, so they
     * cannot regain capacity within the phase. From {@link #tFeeder}, the only node with an edge to t, only that edge
     * is listed (the node's last, see prepare): every other edge leaves it towards nodes from which t can only be
     * reached through it again, and it is on the search's stack; a plain search explores them first, finds nothing
     * and marks them visited, and those marks never decide a later path (such nodes stay dead while the feeder is
     * marked, and a resume that unmarks the feeder unmarks them too).
     */
    private void list(int u) {
        if (listedIn[u] == phaseId) {
            return;
        }
        listedIn[u] = phaseId;
        int k2 = aTop;
        aStart[u] = k2;
        boolean src = u == n - 2;
        double pu = pot[u];
        double tol = ZERO_REDUCED_COST * (1.0 + Math.abs(pu));
        for (int e = u == tFeeder ? head[u + 1] - 1 : head[u]; e < head[u + 1]; e++) {
            if (src && eCap[e] <= EPS) {
                continue;
            }
            int v = eTo[e];
            double rc = eCost[e] + pu - pot[v];
            if (Math.abs(rc) <= tol) {
                aTo[k2] = v;
                aAdj[k2++] = e;
            }
        }
        aEnd[u] = k2;
        aTop = k2;
    }

    /**
     * Pushes flow along augmenting paths from s to t on edges with zero reduced cost (iterative DFS) until none is
     * left or {@code remaining} (less {@code tol}) is sent; returns the amount pushed, summed path by path.
     * <p>
     * The paths are those that a fresh depth-first search from s would find one after the other, without its
     * repeated work: after a push, a fresh search would replay the previous one exactly (its dead ends touch no edge
     * of the path, nor any reverse of one) up to the first edge the push saturated, and go on from there. So the
     * search resumes at the tail of that edge, with the nodes visited since it descended there unmarked again.
     */
    private double augmentPhase(int s, int t, double remaining, double tol) {
        double phase = 0;
        list(s);
        int stamp = ++visitStamp;
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(visited, 0);
            visitStamp = stamp = 1;
        }
        int depth = 0;
        stackNode[0] = s;
        iter[s] = aStart[s];
        visited[s] = stamp;
        logSize = 0;
        while (remaining - phase > tol) {
            while (depth >= 0 && stackNode[depth] != t) {
                int u = stackNode[depth];
                boolean advanced = false;
                int end = aEnd[u];
                while (iter[u] < end) {
                    int k = iter[u]++;
                    int v = aTo[k];
                    if (visited[v] == stamp) {
                        continue;
                    }
                    int e = aAdj[k];
                    if (eCap[e] <= EPS) {
                        continue;
                    }
                    visited[v] = stamp;
                    logAt[depth] = logSize;
                    visitLog[logSize++] = v;
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
            if (depth < 0) {
                break; // no admissible path left: the phase is over
            }
            double push = remaining - phase;
            for (int k = 0; k < depth; k++) {
                push = Math.min(push, eCap[stackEdge[k]]);
            }
            int cut = depth;
            for (int k = 0; k < depth; k++) {
                int e = stackEdge[k];
                eCap[e] -= push;
                eCap[rev[e]] += push;
                if (cut == depth && eCap[e] <= EPS) {
                    cut = k;
                }
            }
            phase += push;
            if (cut == depth) {
                break; // nothing saturated: the push was the remainder, and the phase (the solve) is done
            }
            for (int i = logAt[cut]; i < logSize; i++) {
                visited[visitLog[i]] = 0; // never a live stamp
            }
            logSize = logAt[cut];
            depth = cut;
        }
        return phase;
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
        if (cachedFor == net && cachedArcs == net.arcCount() && sameWiring(net)) {
            return;
        }
        int nodes = net.nodeCount();
        int arcs = net.arcCount();
        n = nodes + 2;
        // residual edges by pair: 2a (arc a) and 2a+1 (its reverse); 2(arcs+v) (s -> v for a supply, v -> t for a
        // demand: rebuilt if the sign changes) and its reverse
        int pairs = 2 * (arcs + nodes);
        int[] to = new int[pairs];
        int[] tail = new int[pairs];
        for (int a = 0; a < arcs; a++) {
            tail[2 * a] = net.from(a);
            to[2 * a] = net.to(a);
            tail[2 * a + 1] = net.to(a);
            to[2 * a + 1] = net.from(a);
        }
        for (int v = 0; v < nodes; v++) {
            int e = 2 * (arcs + v);
            if (net.supply(v) >= 0) {
                tail[e] = nodes;     // s
                to[e] = v;
                tail[e + 1] = v;
                to[e + 1] = nodes;
            } else {
                tail[e] = v;
                to[e] = nodes + 1;  // t
                tail[e + 1] = nodes + 1;
                to[e + 1] = v;
            }
        }
        // Only live residual edges are listed per node: an arc without capacity never carries flow (nor does its
        // reverse), a node without supply or demand has no edge to s or t, no search enters s (the first node
        // settled and visited) and none leaves t (where both searches stop). The live edges are numbered in the
        // order in which the searches scan them (by tail, then by pair number: the order of a plain adjacency
        // list), so every scan reads consecutive entries; dropping the others keeps that order, and the searches
        // find the same paths with fewer edges to scan. The reverse of an edge into t or out of s gets a slot
        // outside the lists (it carries the pushed amount and is never followed).
        boolean[] live = new boolean[pairs];
        boolean[] listed = new boolean[pairs];
        for (int a = 0; a < arcs; a++) {
            boolean open = net.capacity(a) > EPS;
            live[2 * a] = open;
            live[2 * a + 1] = open;
            listed[2 * a] = open;
            listed[2 * a + 1] = open;
        }
        for (int v = 0; v < nodes; v++) {
            int e = 2 * (arcs + v);
            live[e] = Math.abs(net.supply(v)) > EPS;
            live[e + 1] = live[e];
            listed[e] = live[e];
        }
        head = new int[n + 1];
        int slots = 0;
        for (int e = 0; e < pairs; e++) {
            if (listed[e]) {
                head[tail[e] + 1]++;
            }
            if (live[e]) {
                slots++;
            }
        }
        for (int v = 0; v < n; v++) {
            head[v + 1] += head[v];
        }
        int[] id = new int[pairs];
        Arrays.fill(id, -1);
        int[] fill = Arrays.copyOf(head, n);
        for (int e = 0; e < pairs; e++) {
            if (listed[e]) {
                id[e] = fill[tail[e]]++;
            }
        }
        int extra = head[n];
        for (int e = 0; e < pairs; e++) {
            if (live[e] && !listed[e]) {
                id[e] = extra++;
            }
        }
        eTo = new int[slots];
        rev = new int[slots];
        eCap = new double[slots];
        eCost = new double[slots];
        for (int e = 0; e < pairs; e++) {
            if (live[e]) {
                eTo[id[e]] = to[e];
                rev[id[e]] = id[e ^ 1];
            }
        }
        arcEdge = new int[arcs];
        for (int a = 0; a < arcs; a++) {
            arcEdge[a] = id[2 * a];
        }
        nodeEdge = new int[nodes];
        tFeeder = -1;
        int feeders = 0;
        for (int v = 0; v < nodes; v++) {
            nodeEdge[v] = id[2 * (arcs + v)];
            if (nodeEdge[v] >= 0 && net.supply(v) < 0) {
                tFeeder = v;
                feeders++;
            }
        }
        if (feeders != 1) {
            tFeeder = -1; // several demand nodes: a plain search
        }
        aAdj = new int[head[n]];
        aTo = new int[head[n]];
        aStart = new int[n];
        aEnd = new int[n];
        listedIn = new int[n];
        phaseId = 0;
        stackNode = new int[n + 1];
        stackEdge = new int[n + 1];
        iter = new int[n];
        visitLog = new int[n];
        logAt = new int[n + 1];
        dist = new double[n];
        pot = new double[n];
        prevEdge = new int[n];
        done = new boolean[n];
        visited = new int[n];
        visitStamp = 0;
        cachedFor = net;
        cachedArcs = arcs;
        wiring = new byte[nodes + arcs];
        for (int v = 0; v < nodes; v++) {
            wiring[v] = wiringOf(net.supply(v));
        }
        for (int a = 0; a < arcs; a++) {
            wiring[nodes + a] = (byte) (net.capacity(a) > EPS ? 1 : 0);
        }
    }

    /**
     * Per node: supply (1), demand (-1) or neither (0: |supply| at most EPS, no live edge to s or t); then per arc:
     * open (1) or without capacity (0).
     */
    private byte[] wiring;

    private static byte wiringOf(double supply) {
        return (byte) (supply > EPS ? 1 : supply < -EPS ? -1 : 0);
    }

    /**
     * The super-source/sink wiring depends on the sign of each supply and the live edges on which arcs have
     * capacity: a change of either rebuilds them.
     */
    private boolean sameWiring(FlowNetwork net) {
        int nodes = net.nodeCount();
        for (int v = 0; v < nodes; v++) {
            if (wiring[v] != wiringOf(net.supply(v))) {
                return false;
            }
        }
        for (int a = 0; a < cachedArcs; a++) {
            if (wiring[nodes + a] != (net.capacity(a) > EPS ? 1 : 0)) {
                return false;
            }
        }
        return true;
    }
}
