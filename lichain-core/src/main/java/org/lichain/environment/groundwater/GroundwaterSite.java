package org.lichain.environment.groundwater;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A residue yard and the aquifer under it, in a local plan frame: x (m) along the groundwater flow from the stack's
 * downgradient edge, y (m) across it from the stack's centre line. The stack is one square of residue centred on
 * y = 0 whose upgradient edge lies at x = −side (named simplification: a cluster's yards are lumped into one square).
 * Loaded from {@code groundwater_sites.csv} and {@code groundwater_points.csv}; every value carries a source or an
 * {@code estimate:} in the dataset.
 *
 * @param asset     the dataset asset whose ledger residue stock fills the stack
 * @param rainReach the river reach whose monthly flow factors shape the monthly rainfall (same monsoon regime)
 */
public record GroundwaterSite(String id, String asset, String name, String rainReach, Aquifer aquifer,
                              Leaching leaching, Domain domain, List<Point> points, String source) {

    /**
     * The aquifer, uniform and steady (named simplification of the analytical model).
     *
     * @param conductivityMPerDay hydraulic conductivity K
     * @param gradient            hydraulic gradient i (dimensionless)
     * @param porosity            effective porosity n
     * @param thicknessM          saturated thickness, the largest vertical mixing depth
     * @param retardation         thallium retardation factor R = 1 + ρb·Kd/n (≥ 1)
     * @param decayPerYear        first-order loss rate λ of dissolved thallium (0 for an element)
     */
    public record Aquifer(double conductivityMPerDay, double gradient, double porosity, double thicknessM,
                          double longitudinalDispersivityM, double transverseDispersivityM, double retardation,
                          double decayPerYear) {
        /** Darcy flux q = K·i, m/day. */
        public double darcyFluxMPerDay() {
            return conductivityMPerDay * gradient;
        }

        /** Seepage (pore-water) velocity v = K·i/n, m/day. */
        public double seepageVelocityMPerDay() {
            return darcyFluxMPerDay() / porosity;
        }

        /** Velocity of the thallium front, v/R, m/day. */
        public double thalliumVelocityMPerDay() {
            return seepageVelocityMPerDay() / retardation;
        }

        public Aquifer withConductivity(double k) {
            return new Aquifer(k, gradient, porosity, thicknessM, longitudinalDispersivityM, transverseDispersivityM,
                    retardation, decayPerYear);
        }

        public Aquifer withRetardation(double r) {
            return new Aquifer(conductivityMPerDay, gradient, porosity, thicknessM, longitudinalDispersivityM,
                    transverseDispersivityM, r, decayPerYear);
        }

        public Aquifer withDispersivities(double alphaL, double alphaT) {
            return new Aquifer(conductivityMPerDay, gradient, porosity, thicknessM, alphaL, alphaT, retardation,
                    decayPerYear);
        }

        public Aquifer withDecayPerYear(double lambda) {
            return new Aquifer(conductivityMPerDay, gradient, porosity, thicknessM, longitudinalDispersivityM,
                    transverseDispersivityM, retardation, lambda);
        }
    }

    /**
     * What makes leachate: stack height (storage area = stock ÷ (bulk density × height)), rainfall, the cover and the
     * liner, the thallium concentration of the leachate and the share of the residue's thallium that can leach.
     */
    public record Leaching(double stackHeightM, double rainfallMmPerYear, boolean covered,
                           double infiltrationFractionCovered, double infiltrationFractionUncovered,
                           double linerLeakageFraction, double leachateTlUgPerL, double tlLeachableFraction) {
    }

    /** The model domain: x from −upgradient to +downgradient, y within ±halfWidth, m. */
    public record Domain(double upgradientM, double downgradientM, double halfWidthM) {
        public boolean contains(double x, double y) {
            return x >= -upgradientM && x <= downgradientM && Math.abs(y) <= halfWidthM;
        }
    }

    /** What a point is: a monitoring well, a candidate well position, a river bank (a line across) or a supply well. */
    public enum PointKind {
        WELL, CANDIDATE, RIVER, RECEPTOR_WELL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean receptor() {
            return this == RIVER || this == RECEPTOR_WELL;
        }

        public static PointKind parse(String s) {
            for (PointKind k : values()) {
                if (k.id().equals(s)) {
                    return k;
                }
            }
            throw new org.lichain.dataset.InvalidInputException("unknown point kind '" + s
                    + "' (allowed: well, candidate, river, receptor_well)");
        }
    }

    /** A point of the site; {@code station} is the monitoring station id of an existing well, else "". */
    public record Point(String id, PointKind kind, double xM, double yM, String station, String source) {
    }

    /** The points of the given kinds, in file order. */
    public List<Point> points(PointKind... kinds) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            for (PointKind k : kinds) {
                if (p.kind() == k) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    public GroundwaterSite withAquifer(Aquifer a) {
        return new GroundwaterSite(id, asset, name, rainReach, a, leaching, domain, points, source);
    }

    public GroundwaterSite withPoints(List<Point> p) {
        return new GroundwaterSite(id, asset, name, rainReach, aquifer, leaching, domain, List.copyOf(p), source);
    }
}
