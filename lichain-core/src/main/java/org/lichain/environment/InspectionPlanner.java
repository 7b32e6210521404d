package org.lichain.environment;

import org.lichain.dataset.InvalidInputException;
import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A month's inspection plan: which sites (outfalls with their plants) inspectors visit, maximising the risk covered
 * within their capacity in inspector-days — a 0/1 knapsack solved as an ILP with OR-Tools (SCIP).
 *
 * <p>Risk of a site = 0.35·discharge + 0.25·residue stock + 0.25·past exceedances + 0.15·proximity to an intake,
 * each term scaled to [0, 1] by the largest value among the sites (proximity = 1/(1 + d/10 km) to the nearest
 * downstream intake). The weights are a policy choice, named here and in docs/environment.md. Visit length (estimate,
 * assumed): one inspector-day to sample the outfall, one more when the site stacks residue, half a day per
 * groundwater well beside it.
 */
public final class InspectionPlanner {
    public static final double W_DISCHARGE = 0.35;
    public static final double W_STOCK = 0.25;
    public static final double W_EXCEEDANCES = 0.25;
    public static final double W_PROXIMITY = 0.15;

    private InspectionPlanner() {
    }

    /** What is known about one site in the month. */
    public record SiteRisk(String outfall, String plant, double dischargeKgPerMonth, double residueStockT,
                           int pastExceedances, double intakeDistanceKm, String nearestIntake, int wells) {
        public double visitDays() {
            return 1.0 + (residueStockT > 0 ? 1.0 : 0.0) + 0.5 * wells;
        }
    }

    public record Visit(String outfall, String plant, double risk, double days, String reason) {
    }

    public record Plan(YearMonth month, double capacityDays, double usedDays, double riskCovered, double riskTotal,
                       List<Visit> visits, List<Visit> notVisited, String solver) {
    }

    /**
     * The attribution of the exceedances seen in the 12 months up to the end of {@code month} (stored surface
     * measurements), or empty when there was none. Its best group's members are the sites a plan must visit.
     */
    public static java.util.Optional<Attribution.Result> attributionFor(RiverNetwork n,
                                                                        List<MonitoringStore.Measurement> measurements,
                                                                        YearMonth month) {
        java.time.LocalDateTime end = month.plusMonths(1).atDay(1).atStartOfDay();
        java.time.LocalDateTime start = month.minusMonths(11).atDay(1).atStartOfDay().minusDays(Attribution.DAYS_BEFORE);
        List<MonitoringStore.Measurement> in = new ArrayList<>();
        for (MonitoringStore.Measurement m : measurements) {
            if (!m.time().isBefore(start) && m.time().isBefore(end)) {
                in.add(m);
            }
        }
        Attribution.Result r = Attribution.attribute(n, in);
        return r.exceedances() == 0 || r.groups().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(r);
    }

    /**
     * The plan with the best attributed group's members visited whatever their risk (the data cannot tell which of
     * them released, so each is sampled); the rest of the capacity goes to the riskiest other sites. When the group
     * alone needs more than the capacity, the plan uses more days than the capacity and says so in the reasons.
     */
    public static Plan plan(List<SiteRisk> sites, YearMonth month, double capacityDays, Attribution.Result attributed) {
        if (attributed == null || attributed.groups().isEmpty()) {
            return plan(sites, month, capacityDays);
        }
        Attribution.Group g = attributed.groups().get(0);
        return plan(sites, month, capacityDays, g.outfalls(), String.format(Locale.ROOT,
                "in the attributed group %s (confidence %.2f%s)", g.outfalls(), g.confidence(),
                g.outfalls().size() > 1 ? ": the data cannot tell its members apart, so each is sampled" : ""));
    }

    /**
     * The sites of a network in a month, from the ledger (discharge, stock at the end of the month) and the number of
     * single-value exceedances at stations downstream of each outfall in the 12 months before.
     */
    public static List<SiteRisk> sites(RiverNetwork n, EnvironmentLedger ledger, YearMonth month,
                                       List<Alerts.Alert> pastAlerts) {
        List<SiteRisk> out = new ArrayList<>();
        int mi = ledger == null ? -1 : ledger.production.indexOf(month);
        for (RiverNetwork.Outfall o : n.outfalls()) {
            double discharge = 0;
            double stock = 0;
            if (!o.plant().isEmpty() && mi >= 0) {
                int a = ledger.assetIndex(o.plant());
                discharge = ledger.thalliumToWaterKg[a][mi];
                stock = ledger.residueStockT[a][mi];
            }
            int exceed = 0;
            for (Alerts.Alert al : pastAlerts) {
                YearMonth am = YearMonth.from(al.time());
                if (al.kind().equals("single") && am.isBefore(month) && !am.isBefore(month.minusMonths(12))
                        && al.upstream().stream().anyMatch(u -> u.outfall().equals(o.id()))) {
                    exceed++;
                }
            }
            double dist = Double.POSITIVE_INFINITY;
            String intake = "";
            int wells = 0;
            for (RiverNetwork.Station s : n.stations()) {
                if (s.kind() == StationKind.INTAKE) {
                    var p = n.path(RiverNetwork.pointOf(o), RiverNetwork.pointOf(s));
                    if (p.isPresent() && RiverNetwork.distanceKm(p.get()) < dist) {
                        dist = RiverNetwork.distanceKm(p.get());
                        intake = s.id();
                    }
                }
                if (s.kind() == StationKind.WELL && !o.plant().isEmpty() && s.site().equals(o.plant())) {
                    wells++;
                }
            }
            out.add(new SiteRisk(o.id(), o.plant(), discharge, stock, exceed, dist, intake, wells));
        }
        return out;
    }

    /** Risk scores in [0, 1], in the order of {@code sites}. */
    public static double[] risks(List<SiteRisk> sites) {
        double maxD = 0, maxS = 0, maxE = 0;
        for (SiteRisk s : sites) {
            maxD = Math.max(maxD, s.dischargeKgPerMonth());
            maxS = Math.max(maxS, s.residueStockT());
            maxE = Math.max(maxE, s.pastExceedances());
        }
        double[] r = new double[sites.size()];
        for (int i = 0; i < r.length; i++) {
            SiteRisk s = sites.get(i);
            r[i] = W_DISCHARGE * (maxD > 0 ? s.dischargeKgPerMonth() / maxD : 0)
                    + W_STOCK * (maxS > 0 ? s.residueStockT() / maxS : 0)
                    + W_EXCEEDANCES * (maxE > 0 ? s.pastExceedances() / maxE : 0)
                    + W_PROXIMITY * proximity(s.intakeDistanceKm());
        }
        return r;
    }

    static double proximity(double km) {
        return Double.isInfinite(km) ? 0 : 1.0 / (1.0 + km / 10.0);
    }

    /** Solves the plan; IllegalArgumentException for a negative capacity. */
    public static Plan plan(List<SiteRisk> sites, YearMonth month, double capacityDays) {
        return plan(sites, month, capacityDays, List.of(), "");
    }

    static Plan plan(List<SiteRisk> sites, YearMonth month, double capacityDays, List<String> mustVisit,
                     String mustReason) {
        if (!(capacityDays >= 0)) {
            throw new InvalidInputException("inspector capacity must be ≥ 0 days, got " + capacityDays);
        }
        double[] risk = risks(sites);
        Loader.loadNativeLibraries();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools SCIP solver is not available");
        }
        try {
            MPVariable[] x = new MPVariable[sites.size()];
            double forcedDays = 0;
            for (SiteRisk s : sites) {
                if (mustVisit.contains(s.outfall())) {
                    forcedDays += s.visitDays();
                }
            }
            MPConstraint cap = solver.makeConstraint(0, Math.max(capacityDays, forcedDays), "inspector_days");
            MPObjective obj = solver.objective();
            for (int i = 0; i < x.length; i++) {
                x[i] = solver.makeBoolVar("visit_" + sites.get(i).outfall());
                if (mustVisit.contains(sites.get(i).outfall())) {
                    x[i].setLb(1.0);
                }
                cap.setCoefficient(x[i], sites.get(i).visitDays());
                obj.setCoefficient(x[i], risk[i]);
            }
            obj.setMaximization();
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("inspection ILP not solved to optimality: " + status);
            }
            List<Visit> visits = new ArrayList<>();
            List<Visit> skipped = new ArrayList<>();
            double used = 0, covered = 0, total = 0;
            for (int i = 0; i < x.length; i++) {
                SiteRisk s = sites.get(i);
                total += risk[i];
                String why = reason(s, sites, risk[i]);
                if (mustVisit.contains(s.outfall())) {
                    why = "must visit: " + mustReason + (forcedDays > capacityDays ? String.format(Locale.ROOT,
                            " (the group needs %.1f inspector-days, more than the %.1f available)", forcedDays,
                            capacityDays) : "") + "; " + why;
                }
                Visit v = new Visit(s.outfall(), s.plant(), risk[i], s.visitDays(), why);
                if (x[i].solutionValue() > 0.5) {
                    visits.add(v);
                    used += s.visitDays();
                    covered += risk[i];
                } else {
                    skipped.add(v);
                }
            }
            visits.sort((a, b) -> Double.compare(b.risk(), a.risk()));
            skipped.sort((a, b) -> Double.compare(b.risk(), a.risk()));
            return new Plan(month, capacityDays, used, covered, total, visits, skipped, "OR-Tools SCIP (ILP)");
        } finally {
            solver.delete();
        }
    }

    /** Why a site is worth a visit: its risk terms, largest first. */
    static String reason(SiteRisk s, List<SiteRisk> all, double risk) {
        double maxD = all.stream().mapToDouble(SiteRisk::dischargeKgPerMonth).max().orElse(0);
        double maxS = all.stream().mapToDouble(SiteRisk::residueStockT).max().orElse(0);
        double maxE = all.stream().mapToInt(SiteRisk::pastExceedances).max().orElse(0);
        List<Map.Entry<Double, String>> terms = new ArrayList<>();
        if (s.dischargeKgPerMonth() > 0) {
            terms.add(Map.entry(W_DISCHARGE * s.dischargeKgPerMonth() / maxD, String.format(Locale.ROOT,
                    "estimated Tl discharge %.2f kg/month", s.dischargeKgPerMonth())));
        }
        if (s.residueStockT() > 0) {
            terms.add(Map.entry(W_STOCK * s.residueStockT() / maxS, String.format(Locale.ROOT,
                    "residue stock %.0f t", s.residueStockT())));
        }
        if (s.pastExceedances() > 0) {
            terms.add(Map.entry(W_EXCEEDANCES * s.pastExceedances() / maxE, s.pastExceedances()
                    + " exceedance(s) downstream in the past 12 months"));
        }
        if (!s.nearestIntake().isEmpty()) {
            terms.add(Map.entry(W_PROXIMITY * proximity(s.intakeDistanceKm()), String.format(Locale.ROOT,
                    "%.0f km above intake %s", s.intakeDistanceKm(), s.nearestIntake())));
        }
        terms.sort((a, b) -> Double.compare(b.getKey(), a.getKey()));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "risk %.3f: ", risk));
        for (int i = 0; i < terms.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(terms.get(i).getValue());
        }
        if (terms.isEmpty()) {
            sb.append("no discharge, stock or exceedance recorded");
        }
        return sb.toString();
    }
}
