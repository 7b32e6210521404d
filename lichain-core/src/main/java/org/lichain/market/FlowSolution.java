package org.lichain.market;

/**
 * The optimal flow of a {@link FlowNetwork}: flow per arc (t LCE), total cost (USD) and node potentials
 * (USD per t LCE; the duals of the conservation constraints, up to a constant: the marginal cost of
 * delivering one more tonne to a node).
 */
public record FlowSolution(double[] flow, double costUsd, double[] potential) {
}
