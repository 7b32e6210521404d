package org.lichain.market;

/**
 * Solves a {@link FlowNetwork} to optimality. Two implementations give the same optimal cost:
 * {@link SuccessiveShortestPathSolver} (ours, the default) and {@link GlopFlowSolver} (OR-Tools GLOP, the reference).
 */
public interface FlowSolver {
    /**
     * The minimum-cost flow meeting every node's supply and demand within arc capacities.
     *
     * @throws InfeasibleFlowException when the demands cannot be met
     */
    FlowSolution solve(FlowNetwork network);

    /** Thrown when no flow meets the supplies and demands within the capacities. */
    final class InfeasibleFlowException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InfeasibleFlowException(String message) {
            super(message);
        }
    }
}
