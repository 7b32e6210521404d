package org.lichain.scenario;

/**
 * Accumulates per-run values (in any order, indexed by run) and builds the {@link EnsembleSummary}; used by
 * the local finaliser and by the Spark driver so both summarise identically.
 */
public final class SummaryBuilder {
    private final EnsembleLayout layout;
    private final long seed;
    private final double[][][] annual; // [metric][year][run]
    private final double[][] inputs; // [input][run]
    private final double[][] outputs; // [output][run]

    public SummaryBuilder(EnsembleLayout layout, long seed, int runs) {
        this.layout = layout;
        this.seed = seed;
        int nMet = layout.metrics().size();
        this.annual = new double[nMet][layout.years()][runs];
        this.inputs = new double[layout.inputColumns().size()][runs];
        this.outputs = new double[layout.keyOutputColumns().size()][runs];
    }

    /** Adds one run: its drawn inputs, key outputs and annual values {@code annualByMetric[metric][year]}. */
    public void add(int run, double[] in, double[] out, double[][] annualByMetric) {
        for (int i = 0; i < in.length; i++) {
            inputs[i][run] = in[i];
        }
        for (int o = 0; o < out.length; o++) {
            outputs[o][run] = out[o];
        }
        for (int m = 0; m < annualByMetric.length; m++) {
            for (int y = 0; y < annualByMetric[m].length; y++) {
                annual[m][y][run] = annualByMetric[m][y];
            }
        }
    }

    /** Adds every run of a batch. */
    public void add(RunBatch b) {
        for (int r = 0; r < b.count(); r++) {
            double[] in = new double[b.nInputs()];
            for (int k = 0; k < in.length; k++) {
                in[k] = b.input(r, k);
            }
            double[][] an = new double[b.nMetrics()][];
            for (int m = 0; m < an.length; m++) {
                an[m] = layout.annual(b, r, m);
            }
            add(b.firstRun() + r, in, layout.keyOutputs(b, r), an);
        }
    }

    public EnsembleSummary build() {
        return EnsembleSummary.of(layout, seed, annual, inputs, outputs);
    }
}
