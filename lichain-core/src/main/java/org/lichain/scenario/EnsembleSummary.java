package org.lichain.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What an ensemble says: per metric and year the percentiles p5/p25/p50/p75/p95 across runs, and the
 * Spearman rank correlation of every drawn input with every key output (the tornado chart).
 * {@code percentiles[metric][year][k]} follows {@link EnsembleStatistics#PERCENTILES};
 * {@code sensitivity[output][input]}.
 */
public record EnsembleSummary(String scenario, String model, long seed, int runs, int firstYear,
        List<Metric> metrics, double[][][] percentiles, List<String> inputs, List<String> outputs,
        double[][] sensitivity) {

    /**
     * Builds the summary from per-run values: {@code annual[metric][year][run]},
     * {@code inputs[input][run]} and {@code outputs[output][run]}.
     */
    public static EnsembleSummary of(EnsembleLayout layout, long seed, double[][][] annual, double[][] inputs,
            double[][] outputs) {
        int nMet = layout.metrics().size();
        double[][][] pct = new double[nMet][layout.years()][EnsembleStatistics.PERCENTILES.length];
        for (int m = 0; m < nMet; m++) {
            for (int y = 0; y < layout.years(); y++) {
                double[] sorted = java.util.Arrays.stream(annual[m][y]).filter(v -> !Double.isNaN(v)).sorted().toArray();
                for (int k = 0; k < EnsembleStatistics.PERCENTILES.length; k++) {
                    pct[m][y][k] = EnsembleStatistics.percentileOfSorted(sorted, EnsembleStatistics.PERCENTILES[k]);
                }
            }
        }
        double[][] sens = new double[outputs.length][inputs.length];
        double[][] inputRanks = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            inputRanks[i] = EnsembleStatistics.ranks(inputs[i]);
        }
        for (int o = 0; o < outputs.length; o++) {
            double[] outputRanks = EnsembleStatistics.ranks(outputs[o]);
            for (int i = 0; i < inputs.length; i++) {
                sens[o][i] = EnsembleStatistics.pearson(inputRanks[i], outputRanks);
            }
        }
        int runs = annual.length == 0 || annual[0].length == 0 ? 0 : annual[0][0].length;
        return new EnsembleSummary(layout.spec().name(), layout.spec().model(), seed, runs, layout.firstYear(),
                layout.metrics(), pct, layout.inputColumns(), layout.keyOutputColumns(), sens);
    }

    public int years() {
        return percentiles.length == 0 ? 0 : percentiles[0].length;
    }

    /** The summary.json document (issue 7 contract, plus model, period and sensitivities). */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("runs", runs);
        root.put("seed", seed);
        root.put("scenario", scenario);
        root.put("model", model);
        ObjectNode ms = root.putObject("metrics");
        for (int m = 0; m < metrics.size(); m++) {
            ObjectNode mn = ms.putObject(metrics.get(m).annualName());
            for (int y = 0; y < years(); y++) {
                ObjectNode yn = mn.putObject(Integer.toString(firstYear + y));
                for (int k = 0; k < EnsembleStatistics.PERCENTILES.length; k++) {
                    yn.put("p" + (int) EnsembleStatistics.PERCENTILES[k], round(percentiles[m][y][k]));
                }
            }
        }
        ObjectNode units = root.putObject("units");
        for (Metric m : metrics) {
            units.put(m.annualName(), m.unit() + " (annual " + m.aggregation().name().toLowerCase(java.util.Locale.ROOT)
                    + " of months)");
        }
        ObjectNode sens = root.putObject("sensitivity_spearman");
        for (int o = 0; o < outputs.size(); o++) {
            ObjectNode on = sens.putObject(outputs.get(o));
            for (int i = 0; i < inputs.size(); i++) {
                on.put(inputs.get(i), round(sensitivity[o][i]));
            }
        }
        return root;
    }

    /** Rounds to 9 significant digits so summary.json does not show floating-point noise. */
    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(9)).doubleValue();
    }
}
