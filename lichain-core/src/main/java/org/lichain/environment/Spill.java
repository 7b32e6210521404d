package org.lichain.environment;

import org.lichain.dataset.InvalidInputException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A thallium spill at an outfall (pulse mode): what each downstream river station sees, and when. */
public final class Spill {
    /** Detection limit written with synthetic samples, µg/L (estimate: typical ICP-MS reporting limit, assumed). */
    public static final double SYNTHETIC_DETECTION_LIMIT_UG_PER_L = 0.01;

    private Spill() {
    }

    /**
     * What one station sees; {@code hoursAboveLimit}: how long the concentration stays above the station's limit
     * (0 when the peak does not exceed it).
     */
    public record StationImpact(String id, StationKind kind, double distanceKm, double arrivalHours,
                                double peakUgPerL, double limitUgPerL, boolean exceeds, double sigmaHours,
                                double hoursAboveLimit) {
    }

    /**
     * Hours a Gaussian pulse C(t) = peak·exp(−(t−τ)²/(2σ²)) stays above {@code limit}: C(t) > L while
     * |t − τ| < σ·√(2·ln(peak/L)), i.e. for 2σ·√(2·ln(peak/L)); 0 when peak ≤ L.
     */
    public static double hoursAboveLimit(double peakUgPerL, double limitUgPerL, double sigmaHours) {
        if (!(peakUgPerL > limitUgPerL) || !(limitUgPerL > 0)) {
            return 0.0;
        }
        return 2.0 * sigmaHours * Math.sqrt(2.0 * Math.log(peakUgPerL / limitUgPerL));
    }

    /** The spill's impact at every river station downstream of the outfall (wells are outside the river model). */
    public static List<StationImpact> impacts(RiverNetwork n, String outfallId, double massKg, int month) {
        if (!(massKg > 0)) {
            throw new InvalidInputException("--tl-kg must be positive, got " + massKg);
        }
        RiverNetwork.Outfall o = n.outfall(outfallId);
        List<StationImpact> out = new ArrayList<>();
        for (RiverNetwork.Station s : n.stations()) {
            if (!s.kind().surface()) {
                continue;
            }
            Optional<List<RiverNetwork.Leg>> path = n.path(RiverNetwork.pointOf(o), RiverNetwork.pointOf(s));
            if (path.isEmpty()) {
                continue;
            }
            Transport.Travel tr = Transport.travel(path.get(), month);
            double peak = Transport.pulsePeakUgPerL(massKg, tr, 0.0);
            double limit = n.limitUgPerL(s);
            double sigmaH = Math.sqrt(Math.max(tr.varianceS2(), 1.0)) / 3600.0; // as the pulse kernel
            out.add(new StationImpact(s.id(), s.kind(), tr.distanceKm(), tr.arrivalHours(), peak, limit, peak > limit,
                    sigmaH, hoursAboveLimit(peak, limit, sigmaH)));
        }
        out.sort((a, b) -> Double.compare(a.distanceKm(), b.distanceKm()));
        return out;
    }

    /** One synthetic sample in the ingest CSV format. */
    public record Sample(String station, LocalDateTime time, double valueUgPerL, boolean belowDetection) {
    }

    /**
     * The samples every river station would report for the spill, every {@code intervalHours} from the release to
     * the passing of the last cloud (travel + 4σ, at least 24 h). Values below the detection limit are reported as
     * {@code <} the limit. Deterministic: no noise is added.
     */
    public static List<Sample> samples(RiverNetwork n, String outfallId, double massKg, LocalDateTime at,
                                       double intervalHours) {
        int month = at.getMonthValue();
        RiverNetwork.Outfall o = n.outfall(outfallId);
        double endH = 24;
        for (StationImpact i : impacts(n, outfallId, massKg, month)) {
            endH = Math.max(endH, i.arrivalHours() + 4 * i.sigmaHours());
        }
        List<Sample> out = new ArrayList<>();
        for (RiverNetwork.Station s : n.stations()) {
            if (!s.kind().surface()) {
                continue;
            }
            Optional<List<RiverNetwork.Leg>> path = n.path(RiverNetwork.pointOf(o), RiverNetwork.pointOf(s));
            Transport.Travel tr = path.map(p -> Transport.travel(p, month)).orElse(null);
            for (double h = 0; h <= endH + 1e-9; h += intervalHours) {
                double c = tr == null ? 0.0 : Transport.pulseUgPerL(massKg, tr, 0.0, h * 3600.0);
                LocalDateTime t = at.plusMinutes(Math.round(h * 60));
                boolean bdl = c < SYNTHETIC_DETECTION_LIMIT_UG_PER_L;
                out.add(new Sample(s.id(), t, bdl ? SYNTHETIC_DETECTION_LIMIT_UG_PER_L : c, bdl));
            }
        }
        return out;
    }

    /** The samples as an ingest CSV (header station,time,analyte,value,unit,detection_limit,qualifier,lab). */
    public static String toCsv(List<Sample> samples) {
        StringBuilder sb = new StringBuilder("station,time,analyte,value,unit,detection_limit,qualifier,lab\n");
        DateTimeFormatter f = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
        for (Sample s : samples) {
            sb.append(s.station()).append(',').append(f.format(s.time())).append(",thallium,")
                    .append(String.format(Locale.ROOT, "%.5f", s.valueUgPerL())).append(",ug/L,")
                    .append(SYNTHETIC_DETECTION_LIMIT_UG_PER_L).append(',').append(s.belowDetection() ? "<" : "")
                    .append(",SYNTHETIC\n");
        }
        return sb.toString();
    }

    /** Peak concentration of the spill along the river from the outfall to the outlet, every {@code stepKm}. */
    public static List<double[]> peakProfile(RiverNetwork n, String outfallId, double massKg, int month, double stepKm) {
        RiverNetwork.Outfall o = n.outfall(outfallId);
        List<double[]> out = new ArrayList<>();
        RiverNetwork.Reach r = n.reach(o.reach());
        double km = o.km();
        double dist = 0;
        while (r != null) {
            for (double x = km + (dist == 0 ? stepKm : 0); x <= r.lengthKm() + 1e-9; x += stepKm) {
                var path = n.path(RiverNetwork.pointOf(o), new RiverNetwork.Point(r.id(), x)).orElseThrow();
                Transport.Travel tr = Transport.travel(path, month);
                out.add(new double[] {tr.distanceKm(), Transport.pulsePeakUgPerL(massKg, tr, 0.0)});
            }
            dist += r.lengthKm() - km;
            km = 0;
            r = r.downstream().isEmpty() ? null : n.reach(r.downstream());
        }
        return out;
    }
}
