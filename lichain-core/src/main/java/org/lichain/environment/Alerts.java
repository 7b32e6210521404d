package org.lichain.environment;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.lichain.world.World;

/**
 * Exceedance alerts from stored measurements: single values over a station's limit, rolling means over the limit,
 * and rising trends (Mann–Kendall, one-sided 95 %, once the latest value is at least half the limit). Each alert
 * names the outfalls upstream of the station and what they were estimated to discharge that month.
 *
 * <p>Below detection: never an exceedance on its own; in a rolling mean a below-detection value counts as half its
 * detection limit (a common substitution, named here). Wells are checked against their groundwater class; their
 * upstream outfalls are those at or above the well's position on its reach (named simplification: no aquifer model).
 */
public final class Alerts {
    /** Options: rolling-mean window (samples) and trend window (samples). */
    public record Options(int rollingSamples, int trendSamples) {
        public static final Options DEFAULT = new Options(3, 6);
    }

    /** An upstream outfall and its estimated thallium discharge in the alert's month (NaN when not estimated). */
    public record Upstream(String outfall, String plant, double distanceKm, double thalliumKgPerMonth) {
    }

    public record Alert(String station, StationKind stationKind, String kind, String analyte, LocalDateTime time,
                        double valueUgPerL, double limitUgPerL, String detail, List<Upstream> upstream) {
    }

    private Alerts() {
    }

    /**
     * Monthly thallium discharges (kg per month) of an outfall's plant from a ledger; NaN when the outfall names no
     * plant, the plant is not in the ledger or the month is outside it (the alert then says "discharge unknown").
     */
    public static BiFunction<RiverNetwork.Outfall, YearMonth, Double> ledgerDischarge(EnvironmentLedger l) {
        return (of, month) -> {
            if (of.plant().isEmpty()) {
                return Double.NaN;
            }
            int i = l.production.indexOf(month);
            int a = l.indexOf(of.plant());
            return i < 0 || a < 0 ? Double.NaN : l.thalliumToWaterKg[a][i];
        };
    }

    /**
     * Outfall discharges ({@link #ledgerDischarge}) from the historical ledger through {@code maxYear} (at least
     * {@link EnvironmentLedger#HISTORICAL_FROM_YEAR}), on reported production, else capacity.
     */
    public static BiFunction<RiverNetwork.Outfall, YearMonth, Double> historicalDischarge(World world, int maxYear) {
        return ledgerDischarge(EnvironmentLedger.historical(world, Math.max(maxYear,
                EnvironmentLedger.HISTORICAL_FROM_YEAR), ProductionSeries.Basis.REPORTED_ELSE_CAPACITY));
    }

    /**
     * @param discharge estimated thallium to water of an outfall in a month, kg (NaN when unknown)
     */
    public static List<Alert> evaluate(RiverNetwork n, List<MonitoringStore.Measurement> measurements, Options o,
                                       BiFunction<RiverNetwork.Outfall, YearMonth, Double> discharge) {
        Map<String, List<MonitoringStore.Measurement>> byStation = new LinkedHashMap<>();
        for (MonitoringStore.Measurement m : measurements) {
            byStation.computeIfAbsent(m.station(), k -> new ArrayList<>()).add(m);
        }
        List<Alert> out = new ArrayList<>();
        for (var e : byStation.entrySet()) {
            Optional<RiverNetwork.Station> st = n.findStation(e.getKey());
            if (st.isEmpty()) {
                continue;
            }
            RiverNetwork.Station s = st.get();
            Standard std = n.standard(s.standard());
            List<MonitoringStore.Measurement> series = new ArrayList<>();
            for (MonitoringStore.Measurement m : e.getValue()) {
                if (m.analyte().equals(std.analyte())) {
                    series.add(m);
                }
            }
            series.sort((a, b) -> a.time().compareTo(b.time()));
            StationEvaluator ev = new StationEvaluator(n, s, o, discharge);
            for (MonitoringStore.Measurement m : series) {
                ev.add(m, true, out::add);
            }
        }
        out.sort(BY_TIME_THEN_STATION);
        return out;
    }

    /** The order of an alert list: by time, then station (stable within a station). */
    public static final java.util.Comparator<Alert> BY_TIME_THEN_STATION = (a, b) -> {
        int c = a.time().compareTo(b.time());
        return c != 0 ? c : a.station().compareTo(b.station());
    };

    /**
     * The alert rules of one station, fed its measurements in time order one at a time: keeps only the last
     * {@code max(rolling, trend)} samples, so a station's whole history can stream through in bounded memory. The
     * state after a sample depends on those last samples only, so feeding the samples that precede a position with
     * {@code emit = false} (warm-up) gives exactly the alerts a full pass gives from that position on: that is how a
     * page of alerts resumes from a cursor.
     */
    public static final class StationEvaluator {
        private final RiverNetwork n;
        private final RiverNetwork.Station s;
        private final Options o;
        private final BiFunction<RiverNetwork.Outfall, YearMonth, Double> discharge;
        private final Standard std;
        private final double limit;
        private final MonitoringStore.Measurement[] window;
        private long count;
        private boolean meanOver;
        private boolean rising;

        public StationEvaluator(RiverNetwork n, RiverNetwork.Station s, Options o,
                                BiFunction<RiverNetwork.Outfall, YearMonth, Double> discharge) {
            this.n = n;
            this.s = s;
            this.o = o;
            this.discharge = discharge;
            this.std = n.standard(s.standard());
            this.limit = std.limitUgPerL();
            this.window = new MonitoringStore.Measurement[warmUp(o)];
        }

        /** Samples this evaluator must see before a position for its alerts from there on to be exact. */
        public static int warmUp(Options o) {
            return Math.max(o.rollingSamples(), o.trendSamples());
        }

        /** The analyte this station's standard limits (other analytes are not evaluated). */
        public String analyte() {
            return std.analyte();
        }

        private MonitoringStore.Measurement back(int k) { // k = 0: the latest sample
            return window[(int) ((count - 1 - k) % window.length)];
        }

        /** Adds the next sample (time order); its alerts go to {@code sink} when {@code emit}. */
        public void add(MonitoringStore.Measurement m, boolean emit, java.util.function.Consumer<Alert> sink) {
            window[(int) (count % window.length)] = m;
            count++;
            if (emit && !m.belowDetection() && m.valueUgPerL() > limit) {
                sink.accept(alert(n, s, "single", m, m.valueUgPerL(), limit, String.format(java.util.Locale.ROOT,
                        "%.4f µg/L is %.1f× the %s limit %.4f µg/L", m.valueUgPerL(), m.valueUgPerL() / limit,
                        std.id(), limit), discharge));
            }
            if (count >= o.rollingSamples()) {
                double sum = 0;
                for (int k = o.rollingSamples() - 1; k >= 0; k--) {
                    MonitoringStore.Measurement x = back(k);
                    sum += x.belowDetection() ? x.valueUgPerL() / 2.0 : x.valueUgPerL();
                }
                double mean = sum / o.rollingSamples();
                if (emit && mean > limit && !meanOver) {
                    sink.accept(alert(n, s, "rolling_mean", m, mean, limit, String.format(java.util.Locale.ROOT,
                            "mean of the last %d samples %.4f µg/L over the limit %.4f µg/L", o.rollingSamples(),
                            mean, limit), discharge));
                }
                meanOver = mean > limit;
            }
            if (count >= o.trendSamples()) {
                double[] v = new double[o.trendSamples()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = back(v.length - 1 - j).valueUgPerL();
                }
                double z = mannKendallZ(v);
                boolean up = z > 1.645 && m.valueUgPerL() >= limit / 2.0;
                if (emit && up && !rising) {
                    sink.accept(alert(n, s, "rising_trend", m, m.valueUgPerL(), limit, String.format(
                            java.util.Locale.ROOT, "rising over the last %d samples (Mann-Kendall z = %.2f), "
                                    + "latest %.4f µg/L vs limit %.4f µg/L", v.length, z, m.valueUgPerL(), limit),
                            discharge));
                }
                rising = up;
            }
        }
    }

    /** Mann–Kendall Z statistic (no tie correction) of a series. */
    public static double mannKendallZ(double[] v) {
        int n = v.length;
        int s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Double.compare(v[j], v[i]) > 0 ? 1 : Double.compare(v[j], v[i]) < 0 ? -1 : 0;
            }
        }
        double var = n * (n - 1) * (2.0 * n + 5) / 18.0;
        if (s > 0) {
            return (s - 1) / Math.sqrt(var);
        }
        if (s < 0) {
            return (s + 1) / Math.sqrt(var);
        }
        return 0;
    }

    private static Alert alert(RiverNetwork n, RiverNetwork.Station s, String kind, MonitoringStore.Measurement m,
                               double value, double limit, String detail,
                               BiFunction<RiverNetwork.Outfall, YearMonth, Double> discharge) {
        List<Upstream> up = new ArrayList<>();
        YearMonth month = YearMonth.from(m.time());
        for (RiverNetwork.Outfall o : n.upstreamOutfalls(s)) {
            double d = RiverNetwork.distanceKm(n.path(RiverNetwork.pointOf(o), RiverNetwork.pointOf(s)).orElseThrow());
            up.add(new Upstream(o.id(), o.plant(), d, discharge.apply(o, month)));
        }
        up.sort((a, b) -> Double.compare(a.distanceKm(), b.distanceKm()));
        return new Alert(s.id(), s.kind(), kind, m.analyte(), m.time(), value, limit, detail, up);
    }

    /** Hours within which alerts of connected stations are one incident (a pulse passes a reach in about a day). */
    public static final int INCIDENT_WINDOW_HOURS = 48;

    /**
     * Alerts that belong to one event: {@code stations} involved, the time span, how many alerts, the largest value as
     * a multiple of its limit, and the outfalls upstream of every station of the incident ({@code commonUpstream}, the
     * candidates a regulator looks at first).
     */
    public record Incident(int number, List<String> stations, LocalDateTime first, LocalDateTime last, int alerts,
                           double maxTimesLimit, List<String> commonUpstream) {
    }

    /**
     * Groups alerts into incidents: two alerts are linked when they are at most {@link #INCIDENT_WINDOW_HOURS} apart
     * and their stations share an upstream outfall (or are the same station); an incident is a connected set of
     * alerts (single linkage). Incidents are numbered in order of their first alert.
     */
    public static List<Incident> incidents(List<Alert> alerts) {
        int n = alerts.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Alert a = alerts.get(i);
                Alert b = alerts.get(j);
                long h = Math.abs(java.time.Duration.between(a.time(), b.time()).toHours());
                if (h <= INCIDENT_WINDOW_HOURS && (a.station().equals(b.station()) || shareUpstream(a, b))) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<Alert>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(alerts.get(i));
        }
        List<List<Alert>> sorted = new ArrayList<>(groups.values());
        sorted.sort((x, y) -> first(x).compareTo(first(y)));
        List<Incident> out = new ArrayList<>();
        for (List<Alert> g : sorted) {
            java.util.TreeSet<String> stations = new java.util.TreeSet<>();
            LocalDateTime last = g.get(0).time();
            double max = 0;
            java.util.LinkedHashSet<String> common = null;
            for (Alert a : g) {
                stations.add(a.station());
                last = a.time().isAfter(last) ? a.time() : last;
                if (a.limitUgPerL() > 0) {
                    max = Math.max(max, a.valueUgPerL() / a.limitUgPerL());
                }
                java.util.LinkedHashSet<String> up = new java.util.LinkedHashSet<>();
                a.upstream().forEach(u -> up.add(u.outfall()));
                if (common == null) {
                    common = up;
                } else {
                    common.retainAll(up);
                }
            }
            out.add(new Incident(out.size() + 1, List.copyOf(stations), first(g), last, g.size(), max,
                    common == null ? List.of() : List.copyOf(common)));
        }
        return out;
    }

    private static LocalDateTime first(List<Alert> g) {
        LocalDateTime f = g.get(0).time();
        for (Alert a : g) {
            f = a.time().isBefore(f) ? a.time() : f;
        }
        return f;
    }

    private static boolean shareUpstream(Alert a, Alert b) {
        for (Upstream u : a.upstream()) {
            for (Upstream v : b.upstream()) {
                if (u.outfall().equals(v.outfall())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
