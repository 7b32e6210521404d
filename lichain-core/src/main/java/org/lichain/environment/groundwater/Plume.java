package org.lichain.environment.groundwater;

import org.hipparchus.special.Erf;

/**
 * Analytical advection–dispersion of dissolved thallium in a uniform aquifer flow, with linear equilibrium sorption
 * (retardation R) and first-order loss λ: the Domenico (1987) solution for a finite plane source, in its
 * depth-averaged (2-D) form.
 *
 * <p>For a source of width Y (across the flow, centred on y = 0) on the plane x = 0 that holds concentration C0 from
 * t = 0 on, with v the seepage velocity, v' = v/R, αx and αy the dispersivities:
 * <pre>
 * C(x,y,t) = C0/4 · exp[x/(2αx)·(1 − √(1 + 4λαx/v'))]
 *                 · erfc[(x − v't·√(1 + 4λαx/v')) / (2√(αx·v'·t))]
 *                 · [erf((y + Y/2)/(2√(αy·x))) − erf((y − Y/2)/(2√(αy·x)))]
 * </pre>
 * Assumptions (named): uniform steady flow along +x; homogeneous isotropic aquifer; the source mixes over a depth d and
 * the plume stays fully mixed over d (no vertical spreading term — the 2-D form); the transverse term is evaluated at
 * x instead of v't (Domenico's approximation, exact at steady state, known to err near the front when αx is large);
 * λ acts on dissolved and sorbed thallium alike (BIOSCREEN convention); points upgradient of the source plane
 * (x ≤ 0) see no thallium. With Y → ∞ and λ = 0 the formula is the first term of the Ogata–Banks (1961) solution,
 * C0/2·erfc((x − v't)/(2√(Dt))), D = αx·v'. A time-varying source is a sum of such steps (superposition; exact for
 * the linear equation with the source geometry held fixed).
 *
 * <p>Units: x, y, Y, α in m; velocities in m/day; t in days; λ per day; C in the unit of C0.
 */
public final class Plume {
    private Plume() {
    }

    /** The longitudinal terms at a distance x (retarded velocity, decay root, decay factor), shared by the solutions. */
    private record Along(double v, double ax, double root, double decay) {
        static Along of(GroundwaterSite.Aquifer a, double xM) {
            double v = a.seepageVelocityMPerDay() / a.retardation();
            double lambda = a.decayPerYear() / 365.25;
            double ax = a.longitudinalDispersivityM();
            double root = Math.sqrt(1.0 + 4.0 * lambda * ax / v);
            double decay = lambda == 0 ? 1.0 : Math.exp(xM / (2.0 * ax) * (1.0 - root));
            return new Along(v, ax, root, decay);
        }

        /** erfc of the moving front at (x, t). */
        double front(double xM, double tDays) {
            return Erf.erfc((xM - v * tDays * root) / (2.0 * Math.sqrt(ax * v * tDays)));
        }
    }

    /** The unit response: C/C0 at (x, y) a time {@code tDays} after a unit step of the source. */
    public static double unitStep(GroundwaterSite.Aquifer a, double sourceWidthM, double xM, double yM, double tDays) {
        if (xM <= 0 || tDays <= 0) {
            return 0.0;
        }
        Along l = Along.of(a, xM);
        return 0.25 * l.decay() * l.front(xM, tDays) * transverse(a, sourceWidthM, xM, yM);
    }

    /**
     * The share of the source flux that crosses the line x (all y) a time {@code tDays} after a unit step: the
     * y-integral of {@link #unitStep} is C0·Y·½·decay·erfc(…) (∫[erf − erf]dy = 2Y), and the Darcy flux times the mixing
     * depth turns it into a mass flux, so flux(x, t) = q·d·Y·C0 · this share (at most 1 without decay).
     */
    public static double unitFluxShare(GroundwaterSite.Aquifer a, double xM, double tDays) {
        if (xM <= 0 || tDays <= 0) {
            return xM <= 0 && tDays > 0 ? 1.0 : 0.0;
        }
        Along l = Along.of(a, xM);
        return 0.5 * l.decay() * l.front(xM, tDays);
    }

    /** The transverse factor [erf((y + Y/2)/(2√(αy x))) − erf((y − Y/2)/(2√(αy x)))], between 0 and 2. */
    public static double transverse(GroundwaterSite.Aquifer a, double sourceWidthM, double xM, double yM) {
        double s = 2.0 * Math.sqrt(a.transverseDispersivityM() * xM);
        return Erf.erf((yM + sourceWidthM / 2.0) / s) - Erf.erf((yM - sourceWidthM / 2.0) / s);
    }

    /** Steady-state C/C0 (t → ∞) at (x, y): the limit of {@link #unitStep}. */
    public static double unitSteady(GroundwaterSite.Aquifer a, double sourceWidthM, double xM, double yM) {
        if (xM <= 0) {
            return 0.0;
        }
        return 0.5 * Along.of(a, xM).decay() * transverse(a, sourceWidthM, xM, yM);
    }

    /**
     * Concentration at (x, y) at time {@code tDays} from a piecewise-constant source: level {@code c0[k]} from
     * {@code startDays[k]} until the next start (the last level lasts), by superposition of steps.
     */
    public static double series(GroundwaterSite.Aquifer a, double sourceWidthM, double xM, double yM, double[] startDays,
                                double[] c0, double tDays) {
        double c = 0;
        double prev = 0;
        // the position's terms once (not once per source step): the same products as unitStep, in the same order
        Along l = xM > 0 ? Along.of(a, xM) : null;
        double tf = xM > 0 ? transverse(a, sourceWidthM, xM, yM) : 0.0;
        for (int k = 0; k < c0.length && startDays[k] < tDays; k++) {
            double step = c0[k] - prev;
            if (step != 0) {
                c += step * (l == null ? 0.0 : 0.25 * l.decay() * l.front(xM, tDays - startDays[k]) * tf);
            }
            prev = c0[k];
        }
        return c;
    }

    /**
     * The first time (days after the source starts, constant level) at which C/C0 at (x, y) reaches {@code ratio}, or
     * +∞ when it never does (the steady level stays below). C is non-decreasing in t for a constant source, so the
     * crossing is found by bisection to 0.01 day.
     */
    public static double crossingDays(GroundwaterSite.Aquifer a, double sourceWidthM, double xM, double yM,
                                      double ratio) {
        if (!(ratio > 0) || unitSteady(a, sourceWidthM, xM, yM) <= ratio) {
            return Double.POSITIVE_INFINITY;
        }
        double hi = Math.max(1.0, xM / (a.seepageVelocityMPerDay() / a.retardation()));
        while (unitStep(a, sourceWidthM, xM, yM, hi) < ratio) {
            hi *= 2;
            if (hi > 1e9) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double lo = 0;
        while (hi - lo > 0.01) {
            double mid = 0.5 * (lo + hi);
            if (unitStep(a, sourceWidthM, xM, yM, mid) >= ratio) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * The Ogata–Banks (1961) solution of the 1-D advection–dispersion equation for a semi-infinite column whose inlet is
     * held at C0 from t = 0: C/C0 = ½[erfc((x − vt)/(2√(Dt))) + exp(vx/D)·erfc((x + vt)/(2√(Dt)))], with v and D
     * the (retarded) velocity and dispersion coefficient. The product of the large exponential and the tiny erfc is
     * formed in logarithms so that it neither overflows nor underflows to zero.
     */
    public static double ogataBanks(double xM, double tDays, double vMPerDay, double dM2PerDay) {
        if (tDays <= 0) {
            return xM <= 0 ? 1.0 : 0.0;
        }
        double s = 2.0 * Math.sqrt(dM2PerDay * tDays);
        double first = Erf.erfc((xM - vMPerDay * tDays) / s);
        double b = (xM + vMPerDay * tDays) / s;
        double ec = Erf.erfc(b);
        double second = ec == 0 ? 0.0 : Math.exp(vMPerDay * xM / dM2PerDay + Math.log(ec));
        return 0.5 * (first + second);
    }

    /**
     * Depth over which leachate mixes into the aquifer (US EPA 1996 Soil Screening Guidance, Technical Background
     * Document, eq. 45): d = √(0.0112·L²) + da·[1 − exp(−L·I/(K·i·da))], at most da.
     *
     * @param sourceLengthM       source length along the flow, L
     * @param infiltrationMPerDay infiltration rate I
     */
    public static double mixingDepthM(GroundwaterSite.Aquifer a, double sourceLengthM, double infiltrationMPerDay) {
        double da = a.thicknessM();
        double d = Math.sqrt(0.0112 * sourceLengthM * sourceLengthM)
                + da * (1.0 - Math.exp(-sourceLengthM * infiltrationMPerDay / (a.darcyFluxMPerDay() * da)));
        return Math.min(d, da);
    }

    /**
     * Concentration (µg/L) of the source plane that carries a thallium flux {@code gPerDay} into the aquifer through its
     * cross-section Y·d with the Darcy flux q: C0 = flux/(q·Y·d). This is the US EPA 1996 Soil Screening Guidance
     * dilution C_leachate/DAF with DAF = K·i·d/(I·L), i.e. its eq. 37 without the "1 +" for the infiltrated water
     * itself, so that the plume carries exactly the leached mass (a mass balance the tests check).
     */
    public static double sourceConcentrationUgPerL(GroundwaterSite.Aquifer a, double gPerDay, double widthM,
                                                   double mixingDepthM) {
        // g/m³ = mg/L; ×1000 → µg/L
        return gPerDay / (a.darcyFluxMPerDay() * widthM * mixingDepthM) * 1000.0;
    }
}
