package org.lichain.environment.groundwater;

import java.util.ArrayList;
import java.util.List;
import org.lichain.environment.EnvironmentLedger;
import org.lichain.environment.RiverNetwork;

/**
 * A named leak scenario at a site: the whole stack (its residue stock of a year) leaks from the first month on under
 * a {@link SourceTerm.Scenario}; the plume ({@link Plume}) at every well, candidate and receptor, month by month, with
 * the arrival (first month at or above the GB/T 14848 class III limit) and the peak of each.
 */
public final class GroundwaterModel {
    /** Months per year used for the monthly series (each month 365.25/12 days: named simplification). */
    public static final double DAYS_PER_MONTH = 365.25 / 12.0;

    private GroundwaterModel() {
    }

    /** The plume at one point: monthly concentrations (end of each month), arrival and peak. */
    public record PointResult(String id, GroundwaterSite.PointKind kind, double xM, double yM, String station,
                              double[] ugPerL, double arrivalYears, double peakUgPerL, double peakYears,
                              GroundwaterClass peakClass) {
        public boolean arrives() {
            return !Double.isNaN(arrivalYears);
        }
    }

    /**
     * @param riverFluxGPerDay thallium crossing the river line each month end (g/day), empty when the site has no river
     *                         point; the river receives it (named simplification: all groundwater crossing the line
     *                         discharges to the river)
     */
    public record Result(GroundwaterSite site, int startYear, double stockT, double tlInResidueKg,
                         SourceTerm.Leachate leachate, List<PointResult> points, double[] riverFluxGPerDay) {
        public int months() {
            return leachate.startDays().length;
        }
    }

    /** A site's stack at the end of a year: the residue stock and the thallium booked to it, from the ledger. */
    public record Stack(double stockT, double tlInResidueKg) {
    }

    /**
     * The stack of the site's asset at the end of December of {@code year}: the ledger's residue stock and the sum of
     * the thallium it booked to residue since the ledger's start (zero when the asset is not in the ledger).
     */
    public static Stack stack(EnvironmentLedger l, GroundwaterSite site, int year) {
        int a = l.indexOf(site.asset());
        int i = l.production.indexOf(java.time.YearMonth.of(year, 12));
        if (a < 0 || i < 0) {
            return new Stack(0, 0);
        }
        double tl = 0;
        for (int j = 0; j <= i; j++) {
            tl += l.thalliumToResidueKg[a][j];
        }
        return new Stack(l.residueStockT[a][i], tl);
    }

    /** A stack and the production basis its stock came from. */
    public record SiteStack(Stack stack, String basis) {
    }

    /** The driest monthly flow of the site's rain reach, m³/s (the river the plume reaches, named simplification). */
    public static double dryFlowM3PerS(org.lichain.environment.RiverNetwork n, GroundwaterSite s) {
        return java.util.Arrays.stream(n.reach(s.rainReach()).flowM3PerS()).min().orElse(Double.NaN);
    }

    /** A stack of {@code stockT} t given by the user ({@code label} names the option), with Tl at the residue's content. */
    public static SiteStack givenStack(double stockT, String label) {
        return new SiteStack(new Stack(stockT, stockT * SourceTerm.RESIDUE_TL_MG_PER_KG / 1000.0), label
                + " given; Tl at " + SourceTerm.RESIDUE_TL_MG_PER_KG + " mg/kg residue (PHAN2021)");
    }

    /**
     * The site's stack at the end of {@code year} from the historical ledger (from January {@code ledgerFromYear}):
     * reported production first; when that books no residue to the site's asset (the dataset holds its output inside
     * an aggregate), the asset's capacity timeline instead, and the basis says so.
     */
    public static SiteStack stackOf(org.lichain.world.World w, GroundwaterSite site, int year, int ledgerFromYear) {
        int from = Math.min(ledgerFromYear, year);
        EnvironmentLedger l = EnvironmentLedger.compute(w, org.lichain.environment.ProductionSeries.historical(w, from,
                year, org.lichain.environment.ProductionSeries.Basis.REPORTED_ELSE_CAPACITY));
        Stack s = stack(l, site, year);
        if (s.stockT() > 0) {
            return new SiteStack(s, "reported production (else capacity) since " + from);
        }
        EnvironmentLedger c = EnvironmentLedger.compute(w, org.lichain.environment.ProductionSeries.historical(w, from,
                year, org.lichain.environment.ProductionSeries.Basis.CAPACITY));
        return new SiteStack(stack(c, site, year), "capacity since " + from + " (no reported production books residue "
                + "to " + site.asset() + ": the dataset holds its output inside an aggregate)");
    }

    /**
     * Monthly rainfall factors (mean 1) from a reach's monthly flows: the dataset's assumed monsoon regime shapes
     * rainfall as it shapes runoff (named simplification).
     */
    public static double[] rainFactors(RiverNetwork.Reach reach) {
        double[] f = new double[12];
        double sum = 0;
        for (int m = 0; m < 12; m++) {
            sum += reach.flowM3PerS()[m];
        }
        for (int m = 0; m < 12; m++) {
            f[m] = reach.flowM3PerS()[m] * 12.0 / sum;
        }
        return f;
    }

    /**
     * Runs the scenario: the stack of {@code stockT} tonnes (square, at the site's stack height) holding
     * {@code tlInResidueKg} of thallium leaks from January of {@code startYear} for {@code years} years.
     */
    public static Result run(GroundwaterSite site, SourceTerm.Scenario scenario, double stockT, double tlInResidueKg,
                             double[] rainFactors, int startYear, int years) {
        if (!(stockT > 0)) {
            throw new org.lichain.dataset.InvalidInputException("site " + site.id() + " has no residue stock in the ledger by "
                    + startYear + " (asset " + site.asset() + ")");
        }
        if (years < 1 || years > 200) {
            throw new org.lichain.dataset.InvalidInputException("--years " + years + ": must be 1 to 200");
        }
        double side = SourceTerm.stackSideM(site, stockT);
        int months = years * 12;
        SourceTerm.Leachate l = SourceTerm.leachate(site, scenario, side, side,
                tlInResidueKg * site.leaching().tlLeachableFraction(), rainFactors, 1, months);
        List<PointResult> out = new ArrayList<>();
        for (GroundwaterSite.Point p : site.points()) {
            double y = p.kind() == GroundwaterSite.PointKind.RIVER ? 0.0 : p.yM(); // the river line: its plume-axis point
            double[] c = new double[months];
            double arrival = Double.NaN;
            double peak = 0;
            double peakT = Double.NaN;
            for (int k = 0; k < months; k++) {
                double t = (k + 1) * DAYS_PER_MONTH;
                c[k] = Plume.series(site.aquifer(), side, p.xM(), y, l.startDays(), l.sourceUgPerL(), t);
                if (Double.isNaN(arrival) && c[k] >= GroundwaterClass.CLASS_III_LIMIT_UG_PER_L) {
                    arrival = (k + 1) / 12.0;
                }
                if (c[k] > peak) {
                    peak = c[k];
                    peakT = (k + 1) / 12.0;
                }
            }
            out.add(new PointResult(p.id(), p.kind(), p.xM(), p.yM(), p.station(), c, arrival, peak, peakT,
                    GroundwaterClass.ofThalliumUgPerL(peak)));
        }
        double[] flux = new double[0];
        List<GroundwaterSite.Point> river = site.points(GroundwaterSite.PointKind.RIVER);
        if (!river.isEmpty()) {
            double x = river.get(0).xM();
            double qdy = site.aquifer().darcyFluxMPerDay() * l.mixingDepthM() * side; // m³/day through the source plane
            flux = new double[months];
            for (int k = 0; k < months; k++) {
                double t = (k + 1) * DAYS_PER_MONTH;
                double c = 0;
                double prev = 0;
                for (int j = 0; j < months && l.startDays()[j] < t; j++) {
                    double step = l.sourceUgPerL()[j] - prev;
                    if (step != 0) {
                        c += step * Plume.unitFluxShare(site.aquifer(), x, t - l.startDays()[j]);
                    }
                    prev = l.sourceUgPerL()[j];
                }
                flux[k] = qdy * c / 1000.0; // µg/L = mg/m³; m³/day × mg/m³ / 1000 = g/day
            }
        }
        return new Result(site, startYear, stockT, tlInResidueKg, l, out, flux);
    }

    /**
     * The river concentration (µg/L) the groundwater flux adds at the end of month {@code month} (1-based) when the
     * river carries {@code flowM3PerS}: flux/(Q·86,400 s), fully mixed (the river model's convention).
     */
    public static double riverAddedUgPerL(Result r, int month, double flowM3PerS) {
        if (r.riverFluxGPerDay().length == 0) {
            return 0.0;
        }
        // g/day ÷ m³/day = g/m³ = mg/L; ×1000 → µg/L
        return r.riverFluxGPerDay()[month - 1] / (flowM3PerS * 86400.0) * 1000.0;
    }

    /**
     * The plume in plan at the end of month {@code month} (1-based): concentrations (µg/L) on an nx × ny grid over the
     * site's domain, rows by y (from −halfWidth), columns by x (from −upgradient).
     */
    public static double[][] planGrid(Result r, int month, int nx, int ny) {
        GroundwaterSite.Domain d = r.site().domain();
        double side = r.leachate().widthM();
        double t = month * DAYS_PER_MONTH;
        double[][] g = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            double y = -d.halfWidthM() + 2 * d.halfWidthM() * j / (ny - 1.0);
            for (int i = 0; i < nx; i++) {
                double x = -d.upgradientM() + (d.upgradientM() + d.downgradientM()) * i / (nx - 1.0);
                g[j][i] = Plume.series(r.site().aquifer(), side, x, y, r.leachate().startDays(),
                        r.leachate().sourceUgPerL(), t);
            }
        }
        return g;
    }
}
