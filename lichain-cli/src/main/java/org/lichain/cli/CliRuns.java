package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;

/** The {@code --runs} option of the rolling forecast ({@code forecast}, {@code backtest --rolling}): 1..1000. */
final class CliRuns {
    private CliRuns() {
    }

    /** The ensemble's runs per forecast; a user error outside 1..1000. */
    static int of(int runs) {
        if (runs < 1 || runs > 1000) {
            throw new InvalidInputException("--runs must be 1..1000 (got " + runs + ")");
        }
        return runs;
    }
}
