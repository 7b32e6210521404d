package org.lichain.environment;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Source attribution: which outfalls explain the exceedances seen at river stations. Each candidate outfall may have
 * released any mass at any hour of a grid before the observations (pulse mode of {@link Transport}); the transfer
 * coefficient of (outfall, release hour) to a sample is the concentration one kilogram would cause there. Masses are
 * found by non-negative least squares ({@link Nnls}); an outfall's score is its share of the attributed mass.
 *
 * <p>Confidence = R² of the fit (1 − residual/total sum of squares of the samples) × the leading score. Outfalls with
 * no station between them are told apart only by dispersion, so their scores are close and the confidence low; that
 * is what the measure is for. Wells are not used (no aquifer model); below-detection samples count as 0.
 */
public final class Attribution {
    private Attribution() {
    }

    public record Candidate(String outfall, String plant, double score, double releasedKg, LocalDateTime meanReleaseTime) {
    }

    public record Result(List<Candidate> candidates, double fitR2, double confidence, int samples, int exceedances,
                         LocalDateTime windowStart, LocalDateTime windowEnd, String note) {
    }

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
            return new Result(List.of(), 0, 0, 0, 0, null, null, "no exceedance at a river station: nothing to attribute");
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
        List<Candidate> candidates = new ArrayList<>();
        for (int o = 0; o < outfalls.size(); o++) {
            RiverNetwork.Outfall of = outfalls.get(o);
            double score = total > 0 ? mass[o] / total : 0;
            LocalDateTime when = mass[o] > 0 ? gridStart.plusMinutes(Math.round(meanT[o] / mass[o] * 60)) : null;
            candidates.add(new Candidate(of.id(), of.plant(), score, mass[o], when));
        }
        candidates.sort((p, q) -> {
            int c = Double.compare(q.score(), p.score());
            return c != 0 ? c : p.outfall().compareTo(q.outfall());
        });
        double confidence = candidates.isEmpty() ? 0 : r2 * candidates.get(0).score();
        return new Result(candidates, r2, confidence, rows.size(), exceedances, from, to,
                "hydrology of month " + month + "; release grid every " + stepH + " h from " + gridStart);
    }
}
