package org.lichain.environment;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Source attribution: which outfalls explain the exceedances seen at river stations. Each candidate outfall may have
 * released any mass at any hour of a grid before the observations (pulse mode of {@link Transport}); the transfer
 * coefficient of (outfall, release hour) to a sample is the concentration one kilogram would cause there. Masses are
 * found by non-negative least squares ({@link Nnls}); an outfall's score is its share of the attributed mass.
 *
 * <p><b>What the data can tell apart</b> (issue 14). With stations only downstream of several outfalls on one reach, a
 * later release further down fits the samples about as well as an earlier one further up, so a mass share alone
 * names a confident wrong culprit. Each outfall is therefore also fitted <i>alone</i> (single-source hypothesis,
 * same release grid, NNLS weighted by the measurement error σ = √((10% · value)² + detection limit²), estimate:
 * a typical ICP-MS relative uncertainty for trace thallium, assumed), giving its χ². Its <b>likelihood weight</b> is
 * exp(−(χ² − χ²best)/2) normalised over the outfalls — the likelihood ratio to the best, i.e. the posterior under
 * Gaussian errors and an equal prior per outfall. Outfalls whose χ² is within {@link #GROUP_DELTA_CHI2} of a group
 * leader's (likelihood ratio ≥ 1/20) form one <b>indistinguishable group</b>; a group's confidence is the sum of
 * its members' weights, so a single outfall gets a high confidence only when the data separate it from the others.
 * Groups are listed best first. For the best group, when it has several members, {@link #separatingSamples} proposes
 * where and when one more sample would tell them apart (the largest smallest pairwise difference of their fitted
 * predictions, in σ).
 *
 * <p>{@code confidence} = the best group's confidence; {@code fitR2} = R² of the joint (all outfalls) fit, whose mass
 * shares are the candidates' {@code score}. Wells are not used (no aquifer model); below-detection samples count
 * as 0.
 */
public final class Attribution {
    private Attribution() {
    }

    /**
     * One outfall: {@code score} its share of the joint fit's mass; {@code likelihoodWeight} and {@code chi2} from its
     * single-source fit; {@code group} the index of its group in {@link Result#groups()}.
     */
    public record Candidate(String outfall, String plant, double score, double releasedKg, LocalDateTime meanReleaseTime,
                            double likelihoodWeight, double chi2, int group) {
    }

    /** Outfalls the data cannot tell apart, with the sum of their likelihood weights. */
    public record Group(List<String> outfalls, double confidence) {
    }

    /**
     * A sample that would separate the best group's members: at a station or a section, at a time, the concentration
     * each member's fitted release predicts there, and the smallest pairwise difference in measurement σ.
     * {@code afterLastSample}: the time is after the last stored sample (still possible to take).
     */
    public record SeparatingSample(String location, String reach, double km, LocalDateTime time,
                                   Map<String, Double> predictedUgPerL, double separationSigma,
                                   boolean afterLastSample) {
    }

    public record Result(List<Candidate> candidates, double fitR2, double confidence, int samples, int exceedances,
                         LocalDateTime windowStart, LocalDateTime windowEnd, String note, List<Group> groups,
                         List<SeparatingSample> separatingSamples) {
    }

    /** Relative measurement error of a thallium sample (estimate: typical ICP-MS uncertainty at trace level). */
    public static final double RELATIVE_ERROR = 0.10;
    /** Detection limit used when a sample has none, µg/L (the synthetic samples' limit). */
    public static final double DEFAULT_DETECTION_LIMIT_UG_PER_L = Spill.SYNTHETIC_DETECTION_LIMIT_UG_PER_L;
    /** χ² distance to a group's leader within which outfalls are indistinguishable: 2·ln 20 (likelihood ratio 1/20). */
    public static final double GROUP_DELTA_CHI2 = 2 * Math.log(20);
    /** Largest number of release times in one outfall's single-source fit; the step grows beyond it. */
    public static final int MAX_COLUMNS_ALONE = 1500;
    /** Finest release step of the single-source fits, minutes (pulses at the nearest stations last about an hour). */
    public static final int MIN_STEP_MINUTES = 15;

    /** One outfall's single-source release grid and the masses fitted on it (kg per release time). */
    record Grid(LocalDateTime start, long stepMinutes, double[] massKg) {
    }

    private static long ceilTo(long v, long multiple) {
        return (v + multiple - 1) / multiple * multiple;
    }

    /** Smallest separation (σ) for which a sample still to be taken is proposed. */
    public static final double MIN_USEFUL_SEPARATION_SIGMA = 2.0;

    /** Hours after the last sample searched for a separating sample. */
    public static final int SEPARATING_HORIZON_H = 72;

    /** Days of samples kept before the first exceedance. */
    public static final int DAYS_BEFORE = 5;
    /** Largest number of (outfall, release hour) columns; the release step grows beyond it. */
    public static final int MAX_COLUMNS = 1200;

    public static Result attribute(RiverNetwork n, List<MonitoringStore.Measurement> measurements) {
        List<MonitoringStore.Measurement> surface = new ArrayList<>();
        LocalDateTime firstEx = null;
        LocalDateTime lastEx = null;
        int exceedances = 0;
        for (MonitoringStore.Measurement m : measurements) {
            Optional<RiverNetwork.Station> s = n.findStation(m.station());
            if (s.isEmpty() || !s.get().kind().surface()) {
                continue;
            }
            Standard std = n.standard(s.get().standard());
            if (!m.analyte().equals(std.analyte())) {
                continue;
            }
            surface.add(m);
            if (!m.belowDetection() && m.valueUgPerL() > std.limitUgPerL()) {
                exceedances++;
                firstEx = firstEx == null || m.time().isBefore(firstEx) ? m.time() : firstEx;
                lastEx = lastEx == null || m.time().isAfter(lastEx) ? m.time() : lastEx;
            }
        }
        if (firstEx == null) {
            return new Result(List.of(), 0, 0, 0, 0, null, null, "no exceedance at a river station: nothing to attribute",
                    List.of(), List.of());
        }
        LocalDateTime from = firstEx.minusDays(DAYS_BEFORE);
        LocalDateTime to = lastEx.plusDays(2);
        List<MonitoringStore.Measurement> rows = new ArrayList<>();
        LocalDateTime firstRow = null;
        for (MonitoringStore.Measurement m : surface) {
            if (!m.time().isBefore(from) && !m.time().isAfter(to)) {
                rows.add(m);
                firstRow = firstRow == null || m.time().isBefore(firstRow) ? m.time() : firstRow;
            }
        }
        int month = firstEx.getMonthValue();
        List<RiverNetwork.Outfall> outfalls = n.outfalls();
        // travel from every outfall to every station used
        double maxTravelH = 0;
        List<String> stationIds = new ArrayList<>();
        for (MonitoringStore.Measurement m : rows) {
            if (!stationIds.contains(m.station())) {
                stationIds.add(m.station());
            }
        }
        Transport.Travel[][] travel = new Transport.Travel[outfalls.size()][stationIds.size()];
        for (int o = 0; o < outfalls.size(); o++) {
            for (int s = 0; s < stationIds.size(); s++) {
                var p = n.path(RiverNetwork.pointOf(outfalls.get(o)), RiverNetwork.pointOf(n.station(stationIds.get(s))));
                if (p.isPresent()) {
                    travel[o][s] = Transport.travel(p.get(), month);
                    maxTravelH = Math.max(maxTravelH, travel[o][s].arrivalHours());
                }
            }
        }
        LocalDateTime gridStart = firstRow.minusHours((long) Math.ceil(maxTravelH));
        long spanH = Math.max(1, Duration.between(gridStart, lastEx).toHours() + 1);
        long stepH = Math.max(1, (spanH * outfalls.size() + MAX_COLUMNS - 1) / MAX_COLUMNS);
        int steps = (int) (spanH / stepH + 1);
        int cols = outfalls.size() * steps;
        double[][] a = new double[rows.size()][cols];
        double[] b = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            MonitoringStore.Measurement m = rows.get(i);
            b[i] = m.belowDetection() ? 0.0 : m.valueUgPerL();
            int s = stationIds.indexOf(m.station());
            double tRowH = Duration.between(gridStart, m.time()).toSeconds() / 3600.0;
            for (int o = 0; o < outfalls.size(); o++) {
                Transport.Travel tr = travel[o][s];
                if (tr == null) {
                    continue;
                }
                for (int k = 0; k < steps; k++) {
                    double dtS = (tRowH - k * stepH) * 3600.0;
                    if (dtS > 0) {
                        a[i][o * steps + k] = Transport.pulseUgPerL(1.0, tr, 0.0, dtS);
                    }
                }
            }
        }
        double[] x = Nnls.solve(a, b, 4 * cols + 100);
        double total = 0;
        double[] mass = new double[outfalls.size()];
        double[] meanT = new double[outfalls.size()];
        for (int o = 0; o < outfalls.size(); o++) {
            for (int k = 0; k < steps; k++) {
                mass[o] += x[o * steps + k];
                meanT[o] += x[o * steps + k] * k * stepH;
            }
            total += mass[o];
        }
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < rows.size(); i++) {
            double fit = 0;
            for (int c = 0; c < cols; c++) {
                if (x[c] != 0) {
                    fit += a[i][c] * x[c];
                }
            }
            ssRes += (b[i] - fit) * (b[i] - fit);
            ssTot += b[i] * b[i];
        }
        double r2 = ssTot == 0 ? 0 : Math.max(0, 1 - ssRes / ssTot);
        // single-source fits, weighted by the measurement error, each on its own finer release grid
        double[] sigma = new double[rows.size()];
        LocalDateTime lastRow = firstRow;
        for (int i = 0; i < rows.size(); i++) {
            MonitoringStore.Measurement m = rows.get(i);
            sigma[i] = sigmaUgPerL(b[i], m.detectionLimitUgPerL());
            lastRow = m.time().isAfter(lastRow) ? m.time() : lastRow;
        }
        int no = outfalls.size();
        double[] chi2 = new double[no];
        Grid[] grids = new Grid[no];
        for (int o = 0; o < no; o++) {
            double maxTravelO = 0;
            for (int st = 0; st < stationIds.size(); st++) {
                if (travel[o][st] != null) {
                    maxTravelO = Math.max(maxTravelO, travel[o][st].arrivalHours());
                }
            }
            LocalDateTime startO = firstRow.minusHours((long) Math.ceil(maxTravelO));
            long spanMin = Math.max(60, Duration.between(startO, lastEx).toMinutes() + 60);
            long stepMin = Math.max(MIN_STEP_MINUTES, ceilTo((spanMin + MAX_COLUMNS_ALONE - 1) / MAX_COLUMNS_ALONE,
                    MIN_STEP_MINUTES));
            int stepsO = (int) (spanMin / stepMin + 1);
            double[][] ao = new double[rows.size()][stepsO];
            double[] bo = new double[rows.size()];
            boolean any = false;
            for (int i = 0; i < rows.size(); i++) {
                MonitoringStore.Measurement m = rows.get(i);
                bo[i] = b[i] / sigma[i];
                Transport.Travel tr = travel[o][stationIds.indexOf(m.station())];
                if (tr == null) {
                    continue;
                }
                double tRowMin = Duration.between(startO, m.time()).toSeconds() / 60.0;
                for (int k = 0; k < stepsO; k++) {
                    double dtS = (tRowMin - k * stepMin) * 60.0;
                    if (dtS > 0) {
                        ao[i][k] = Transport.pulseUgPerL(1.0, tr, 0.0, dtS) / sigma[i];
                        any |= ao[i][k] != 0;
                    }
                }
            }
            double[] xo = any ? Nnls.solve(ao, bo, 4 * stepsO + 100) : new double[stepsO];
            double c2 = 0;
            for (int i = 0; i < rows.size(); i++) {
                double fit = 0;
                for (int k = 0; k < stepsO; k++) {
                    if (xo[k] != 0) {
                        fit += ao[i][k] * xo[k];
                    }
                }
                c2 += (bo[i] - fit) * (bo[i] - fit);
            }
            chi2[o] = c2;
            grids[o] = new Grid(startO, stepMin, xo);
        }
        double chi2Min = Double.POSITIVE_INFINITY;
        for (double c : chi2) {
            chi2Min = Math.min(chi2Min, c);
        }
        double[] weight = new double[no];
        double wSum = 0;
        for (int o = 0; o < no; o++) {
            weight[o] = Math.exp(-(chi2[o] - chi2Min) / 2.0);
            wSum += weight[o];
        }
        for (int o = 0; o < no; o++) {
            weight[o] /= wSum;
        }
        // groups: the best remaining outfall leads; every remaining one within GROUP_DELTA_CHI2 of it joins
        Integer[] byChi2 = new Integer[no];
        for (int o = 0; o < no; o++) {
            byChi2[o] = o;
        }
        java.util.Arrays.sort(byChi2, (p, q) -> {
            int c = Double.compare(chi2[p], chi2[q]);
            return c != 0 ? c : outfalls.get(p).id().compareTo(outfalls.get(q).id());
        });
        int[] groupOf = new int[no];
        java.util.Arrays.fill(groupOf, -1);
        List<List<Integer>> members = new ArrayList<>();
        for (int lead : byChi2) {
            if (groupOf[lead] >= 0) {
                continue;
            }
            List<Integer> g = new ArrayList<>();
            for (int o : byChi2) {
                if (groupOf[o] < 0 && chi2[o] - chi2[lead] <= GROUP_DELTA_CHI2) {
                    g.add(o);
                }
            }
            for (int o : g) {
                groupOf[o] = members.size();
            }
            members.add(g);
        }
        double[] groupConf = new double[members.size()];
        for (int gi = 0; gi < members.size(); gi++) {
            for (int o : members.get(gi)) {
                groupConf[gi] += weight[o];
            }
        }
        // best first by confidence (ties: the order found, i.e. by the leader's χ²)
        Integer[] order = new Integer[members.size()];
        for (int gi = 0; gi < order.length; gi++) {
            order[gi] = gi;
        }
        java.util.Arrays.sort(order, (p, q) -> {
            int c = Double.compare(groupConf[q], groupConf[p]);
            return c != 0 ? c : Integer.compare(p, q);
        });
        int[] rank = new int[members.size()];
        List<Group> groups = new ArrayList<>();
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
            List<String> ids = new ArrayList<>();
            for (int o : members.get(order[r])) {
                ids.add(outfalls.get(o).id());
            }
            groups.add(new Group(List.copyOf(ids), groupConf[order[r]]));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int o = 0; o < outfalls.size(); o++) {
            RiverNetwork.Outfall of = outfalls.get(o);
            double score = total > 0 ? mass[o] / total : 0;
            LocalDateTime when = mass[o] > 0 ? gridStart.plusMinutes(Math.round(meanT[o] / mass[o] * 60)) : null;
            candidates.add(new Candidate(of.id(), of.plant(), score, mass[o], when, weight[o], chi2[o],
                    rank[groupOf[o]]));
        }
        // best group first; within a group by likelihood weight, then by the joint fit's score
        candidates.sort((p, q) -> {
            int c = Integer.compare(p.group(), q.group());
            c = c != 0 ? c : Double.compare(q.likelihoodWeight(), p.likelihoodWeight());
            c = c != 0 ? c : Double.compare(q.score(), p.score());
            return c != 0 ? c : p.outfall().compareTo(q.outfall());
        });
        List<Integer> best = members.get(order[0]);
        List<SeparatingSample> separating = best.size() < 2 ? List.of()
                : separatingSamples(n, outfalls, best, grids, gridStart, lastRow, month);
        double confidence = groups.isEmpty() ? 0 : groups.get(0).confidence();
        return new Result(candidates, r2, confidence, rows.size(), exceedances, from, to,
                "hydrology of month " + month + "; release grid every " + stepH + " h from " + gridStart
                        + (best.size() > 1 ? "; the best group's " + best.size()
                        + " outfalls fit the samples within measurement noise: the data cannot tell them apart" : ""),
                groups, separating);
    }

    /** Measurement σ (µg/L) of a value: 10% relative and the detection limit as an absolute floor, in quadrature. */
    static double sigmaUgPerL(double valueUgPerL, double detectionLimitUgPerL) {
        double dl = detectionLimitUgPerL > 0 ? detectionLimitUgPerL : DEFAULT_DETECTION_LIMIT_UG_PER_L;
        double rel = RELATIVE_ERROR * valueUgPerL;
        return Math.sqrt(rel * rel + dl * dl);
    }

    /**
     * Where and when one more sample would best separate the members: every surface station and a section 1 km below
     * each member's outfall, every hour from the release grid's start to {@link #SEPARATING_HORIZON_H} hours after the
     * last sample. For each (place, hour), the members' fitted releases predict concentrations; the separation is the
     * smallest pairwise difference over √(σa² + σb²). Returns the best overall (often already past: what a sample or
     * an autosampler record there would have shown) and, if different and at least
     * {@link #MIN_USEFUL_SEPARATION_SIGMA} σ, the best after the last sample (one that can still be taken).
     */
    static List<SeparatingSample> separatingSamples(RiverNetwork n, List<RiverNetwork.Outfall> outfalls,
                                                    List<Integer> members, Grid[] grids, LocalDateTime gridStart,
                                                    LocalDateTime lastRow, int month) {
        List<String> names = new ArrayList<>();
        List<RiverNetwork.Point> points = new ArrayList<>();
        for (RiverNetwork.Station s : n.stations()) {
            if (s.kind().surface()) {
                names.add(s.id());
                points.add(RiverNetwork.pointOf(s));
            }
        }
        for (int o : members) {
            RiverNetwork.Outfall of = outfalls.get(o);
            double km = Math.min(of.km() + 1.0, n.reach(of.reach()).lengthKm());
            names.add(String.format(java.util.Locale.ROOT, "section %s km %.0f (1 km below %s)", of.reach(), km,
                    of.id()));
            points.add(new RiverNetwork.Point(of.reach(), km));
        }
        long horizonH = Duration.between(gridStart, lastRow).toHours() + SEPARATING_HORIZON_H;
        SeparatingSample bestAll = null;
        SeparatingSample bestAfter = null;
        for (int p = 0; p < points.size(); p++) {
            Transport.Travel[] tr = new Transport.Travel[members.size()];
            boolean reached = false;
            for (int j = 0; j < members.size(); j++) {
                var path = n.path(RiverNetwork.pointOf(outfalls.get(members.get(j))), points.get(p));
                if (path.isPresent() && !path.get().isEmpty()) {
                    tr[j] = Transport.travel(path.get(), month);
                    reached = true;
                }
            }
            if (!reached) {
                continue;
            }
            for (long h = 0; h <= horizonH; h++) {
                double[] pred = new double[members.size()];
                for (int j = 0; j < members.size(); j++) {
                    if (tr[j] == null) {
                        continue;
                    }
                    Grid g = grids[members.get(j)];
                    double tMin = Duration.between(g.start(), gridStart.plusHours(h)).toMinutes();
                    for (int k = 0; k < g.massKg().length; k++) {
                        double dtS = (tMin - k * g.stepMinutes()) * 60.0;
                        if (g.massKg()[k] > 0 && dtS > 0) {
                            pred[j] += Transport.pulseUgPerL(g.massKg()[k], tr[j], 0.0, dtS);
                        }
                    }
                }
                double sep = Double.POSITIVE_INFINITY;
                for (int i = 0; i < pred.length; i++) {
                    for (int j = i + 1; j < pred.length; j++) {
                        double si = sigmaUgPerL(pred[i], 0);
                        double sj = sigmaUgPerL(pred[j], 0);
                        sep = Math.min(sep, Math.abs(pred[i] - pred[j]) / Math.sqrt(si * si + sj * sj));
                    }
                }
                LocalDateTime t = gridStart.plusHours(h);
                boolean after = t.isAfter(lastRow);
                if ((bestAll == null || sep > bestAll.separationSigma())
                        || (after && (bestAfter == null || sep > bestAfter.separationSigma()))) {
                    java.util.Map<String, Double> byOutfall = new java.util.LinkedHashMap<>();
                    for (int j = 0; j < members.size(); j++) {
                        byOutfall.put(outfalls.get(members.get(j)).id(), pred[j]);
                    }
                    SeparatingSample s = new SeparatingSample(names.get(p), points.get(p).reach(), points.get(p).km(),
                            t, java.util.Collections.unmodifiableMap(byOutfall), sep, after);
                    if (bestAll == null || sep > bestAll.separationSigma()) {
                        bestAll = s;
                    }
                    if (after && (bestAfter == null || sep > bestAfter.separationSigma())) {
                        bestAfter = s;
                    }
                }
            }
        }
        List<SeparatingSample> out = new ArrayList<>();
        if (bestAll != null) {
            out.add(bestAll);
        }
        if (bestAfter != null && bestAfter != bestAll && bestAfter.separationSigma() >= MIN_USEFUL_SEPARATION_SIGMA) {
            out.add(bestAfter);
        }
        return out;
    }
}
