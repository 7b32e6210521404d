package org.lichain.scenario;

import org.lichain.dataset.InvalidInputException;

/** A target Spearman rank correlation between two uncertain inputs, imposed with a Gaussian copula. */
public record RankCorrelation(String a, String b, double rho, int line) {
    public RankCorrelation {
        if (!(rho >= -1 && rho <= 1)) {
            throw new InvalidInputException("rank correlation must be in [-1, 1], got " + rho);
        }
    }
}
