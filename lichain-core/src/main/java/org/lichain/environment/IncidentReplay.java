package org.lichain.environment;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays a river thallium incident with the river model ({@link RiverNetwork}, {@link Transport}): from one observed
 * concentration at a station, for every outfall upstream of it, the releases that are consistent with the observation
 * (an instantaneous pulse, or a continuous discharge), the hours from release to the station, and what each station
 * between the outfall and the observed one would have seen with hourly or daily sampling.
 *
 * <p>One observation cannot fix both the mass and the time of a pulse: if the observation is z standard deviations of
 * the passing cloud from its peak, the mass is M(z) = M_min·exp(z²/2), released z·σ earlier or later than at the
 * peak. The range reported is |z| ≤ {@link #Z_RANGE} (named: the observation within two standard deviations of the
 * cloud's peak). A continuous discharge gives the same steady concentration from any outfall upstream (no loss, no
 * near-field zone), so the river model alone cannot say which outfall it was. Both are stated in {@link #caveats}.
 */
public final class IncidentReplay {
    /** Half-width of the consistent range, in standard deviations of the passing cloud. */
    public static final double Z_RANGE = 2.0;

    private IncidentReplay() {
    }

    /**
     * The incident as observed.
     *
     * @param namedOutfalls outfalls of the sources named by the authorities (may be empty)
     */
    public record Incident(String id, String title, String station, LocalDateTime observedAt, double observedUgPerL,
                           String observationSource, List<String> namedOutfalls, String attributionSource,
                           List<String> assumptions) {
    }

    /** The 2022 Jinjiang thallium event (reference/environment.md §3). */
    public static Incident jinjiang2022(double observedUgPerL) {
        return new Incident("jinjiang-2022",
                "Jinjiang thallium event, November 2022 (Yichun / Gao'an)",
                "ST-INTAKE-GAOAN", LocalDateTime.of(2022, 11, 24, 12, 0), observedUgPerL,
                "24 Nov 2022: abnormal thallium in a full-indicator analysis of the Jinjiang mainstream drinking-water "
                        + "source (YICHUN-NOTICE via WEIDONGHUI; Gao'an notice of 25 Nov, CNPOWDER; "
                        + "reference/environment.md §3). The concentration was not published in the stored sources "
                        + "(reference/environment.md §3); the default 0.22 µg/L (\"more than twice the 0.1 µg/L limit\") "
                        + "is the figure of the project brief — reference/environment.md §4 records 0.22 µg/L for the Jan 2021 "
                        + "Jialing River event (SCMP2021) — so it is an assumed observation (--observed-ug-per-l)",
                List.of("OF-QIJIN", "OF-YONGXING"),
                "8 Dec 2022 Yichun notice: mainly a secondary-lead firm, Jiangxi Qijin Materials; Qijin and Jiangxi "
                        + "Yongxing Special Steel New Energy suspected of discharging while evading supervision "
                        + "(YICHUN-NOTICE via WEIDONGHUI, reference/environment.md §3)",
                List.of("observation at 12:00 on 24 Nov 2022 (time of day not published; assumed)",
                        "observed station = the dataset's Gao'an intake ST-INTAKE-GAOAN (JJ-4 km 5, position assumed)",
                        "November flows and velocities of river_flows.csv (estimates: assumed monsoon regime; "
                                + "dry-season flows not sourced, reference/environment.md §7)",
                        "outfall positions of river_outfalls.csv (estimates; Qijin's position assumed)",
                        "background thallium 0; no first-order loss (k = 0, the conservative default)",
                        "fully mixed sections from the outfall on, no dead-zone storage (the model overstates peaks "
                                + "near the outfall, so it understates the mass needed)"));
    }

    /** What a station between the outfall and the observed one would have seen. */
    public record UpstreamView(String station, StationKind kind, double distanceFromOutfallKm, double limitUgPerL,
                               double peakUgPerL, LocalDateTime peakAt, LocalDateTime firstOverLimitAt,
                               double hoursOverLimit, double hourlyMaxSampledUgPerL, LocalDateTime hourlyFirstAlertAt,
                               double dailyMaxSampledMinUgPerL, double dailyMaxSampledMaxUgPerL,
                               double dailyCatchShare, double leadHoursBeforeObservation) {
    }

    /** One outfall's consistent releases. */
    public record Candidate(String outfall, String plant, String kind, boolean named, double distanceKm,
                            double travelHours, double travelHoursFastVelocity, double travelHoursSlowVelocity,
                            double sigmaHours, double minimumMassKg, double massAtRangeEdgeKg,
                            LocalDateTime releaseAtPeak, LocalDateTime releaseEarliest, LocalDateTime releaseLatest,
                            double continuousKgPerDay, List<UpstreamView> upstream) {
    }

    public record Result(Incident incident, double limitUgPerL, double flowAtStationM3PerS, int month,
                         List<Candidate> candidates, List<String> caveats) {
    }

    /**
     * Replays the incident on a network.
     *
     * @param velocitySpread relative spread of river velocities for the travel-time range (0.3 = ±30 %)
     */
    public static Result replay(RiverNetwork n, Incident inc, double velocitySpread) {
        if (!(inc.observedUgPerL() > 0) || !Double.isFinite(inc.observedUgPerL())) {
            throw new org.lichain.dataset.InvalidInputException("observed concentration must be a positive number of µg/L, got "
                    + inc.observedUgPerL());
        }
        if (!(velocitySpread >= 0 && velocitySpread < 1)) {
            throw new org.lichain.dataset.InvalidInputException("velocity spread must be in [0, 1), got " + velocitySpread);
        }
        RiverNetwork.Station st = n.station(inc.station());
        int month = inc.observedAt().getMonthValue();
        double limit = n.limitUgPerL(st);
        RiverNetwork.Point at = RiverNetwork.pointOf(st);
        List<Candidate> out = new ArrayList<>();
        double qAt = n.reach(st.reach()).flow(month);
        List<RiverNetwork.Outfall> upstream = n.upstreamOutfalls(st);
        // continuous: steady concentration = load / (flow + upstream effluent) → load = C·Q (the same for every outfall)
        double effluent = 0;
        for (RiverNetwork.Outfall x : upstream) {
            effluent += x.effluentM3PerDay() / 86400.0;
        }
        double kgPerDay = inc.observedUgPerL() * (qAt + effluent) * 86400.0 / 1e6; // µg/L = mg/m³ → kg/day
        for (RiverNetwork.Outfall o : upstream) {
            List<RiverNetwork.Leg> path = n.path(RiverNetwork.pointOf(o), at).orElseThrow();
            Transport.Travel tr = Transport.travel(path, month);
            double perKg = Transport.pulsePeakUgPerL(1.0, tr, 0.0);
            double mMin = inc.observedUgPerL() / perKg;
            double sigmaH = Math.sqrt(Math.max(tr.varianceS2(), 1.0)) / 3600.0;
            LocalDateTime atPeak = inc.observedAt().minusSeconds(Math.round(tr.travelTimeS()));
            List<UpstreamView> views = new ArrayList<>();
            for (RiverNetwork.Station s : n.stations()) {
                if (!s.kind().surface() || s.id().equals(st.id())) {
                    continue;
                }
                Optional<List<RiverNetwork.Leg>> p1 = n.path(RiverNetwork.pointOf(o), RiverNetwork.pointOf(s));
                Optional<List<RiverNetwork.Leg>> p2 = n.path(RiverNetwork.pointOf(s), at);
                if (p1.isEmpty() || p2.isEmpty()) {
                    continue;
                }
                views.add(view(n, s, Transport.travel(p1.get(), month), mMin, atPeak, inc.observedAt()));
            }
            views.sort((a, b) -> Double.compare(a.distanceFromOutfallKm(), b.distanceFromOutfallKm()));
            double zShift = Z_RANGE * sigmaH;
            out.add(new Candidate(o.id(), o.plant(), o.kind(), inc.namedOutfalls().contains(o.id()), tr.distanceKm(),
                    tr.arrivalHours(), tr.arrivalHours() / (1 + velocitySpread),
                    tr.arrivalHours() / (1 - velocitySpread), sigmaH, mMin, mMin * Math.exp(Z_RANGE * Z_RANGE / 2),
                    atPeak, atPeak.minusSeconds(Math.round(zShift * 3600)),
                    atPeak.plusSeconds(Math.round(zShift * 3600)), kgPerDay, views));
        }
        out.sort((a, b) -> {
            if (a.named() != b.named()) {
                return a.named() ? -1 : 1;
            }
            return Double.compare(a.distanceKm(), b.distanceKm());
        });
        List<String> caveats = List.of(
                "one observation: a pulse's mass and release time trade off (M = M_min·exp(z²/2) for an observation z "
                        + "standard deviations from the peak); only the minimum mass is bounded, the range shown is "
                        + "|z| ≤ " + Z_RANGE,
                "a continuous discharge of " + String.format(java.util.Locale.ROOT, "%.2f", out.isEmpty() ? 0.0
                        : out.get(0).continuousKgPerDay()) + " kg Tl/day explains the same value from any upstream "
                        + "outfall (steady state, no loss): the river model alone cannot tell the outfalls apart; the "
                        + "attribution rests on the authorities' investigation",
                "travel times scale with the assumed velocities: ±" + Math.round(velocitySpread * 100)
                        + " % velocity gives the travel-hour range shown",
                "the observed concentration is an assumption for this event (see the observation source)",
                "sampling of the intake before 24 Nov 2022 is not published: an earlier clean sample would bound the "
                        + "release time, none is used");
        return new Result(inc, limit, qAt, month, out, caveats);
    }

    private static UpstreamView view(RiverNetwork n, RiverNetwork.Station s, Transport.Travel tr, double massKg,
                                     LocalDateTime release, LocalDateTime observedAt) {
        double limit = n.limitUgPerL(s);
        double peak = Transport.pulsePeakUgPerL(massKg, tr, 0.0);
        LocalDateTime peakAt = release.plusSeconds(Math.round(tr.travelTimeS()));
        double var = Math.max(tr.varianceS2(), 1.0);
        LocalDateTime first = null;
        double hoursOver = 0;
        if (peak > limit) {
            double half = Math.sqrt(2 * var * Math.log(peak / limit)); // seconds either side of the peak above the limit
            first = peakAt.minusSeconds(Math.round(half));
            hoursOver = 2 * half / 3600.0;
        }
        // hourly samples on the hour: the largest sampled value and the first above the limit
        LocalDateTime start = release.withMinute(0).withSecond(0).withNano(0);
        double hourlyMax = 0;
        LocalDateTime hourlyAlert = null;
        double endH = tr.arrivalHours() + 6 * Math.sqrt(var) / 3600.0 + 2;
        for (int h = 0; h <= endH; h++) {
            LocalDateTime t = start.plusHours(h);
            double c = Transport.pulseUgPerL(massKg, tr, 0.0, java.time.Duration.between(release, t).getSeconds());
            hourlyMax = Math.max(hourlyMax, c);
            if (hourlyAlert == null && c > limit) {
                hourlyAlert = t;
            }
        }
        // daily samples at each hour of the day: the spread of the largest sampled value and the share that catch it
        double dMin = Double.POSITIVE_INFINITY;
        double dMax = 0;
        int caught = 0;
        for (int phase = 0; phase < 24; phase++) {
            double m = 0;
            for (int h = phase; h <= endH + 24; h += 24) {
                double c = Transport.pulseUgPerL(massKg, tr, 0.0,
                        java.time.Duration.between(release, start.plusHours(h)).getSeconds());
                m = Math.max(m, c);
            }
            dMin = Math.min(dMin, m);
            dMax = Math.max(dMax, m);
            if (m > limit) {
                caught++;
            }
        }
        double lead = java.time.Duration.between(peakAt, observedAt).getSeconds() / 3600.0;
        return new UpstreamView(s.id(), s.kind(), tr.distanceKm(), limit, peak, peakAt, first, hoursOver, hourlyMax,
                hourlyAlert, dMin, dMax, caught / 24.0, lead);
    }
}
