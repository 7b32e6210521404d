package org.lichain.market;

import java.util.Arrays;

/**
 * A min-cost flow problem on primitive arrays: nodes with supplies (positive) and demands (negative, summing to
 * zero with the supplies), directed arcs with a capacity (t LCE, {@code Double.POSITIVE_INFINITY} allowed) and a
 * non-negative unit cost (USD per t LCE). The topology is fixed once built; supplies, capacities and costs may be
 * changed in place month by month, so that the simulation's hot loop allocates nothing.
 */
public final class FlowNetwork {
    private final int nodeCount;
    private int arcCount;
    private int[] from;
    private int[] to;
    private double[] capacity;
    private double[] cost;
    private final double[] supply;

    public FlowNetwork(int nodeCount, int expectedArcs) {
        this.nodeCount = nodeCount;
        int n = Math.max(4, expectedArcs);
        from = new int[n];
        to = new int[n];
        capacity = new double[n];
        cost = new double[n];
        supply = new double[nodeCount];
    }

    /** Adds an arc and returns its index. */
    public int addArc(int fromNode, int toNode, double capacityTLce, double costUsdPerTLce) {
        if (fromNode < 0 || fromNode >= nodeCount || toNode < 0 || toNode >= nodeCount || fromNode == toNode) {
            throw new IllegalArgumentException("bad arc " + fromNode + " -> " + toNode);
        }
        if (arcCount == from.length) {
            int n = arcCount * 2;
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            capacity = Arrays.copyOf(capacity, n);
            cost = Arrays.copyOf(cost, n);
        }
        from[arcCount] = fromNode;
        to[arcCount] = toNode;
        capacity[arcCount] = capacityTLce;
        cost[arcCount] = costUsdPerTLce;
        return arcCount++;
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int arcCount() {
        return arcCount;
    }

    public int from(int arc) {
        return from[arc];
    }

    public int to(int arc) {
        return to[arc];
    }

    public double capacity(int arc) {
        return capacity[arc];
    }

    public double cost(int arc) {
        return cost[arc];
    }

    public double supply(int node) {
        return supply[node];
    }

    public void setCapacity(int arc, double capacityTLce) {
        capacity[arc] = capacityTLce;
    }

    public void setCost(int arc, double costUsdPerTLce) {
        if (!(costUsdPerTLce >= 0)) {
            throw new IllegalArgumentException("arc cost must be non-negative, got " + costUsdPerTLce);
        }
        cost[arc] = costUsdPerTLce;
    }

    /** An independent copy (same topology, capacities, costs and supplies). */
    public FlowNetwork copy() {
        FlowNetwork n = new FlowNetwork(nodeCount, arcCount);
        for (int a = 0; a < arcCount; a++) {
            n.addArc(from[a], to[a], capacity[a], cost[a]);
        }
        System.arraycopy(supply, 0, n.supply, 0, nodeCount);
        return n;
    }

    /** Supply (positive) or demand (negative) of a node, t LCE. */
    public void setSupply(int node, double tLce) {
        supply[node] = tLce;
    }
}
