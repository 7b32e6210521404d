package org.lichain.scenario;

import java.util.List;
import org.lichain.dataset.Problems;

/** Checks that the requested rank correlations form a valid (positive-definite) correlation matrix. */
final class CopulaCheck {
    private CopulaCheck() {
    }

    static void check(String file, List<UncertainParameter> params, List<RankCorrelation> corr, Problems problems) {
        if (corr.isEmpty()) {
            return;
        }
        try {
            GaussianCopula.of(params, corr);
        } catch (IllegalArgumentException e) {
            problems.add(file, corr.get(0).line(), 0, "correlations", null, e.getMessage());
        }
    }
}
