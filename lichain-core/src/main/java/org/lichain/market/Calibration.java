package org.lichain.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lichain.world.World;

/**
 * Fits the price-formation parameters by grid search on the backtest: the score is the mean absolute error of the
 * log China carbonate price against {@code market_history.csv}, plus a penalty of 0.05 per month of peak timing
 * error, plus 1 per missed qualitative fact ({@link #shapePenalty}). Only past-price behaviour is fitted (scarcity elasticity, inventory momentum gain, price adjustment speed,
 * maximum stock cover); supply and demand come from the dataset. Deterministic: the grid is fixed and ties go to
 * the first point.
 */
public final class Calibration {
    /** The grid searched, by parameter name. */
    public static final Map<String, double[]> GRID = grid();

    /** The best point, its score and the backtest report there. */
    public record Fit(Map<String, Double> parameters, double score, Backtest.Report report, int evaluated) {
    }

    private Calibration() {
    }

    private static Map<String, double[]> grid() {
        Map<String, double[]> g = new LinkedHashMap<>();
        g.put("scarcity_elasticity", new double[] {0.1, 0.15, 0.2, 0.3});
        g.put("inventory_momentum_gain", new double[] {0.5, 1.0, 2.0, 3.0});
        g.put("inventory_demand_growth_gain", new double[] {0.0, 1.0, 2.0});
        g.put("price_adjustment_per_month", new double[] {0.2, 0.35});
        g.put("inventory_cover_max_months", new double[] {3.0, 4.0});
        return g;
    }

    /**
     * 1 for each qualitative fact of the history the run misses: the price rises through 2021 (Dec > 2 x Jan, Jun <
     * Sep < Dec) and has a single peak before 2023. Keeps the grid search among causally plausible paths.
     */
    static double shapePenalty(Backtest.Report rep) {
        SimulationResult r = rep.result();
        double[] p = r.priceCnyPerTInclVat();
        int jan = r.indexOf(java.time.YearMonth.of(2021, 1));
        int jun = r.indexOf(java.time.YearMonth.of(2021, 6));
        int sep = r.indexOf(java.time.YearMonth.of(2021, 9));
        int dec = r.indexOf(java.time.YearMonth.of(2021, 12));
        double penalty = 0;
        if (jan < 0 || dec < 0 || !(p[dec] > 2 * p[jan] && p[sep] > p[jun] && p[dec] > p[sep])) {
            penalty += 1;
        }
        long peaksBefore2023 = rep.turningPoints().stream()
                .filter(tp -> tp.startsWith("peak ") && tp.compareTo("peak 2023-01") < 0).count();
        if (peaksBefore2023 != 1) {
            penalty += 1;
        }
        return penalty;
    }

    public static Fit fit(World w) {
        MarketInputs base = MarketInputs.fromWorld(w, Scenario.base().withPeriod(Backtest.FROM, Backtest.TO));
        List<String> names = new ArrayList<>(GRID.keySet());
        int[] idx = new int[names.size()];
        Fit best = null;
        int evaluated = 0;
        SuccessiveShortestPathSolver solver = new SuccessiveShortestPathSolver();
        while (true) {
            Map<String, Double> point = new LinkedHashMap<>(base.scenario.priceFormation());
            for (int k = 0; k < names.size(); k++) {
                point.put(names.get(k), GRID.get(names.get(k))[idx[k]]);
            }
            MarketInputs in;
            try {
                in = base.withScenario(base.scenario.withPriceFormation(point));
            } catch (IllegalArgumentException e) {
                in = null; // inconsistent point (e.g. cover max below cover), skipped
            }
            if (in != null) {
                Backtest.Report rep = Backtest.evaluate(Simulation.run(in, 1, solver), in.data, null);
                double score = rep.meanAbsLogError() + 0.05 * Math.abs(rep.peakTimingErrorMonths())
                        + shapePenalty(rep);
                evaluated++;
                if (best == null || score < best.score() - 1e-12) {
                    best = new Fit(point, score, rep, 0);
                }
            }
            int k = names.size() - 1;
            while (k >= 0 && ++idx[k] == GRID.get(names.get(k)).length) {
                idx[k] = 0;
                k--;
            }
            if (k < 0) {
                break;
            }
        }
        return new Fit(best.parameters(), best.score(), best.report(), evaluated);
    }
}
