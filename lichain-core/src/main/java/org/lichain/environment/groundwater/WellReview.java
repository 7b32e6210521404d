package org.lichain.environment.groundwater;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lichain.environment.Alerts;
import org.lichain.environment.MonitoringStore;

/**
 * The monitoring wells' thallium samples from the monitoring store (ingested like river samples) judged against the
 * GB/T 14848-2017 classes, with a Mann–Kendall trend test (one-sided 95 %, |z| > 1.645, no tie correction) over the
 * last samples, each well named with its source stack: the residue stack of its groundwater site, upgradient of it.
 * Below-detection values enter the trend at their detection limit (a named choice: equal values are ties, so a run of
 * non-detects shows no trend) and never count as a class exceedance.
 */
public final class WellReview {
    /** One-sided 95 % normal quantile for the Mann–Kendall test. */
    public static final double TREND_Z = 1.645;

    private WellReview() {
    }

    /**
     * One well's status.
     *
     * @param stackDistanceM how far downgradient of its stack's edge the well is (m); NaN when the well has no site
     * @param trend          rising, falling or none
     * @param alerts         human-readable reasons: class exceedances and a rising trend
     */
    public record WellStatus(String station, String site, String stackAsset, double stackDistanceM, int samples,
                             LocalDateTime latestAt, double latestUgPerL, boolean latestBelowDetection,
                             GroundwaterClass latestClass, double maxUgPerL, GroundwaterClass worstClass,
                             int samplesOverClassIii, double mannKendallZ, String trend, List<String> alerts) {
    }

    /**
     * Reviews every well station that has thallium samples.
     *
     * @param wellStations the ids of the network's well stations
     * @param trendSamples how many of the latest samples the trend test uses (at least 3)
     */
    public static List<WellStatus> review(GroundwaterSites sites, List<String> wellStations,
                                          List<MonitoringStore.Measurement> measurements, int trendSamples) {
        if (trendSamples < 3) {
            throw new org.lichain.dataset.InvalidInputException("the trend needs at least 3 samples, got " + trendSamples);
        }
        Map<String, List<MonitoringStore.Measurement>> by = new LinkedHashMap<>();
        for (String w : wellStations) {
            by.put(w, new ArrayList<>());
        }
        for (MonitoringStore.Measurement m : measurements) {
            if (by.containsKey(m.station()) && m.analyte().equals("thallium")) {
                by.get(m.station()).add(m);
            }
        }
        List<WellStatus> out = new ArrayList<>();
        for (var e : by.entrySet()) {
            List<MonitoringStore.Measurement> s = e.getValue();
            if (s.isEmpty()) {
                continue;
            }
            s.sort((a, b) -> a.time().compareTo(b.time()));
            GroundwaterSite site = sites == null ? null : sites.siteOfStation(e.getKey());
            double dist = Double.NaN;
            if (site != null) {
                for (GroundwaterSite.Point p : site.points()) {
                    if (e.getKey().equals(p.station())) {
                        dist = p.xM();
                    }
                }
            }
            double max = 0;
            int over = 0;
            List<String> alerts = new ArrayList<>();
            for (MonitoringStore.Measurement m : s) {
                if (m.belowDetection()) {
                    continue;
                }
                max = Math.max(max, m.valueUgPerL());
                GroundwaterClass c = GroundwaterClass.ofThalliumUgPerL(m.valueUgPerL());
                if (c != GroundwaterClass.I_III) {
                    over++;
                    alerts.add(String.format(Locale.ROOT, "%s: %.4f µg/L is class %s (over the class III limit "
                            + "%.1f µg/L)", m.time(), m.valueUgPerL(), c.label(), GroundwaterClass.CLASS_III_LIMIT_UG_PER_L));
                }
            }
            int n = Math.min(trendSamples, s.size());
            double z = 0;
            if (n >= 3) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = s.get(s.size() - n + i).valueUgPerL();
                }
                z = Alerts.mannKendallZ(v);
            }
            String trend = z > TREND_Z ? "rising" : z < -TREND_Z ? "falling" : "none";
            if (trend.equals("rising")) {
                alerts.add(String.format(Locale.ROOT, "rising over the last %d samples (Mann-Kendall z = %.2f)", n, z));
            }
            MonitoringStore.Measurement last = s.get(s.size() - 1);
            out.add(new WellStatus(e.getKey(), site == null ? "" : site.id(), site == null ? "" : site.asset(), dist,
                    s.size(), last.time(), last.valueUgPerL(), last.belowDetection(),
                    last.belowDetection() ? GroundwaterClass.I_III : GroundwaterClass.ofThalliumUgPerL(last.valueUgPerL()),
                    max, GroundwaterClass.ofThalliumUgPerL(max), over, z, trend, alerts));
        }
        return out;
    }
}
