package org.lichain.market;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lichain.world.World;

/**
 * The backtest: the base scenario from 2020-01 to 2025-12 on exogenous inputs only (demand drivers, nameplate capacity
 * timelines without the dataset's market-caused closures, input prices, historical policies; the run starts from the
 * recorded price of 2019), compared with the monthly SMM record in {@code market_history.csv} and the dataset's
 * reported production. Metrics: mean absolute error of the log carbonate price over every recorded month, and
 * separately for 2020-2023 (the calibration period) and 2024-2025 (out of sample); the 2024 average; peak timing
 * error, the simulated turning points, the peak-to-mid-2025 fall, lepidolite growth and share at a loss, China's
 * import dependence, production errors by resource type, and the months Jianxiawo runs.
 */
public final class Backtest {
    public static final YearMonth FROM = YearMonth.of(2020, 1);
    public static final YearMonth TO = YearMonth.of(2025, 12);
    /** Last year of the calibration period; later recorded months are out of sample. */
    public static final int LAST_CALIBRATION_YEAR = 2023;
    static final YearMonth ACTUAL_PEAK = YearMonth.of(2022, 11);

    /** A simulated-versus-actual price point. */
    public record PricePoint(String month, double actualCnyPerT, double simulatedCnyPerT) {
    }

    /** The backtest's figures. */
    public record Report(SimulationResult result, List<PricePoint> prices, double meanAbsLogError,
                         double meanAbsLogErrorInSample, double meanAbsLogErrorOutOfSample,
                         double average2024SimulatedCnyPerT, double average2024RecordedCnyPerT,
                         int jianxiawoRunningMonths2024to2025, String simulatedPeakMonth, double simulatedPeakCnyPerT,
                         int peakTimingErrorMonths, List<String> turningPoints, double fallPeakToMid2025Pct,
                         Map<Integer, Double> lepidoliteTLceByYear, double lepidoliteGrowth2020to2025,
                         double lepidoliteShareAtLoss2025, double chinaMineSelfSufficiency2025,
                         double chinaImportShare2025, Map<String, Double> productionErrorPctByType2020to2023) {
    }

    private Backtest() {
    }

    public static Report run(World w) {
        MarketInputs in = MarketInputs.fromWorld(w, Scenario.base().withPeriod(FROM, TO));
        return evaluate(Simulation.run(in, in.scenario.seed(), new SuccessiveShortestPathSolver()),
                in.priceRecordCnyPerTInclVat, w);
    }

    /** The figures of a run against the monthly price record (CNY per t incl. VAT by month). */
    public static Report evaluate(SimulationResult r, java.util.NavigableMap<YearMonth, Double> priceRecord, World w) {
        List<PricePoint> pts = new ArrayList<>();
        double sumAbs = 0;
        double[] sums = new double[2];
        int[] counts = new int[2];
        double sim24 = 0;
        double rec24 = 0;
        int n24 = 0;
        for (var h : priceRecord.entrySet()) {
            YearMonth m = h.getKey();
            int t = r.indexOf(m);
            if (t < 0) {
                continue;
            }
            double sim = r.priceCnyPerTInclVat()[t];
            pts.add(new PricePoint(m.toString(), h.getValue(), sim));
            double e = Math.abs(Math.log(sim) - Math.log(h.getValue()));
            sumAbs += e;
            int k = m.getYear() <= LAST_CALIBRATION_YEAR ? 0 : 1;
            sums[k] += e;
            counts[k]++;
            if (m.getYear() == 2024) {
                sim24 += sim;
                rec24 += h.getValue();
                n24++;
            }
        }
        int n = Math.max(1, pts.size());
        int jx = r.assetIds().indexOf("CN-JX-01");
        int jxMonths = 0;
        for (int t = 0; jx >= 0 && t < r.months(); t++) {
            int y = r.month(t).getYear();
            if (y >= 2024 && y <= 2025 && r.productionByAsset()[jx][t] > 0) {
                jxMonths++;
            }
        }
        double[] p = r.priceCnyPerTInclVat();
        int peak = 0;
        for (int t = 0; t < r.months(); t++) {
            if (p[t] > p[peak]) {
                peak = t;
            }
        }
        int mid2025 = r.indexOf(YearMonth.of(2025, 6));
        double fall = mid2025 >= 0 ? (1 - p[mid2025] / p[peak]) * 100.0 : Double.NaN;
        Map<Integer, Double> lep = new LinkedHashMap<>();
        double[] lepM = r.productionOfType("lepidolite");
        for (int t = 0; t < r.months(); t++) {
            lep.merge(r.month(t).getYear(), lepM[t], Double::sum);
        }
        double[] lepLoss = r.shareAtLoss("lepidolite", "CN");
        double lossProd = 0;
        double prod2025 = 0;
        double cnMined = 0;
        double cnDemand = 0;
        double cnImports = 0;
        for (int t = 0; t < r.months(); t++) {
            if (r.month(t).getYear() == 2025) {
                lossProd += lepLoss[t] * lepM[t];
                prod2025 += lepM[t];
                cnMined += r.mineSelfSufficiency()[DemandRegion.CN.ordinal()][t]
                        * r.demandByRegion()[DemandRegion.CN.ordinal()][t];
                cnDemand += r.demandByRegion()[DemandRegion.CN.ordinal()][t];
                cnImports += r.importsByRegion()[DemandRegion.CN.ordinal()][t];
            }
        }
        Map<String, Double> prodErr = new LinkedHashMap<>();
        if (w != null) {
            for (String type : new java.util.TreeSet<>(r.assetResourceTypes())) {
                double sim = 0;
                double rep = 0;
                double[] s = r.productionOfType(type);
                for (int t = 0; t < r.months(); t++) {
                    int y = r.month(t).getYear();
                    if (y <= 2023) {
                        sim += s[t];
                    }
                }
                for (var a : w.assets()) {
                    if (a.resourceType().id().equals(type) && a.kind().minedSupply()) {
                        for (var pr : w.productionOf(a.id())) {
                            if (pr.year() >= 2020 && pr.year() <= 2023) {
                                rep += pr.productionTLce();
                            }
                        }
                    }
                }
                if (rep > 0) {
                    prodErr.put(type, (sim / rep - 1) * 100.0);
                }
            }
        }
        double l20 = lep.getOrDefault(2020, 0.0);
        double l25 = lep.getOrDefault(2025, 0.0);
        return new Report(r, pts, sumAbs / n, counts[0] > 0 ? sums[0] / counts[0] : Double.NaN,
                counts[1] > 0 ? sums[1] / counts[1] : Double.NaN, n24 > 0 ? sim24 / n24 : Double.NaN,
                n24 > 0 ? rec24 / n24 : Double.NaN, jxMonths, r.month(peak).toString(), p[peak],
                (int) MarketInputs.monthsBetween(ACTUAL_PEAK, r.month(peak)), turningPoints(r), fall, lep,
                l20 > 0 ? l25 / l20 : Double.NaN, prod2025 > 0 ? lossProd / prod2025 : 0,
                cnDemand > 0 ? cnMined / cnDemand : 0, cnDemand > 0 ? cnImports / cnDemand : 0, prodErr);
    }

    /** Months where the 3-month centred mean price turns (peak or trough) by more than 20% around it. */
    static List<String> turningPoints(SimulationResult r) {
        double[] p = r.priceCnyPerTInclVat();
        int n = r.months();
        double[] s = new double[n];
        for (int t = 0; t < n; t++) {
            double sum = 0;
            int c = 0;
            for (int k = Math.max(0, t - 1); k <= Math.min(n - 1, t + 1); k++) {
                sum += p[k];
                c++;
            }
            s[t] = sum / c;
        }
        List<String> out = new ArrayList<>();
        for (int t = 1; t < n - 1; t++) {
            boolean max = s[t] >= s[t - 1] && s[t] > s[t + 1];
            boolean min = s[t] <= s[t - 1] && s[t] < s[t + 1];
            if (!max && !min) {
                continue;
            }
            double lo = Double.MAX_VALUE;
            double hi = 0;
            for (int k = Math.max(0, t - 6); k <= Math.min(n - 1, t + 6); k++) {
                lo = Math.min(lo, s[k]);
                hi = Math.max(hi, s[k]);
            }
            if (max && s[t] >= hi && s[t] > 1.2 * lo) {
                out.add("peak " + r.month(t));
            } else if (min && s[t] <= lo && hi > 1.2 * s[t]) {
                out.add("trough " + r.month(t));
            }
        }
        return out;
    }
}
