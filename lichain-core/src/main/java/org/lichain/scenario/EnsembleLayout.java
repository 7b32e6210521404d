package org.lichain.scenario;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the ensemble outputs, shared by the local writer and the Spark job so both write the same
 * layout: {@code runs} (run, seed, every drawn input, key outputs), {@code months} (run, month, metrics) and
 * {@code annual} (run, year, annual metrics). Also derives annual values and key outputs from a batch.
 */
public final class EnsembleLayout {
    private final ScenarioSpec spec;
    private final List<Metric> metrics;
    private final int firstYear;
    private final int years;
    private final String[] months;

    public EnsembleLayout(ScenarioSpec spec, List<Metric> metrics) {
        this.spec = spec;
        this.metrics = List.copyOf(metrics);
        this.firstYear = spec.from().getYear();
        this.years = spec.to().getYear() - firstYear + 1;
        this.months = new String[spec.months()];
        YearMonth m = spec.from();
        for (int t = 0; t < months.length; t++) {
            months[t] = m.toString();
            m = m.plusMonths(1);
        }
    }

    public ScenarioSpec spec() {
        return spec;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public int firstYear() {
        return firstYear;
    }

    public int years() {
        return years;
    }

    /** Month labels {@code YYYY-MM}, one per month of the scenario. */
    public String month(int t) {
        return months[t];
    }

    public List<String> inputColumns() {
        return spec.parameters().stream().map(UncertainParameter::name).toList();
    }

    /** Per metric: mean, min and max over all months, and the annual value of the last year. */
    public List<String> keyOutputColumns() {
        List<String> c = new ArrayList<>();
        for (Metric m : metrics) {
            c.add(m.name() + "_mean");
            c.add(m.name() + "_min");
            c.add(m.name() + "_max");
            c.add(m.annualName() + "_" + (firstYear + years - 1));
        }
        return c;
    }

    /** Key outputs of run r of the batch, in {@link #keyOutputColumns()} order. */
    public double[] keyOutputs(RunBatch b, int r) {
        double[] out = new double[metrics.size() * 4];
        for (int m = 0; m < metrics.size(); m++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < b.nMonths(); t++) {
                double v = b.monthly(r, m, t);
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            out[m * 4] = sum / b.nMonths();
            out[m * 4 + 1] = min;
            out[m * 4 + 2] = max;
            out[m * 4 + 3] = annual(b, r, m)[years - 1];
        }
        return out;
    }

    /**
     * Annual values of metric m for run r, one per year of the scenario: the average or the sum of the
     * year's months in the scenario (a partial first or last year uses the months it has).
     */
    public double[] annual(RunBatch b, int r, int m) {
        double[] sum = new double[years];
        int[] n = new int[years];
        int offset = spec.from().getMonthValue() - 1;
        for (int t = 0; t < b.nMonths(); t++) {
            int y = (offset + t) / 12;
            sum[y] += b.monthly(r, m, t);
            n[y]++;
        }
        if (metrics.get(m).aggregation() == Metric.Aggregation.AVERAGE) {
            for (int y = 0; y < years; y++) {
                sum[y] /= n[y];
            }
        }
        return sum;
    }
}
