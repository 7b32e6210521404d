package org.lichain.environment;

import org.lichain.dataset.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The river network of the environment model: reaches draining into one another (a tree towards the outlet),
 * monthly flows and velocities per reach, outfalls linked to plants and monitoring stations, and the
 * concentration standards the stations are held to. Loaded from the dataset files
 * {@code river_reaches.csv}, {@code river_flows.csv}, {@code river_outfalls.csv},
 * {@code monitoring_stations.csv} and {@code env_standards.csv}.
 */
public final class RiverNetwork {
    /**
     * One reach. Flow is lumped at its head (lateral inflow enters there: named simplification).
     *
     * @param downstream id of the reach it drains into, "" for the outlet
     */
    public record Reach(String id, String name, String river, String downstream, double lengthKm,
                        double basinAreaKm2, double meanFlowM3PerS, double meanVelocityMPerS,
                        double dispersionM2PerS, double lossPerDay, double[] flowM3PerS, double[] velocityMPerS,
                        String source) {
        /** Flow in calendar month 1..12. */
        public double flow(int month) {
            return flowM3PerS[month - 1];
        }

        public double velocity(int month) {
            return velocityMPerS[month - 1];
        }
    }

    /** An outfall discharging into a reach at a distance from its head; {@code plant} is an asset id or "". */
    public record Outfall(String id, String plant, String kind, String reach, double km, double effluentM3PerDay,
                          String source) {
    }

    /** A monitoring station on a reach (wells: beside the reach, linked to a site) held to a standard. */
    public record Station(String id, StationKind kind, String reach, double km, String site, String standard,
                          String source) {
    }

    /** A point on the network. */
    public record Point(String reach, double km) {
    }

    private final Map<String, Reach> reaches;
    private final Map<String, Outfall> outfalls;
    private final Map<String, Station> stations;
    private final Map<String, Standard> standards;

    public RiverNetwork(List<Reach> reaches, List<Outfall> outfalls, List<Station> stations,
                        List<Standard> standards) {
        this.reaches = index(reaches, Reach::id);
        this.outfalls = index(outfalls, Outfall::id);
        this.stations = index(stations, Station::id);
        this.standards = index(standards, Standard::id);
    }

    private static <T> Map<String, T> index(List<T> list, java.util.function.Function<T, String> id) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T t : list) {
            m.put(id.apply(t), t);
        }
        return Collections.unmodifiableMap(m);
    }

    public List<Reach> reaches() {
        return List.copyOf(reaches.values());
    }

    public List<Outfall> outfalls() {
        return List.copyOf(outfalls.values());
    }

    public List<Station> stations() {
        return List.copyOf(stations.values());
    }

    public List<Standard> standards() {
        return List.copyOf(standards.values());
    }

    public Reach reach(String id) {
        return get(reaches, id, "reach");
    }

    public Outfall outfall(String id) {
        return get(outfalls, id, "outfall");
    }

    public Station station(String id) {
        return get(stations, id, "station");
    }

    public Optional<Station> findStation(String id) {
        return Optional.ofNullable(stations.get(id));
    }

    public Standard standard(String id) {
        return get(standards, id, "standard");
    }

    /** The limit (µg/L) a station is held to. */
    public double limitUgPerL(Station s) {
        return standard(s.standard()).limitUgPerL();
    }

    private static <T> T get(Map<String, T> m, String id, String what) {
        T t = m.get(id);
        if (t == null) {
            throw new InvalidInputException(org.lichain.dataset.KnownIds.message(id, m.keySet(), null, what,
                    "list them with 'lichain env river'"));
        }
        return t;
    }

    /** One stretch of a downstream path: a reach from {@code fromKm} to {@code toKm}. */
    public record Leg(Reach reach, double fromKm, double toKm) {
        public double lengthM() {
            return (toKm - fromKm) * 1000.0;
        }
    }

    /**
     * The path from {@code from} down to {@code to}, or empty when {@code to} is not downstream of {@code from}
     * (a point is downstream of itself only at a larger or equal km on the same reach).
     */
    public Optional<List<Leg>> path(Point from, Point to) {
        List<Leg> legs = new ArrayList<>();
        Reach r = reach(from.reach());
        double km = from.km();
        int guard = 0;
        while (r != null && guard++ <= reaches.size()) {
            if (r.id().equals(to.reach())) {
                if (to.km() + 1e-9 < km) {
                    return Optional.empty();
                }
                legs.add(new Leg(r, km, to.km()));
                return Optional.of(legs);
            }
            legs.add(new Leg(r, km, r.lengthKm()));
            r = r.downstream().isEmpty() ? null : reaches.get(r.downstream());
            km = 0.0;
        }
        return Optional.empty();
    }

    public static double distanceKm(List<Leg> legs) {
        double d = 0;
        for (Leg l : legs) {
            d += l.toKm() - l.fromKm();
        }
        return d;
    }

    public static Point pointOf(Outfall o) {
        return new Point(o.reach(), o.km());
    }

    public static Point pointOf(Station s) {
        return new Point(s.reach(), s.km());
    }

    /** Outfalls upstream of (or at) a station's section. */
    public List<Outfall> upstreamOutfalls(Station s) {
        List<Outfall> up = new ArrayList<>();
        for (Outfall o : outfalls.values()) {
            if (path(pointOf(o), pointOf(s)).isPresent()) {
                up.add(o);
            }
        }
        return up;
    }

    /** Reaches in topological order, headwaters first (every reach after all that drain into it). */
    public List<Reach> topologicalOrder() {
        Map<String, Integer> depth = new HashMap<>();
        for (Reach r : reaches.values()) {
            int d = 0;
            Reach x = r;
            while (!x.downstream().isEmpty() && d <= reaches.size()) {
                x = reaches.get(x.downstream());
                d++;
            }
            depth.put(r.id(), d);
        }
        List<Reach> order = new ArrayList<>(reaches.values());
        order.sort((a, b) -> Integer.compare(depth.get(b.id()), depth.get(a.id())));
        return order;
    }
}
