package org.lichain.environment;

import java.util.List;
import java.util.Optional;

/**
 * River transport of a dissolved, conservative-or-decaying substance (thallium) on a {@link RiverNetwork}:
 * <ul>
 * <li>steady state: complete mixing at each outfall, C0 = (Cp·Qp + Cu·Qu)/(Qp + Qu), advection with optional
 * first-order loss C = C0·exp(−k·x/u), and dilution wherever the flow grows (confluences, lateral inflow lumped at
 * the head of each reach) — HJ 2.3-2018 practice as summarised in reference/environment.md §7;</li>
 * <li>pulse: 1-D advection–dispersion of an instantaneous release. Across reaches the travel time τ = Σ L/u and the
 * temporal variance σt² = Σ 2·D·L/u³ add (the "frozen cloud" approximation, valid at high Péclet number), and the
 * concentration at a section is C(t) = M·exp(−kτ) / (Q·σt·√(2π)) · exp(−(t−τ)²/(2σt²)), so the mass passing the
 * section, ∫C·Q dt, equals the mass released.</li>
 * </ul>
 * Named simplifications: fully mixed cross-sections from the outfall on (no near-field zone), no dead-zone storage,
 * background concentration 0, effluent flows added to the river flow downstream of their outfall.
 */
public final class Transport {
    private Transport() {
    }

    /** Travel time (s) and temporal variance (s²) of a path in a calendar month. */
    public record Travel(double distanceKm, double travelTimeS, double varianceS2, double lossFactor, double flowM3PerS) {
        public double arrivalHours() {
            return travelTimeS / 3600.0;
        }
    }

    /** Travel along a downstream path in month 1..12; the flow is the one of the last leg's reach. */
    public static Travel travel(List<RiverNetwork.Leg> legs, int month) {
        double tau = 0;
        double var = 0;
        double lossExp = 0;
        double dist = 0;
        for (RiverNetwork.Leg l : legs) {
            double u = l.reach().velocity(month);
            double len = l.lengthM();
            double t = len / u;
            tau += t;
            var += 2.0 * l.reach().dispersionM2PerS() * len / (u * u * u);
            lossExp += l.reach().lossPerDay() * t / 86400.0;
            dist += len / 1000.0;
        }
        double q = legs.get(legs.size() - 1).reach().flow(month);
        return new Travel(dist, tau, var, Math.exp(-lossExp), q);
    }

    /**
     * Concentration (µg/L) at time {@code tS} after an instantaneous release of {@code massKg} given a travel;
     * the kernel of the pulse mode. At τ = 0 (station at the outfall) a mixing time of one second is used.
     */
    public static double pulseUgPerL(double massKg, Travel tr, double extraFlowM3PerS, double tS) {
        double var = Math.max(tr.varianceS2(), 1.0);
        double sigma = Math.sqrt(var);
        double q = tr.flowM3PerS() + extraFlowM3PerS;
        double dt = tS - tr.travelTimeS();
        // kg → g is ×1000, g/m³ = mg/L → µg/L is ×1000
        return massKg * 1e6 * tr.lossFactor() / (q * sigma * Math.sqrt(2.0 * Math.PI)) * Math.exp(-dt * dt / (2.0 * var));
    }

    /** Peak concentration (µg/L) of the pulse at the end of the travel. */
    public static double pulsePeakUgPerL(double massKg, Travel tr, double extraFlowM3PerS) {
        return pulseUgPerL(massKg, tr, extraFlowM3PerS, tr.travelTimeS());
    }

    /**
     * Steady-state concentration (µg/L) at a point, from continuous loads (g/s) at the network's outfalls in month
     * 1..12: the sum of each upstream outfall's load, decayed along its path, over the flow at the point plus the
     * effluent flows of all outfalls upstream of it.
     *
     * @param loadsGPerS load per outfall, in the order of {@code network.outfalls()}
     */
    public static double steadyUgPerL(RiverNetwork network, double[] loadsGPerS, RiverNetwork.Point at, int month) {
        List<RiverNetwork.Outfall> outfalls = network.outfalls();
        double massFlux = 0;
        double effluent = 0;
        for (int i = 0; i < outfalls.size(); i++) {
            RiverNetwork.Outfall o = outfalls.get(i);
            Optional<List<RiverNetwork.Leg>> p = network.path(RiverNetwork.pointOf(o), at);
            if (p.isEmpty()) {
                continue;
            }
            effluent += o.effluentM3PerDay() / 86400.0;
            if (loadsGPerS[i] > 0) {
                massFlux += loadsGPerS[i] * travel(p.get(), month).lossFactor();
            }
        }
        double q = network.reach(at.reach()).flow(month) + effluent;
        return massFlux / q * 1000.0; // g/m³ = mg/L; ×1000 → µg/L
    }

    /** A sample of the steady-state profile along the path from a point to the outlet, every {@code stepKm}. */
    public record ProfilePoint(double distanceKm, String reach, double km, double ugPerL) {
    }

    public static List<ProfilePoint> steadyProfile(RiverNetwork network, double[] loadsGPerS, RiverNetwork.Point from,
                                                   int month, double stepKm) {
        java.util.ArrayList<ProfilePoint> out = new java.util.ArrayList<>();
        RiverNetwork.Reach r = network.reach(from.reach());
        double km = from.km();
        double dist = 0;
        while (r != null) {
            for (double x = km; x <= r.lengthKm() + 1e-9; x += stepKm) {
                out.add(new ProfilePoint(dist + (x - km), r.id(), x,
                        steadyUgPerL(network, loadsGPerS, new RiverNetwork.Point(r.id(), x), month)));
            }
            dist += r.lengthKm() - km;
            km = 0;
            r = r.downstream().isEmpty() ? null : network.reach(r.downstream());
        }
        return out;
    }
}
