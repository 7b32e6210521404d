package org.lichain.environment.groundwater;

import java.util.Locale;
import org.lichain.environment.EnvironmentLedger;

/**
 * Leachate from a residue stack, by month: the storage area follows from the stock and the stack height (bulk density
 * {@link EnvironmentLedger#RESIDUE_BULK_DENSITY_T_PER_M3}); infiltration = rainfall (annual total shaped by the monthly
 * factors of the site's rain reach) × the infiltration fraction of the cover × the share the liner lets through; the
 * leachate carries the site's leachate thallium concentration until the leachable thallium of the stack is used up
 * (a mass balance: what leaves never exceeds the inventory).
 */
public final class SourceTerm {
    /**
     * Thallium in lepidolite-refining residue, mg/kg: 24.7 ± 0.9 (PHAN2021, reference/process.md) — used for a stock
     * given by hand (the ledger books thallium to residue itself).
     */
    public static final double RESIDUE_TL_MG_PER_KG = 24.7;

    private SourceTerm() {
    }

    /** The state of the cover and liner. */
    public enum Scenario {
        /** Cover as in the dataset, liner intact (passes the dataset's leakage fraction). */
        INTACT,
        /** Cover as in the dataset, liner failed (passes everything that infiltrates). */
        LINER_FAILURE,
        /** No cover and no liner: the uncovered infiltration fraction reaches the aquifer. */
        COVER_AND_LINER_FAILURE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Scenario parse(String s) {
            for (Scenario x : values()) {
                if (x.id().equals(s)) {
                    return x;
                }
            }
            throw new org.lichain.dataset.InvalidInputException("unknown leak scenario '" + s
                    + "' (allowed: intact, liner-failure, cover-and-liner-failure)");
        }
    }

    /**
     * Monthly leachate of a source patch.
     *
     * @param widthM          source width across the flow (the Domenico source width Y)
     * @param lengthM         source length along the flow
     * @param mixingDepthM    depth over which it mixes into the aquifer (from the mean infiltration)
     * @param infiltrationM3  water reaching the aquifer each month
     * @param tlG             thallium leached each month
     * @param sourceUgPerL    the aquifer source-plane concentration each month
     * @param inventoryKg     leachable thallium at the start
     */
    public record Leachate(Scenario scenario, double areaM2, double widthM, double lengthM, double mixingDepthM,
                           double[] startDays, double[] infiltrationM3, double[] tlG, double[] sourceUgPerL,
                           double inventoryKg) {
        public double leachedKg() {
            double s = 0;
            for (double g : tlG) {
                s += g;
            }
            return s / 1000.0;
        }
    }

    /** Infiltration fraction of rainfall reaching the aquifer under the scenario. */
    public static double passFraction(GroundwaterSite.Leaching l, Scenario s) {
        return switch (s) {
            case INTACT -> (l.covered() ? l.infiltrationFractionCovered() : l.infiltrationFractionUncovered())
                    * l.linerLeakageFraction();
            case LINER_FAILURE -> l.covered() ? l.infiltrationFractionCovered() : l.infiltrationFractionUncovered();
            case COVER_AND_LINER_FAILURE -> l.infiltrationFractionUncovered();
        };
    }

    /** Stack side (m) of a square stack holding {@code stockT} at the site's stack height. */
    public static double stackSideM(GroundwaterSite site, double stockT) {
        return Math.sqrt(EnvironmentLedger.storageAreaM2(stockT, site.leaching().stackHeightM()));
    }

    /**
     * The monthly leachate of a rectangular patch from month 0 for {@code months} months.
     *
     * @param rainFactors 12 monthly factors (mean 1) starting at calendar month {@code firstCalendarMonth}
     * @param inventoryKg leachable thallium in the patch
     */
    public static Leachate leachate(GroundwaterSite site, Scenario scenario, double widthM, double lengthM,
                                    double inventoryKg, double[] rainFactors, int firstCalendarMonth, int months) {
        GroundwaterSite.Leaching l = site.leaching();
        double area = widthM * lengthM;
        double pass = passFraction(l, scenario);
        double meanInfMPerDay = l.rainfallMmPerYear() / 1000.0 * pass / 365.25;
        double d = Plume.mixingDepthM(site.aquifer(), lengthM, meanInfMPerDay);
        double[] start = new double[months];
        double[] inf = new double[months];
        double[] tl = new double[months];
        double[] c0 = new double[months];
        double remainingG = inventoryKg * 1000.0;
        double t = 0;
        for (int k = 0; k < months; k++) {
            int cal = (firstCalendarMonth - 1 + k) % 12;
            double days = 365.25 / 12.0;
            start[k] = t;
            inf[k] = l.rainfallMmPerYear() / 1000.0 * rainFactors[cal] / 12.0 * pass * area;
            // µg/L = mg/m³; /1000 → g
            double g = Math.min(inf[k] * l.leachateTlUgPerL() / 1000.0, remainingG);
            remainingG -= g;
            tl[k] = g;
            c0[k] = g > 0 ? Plume.sourceConcentrationUgPerL(site.aquifer(), g / days, widthM, d) : 0.0;
            t += days;
        }
        return new Leachate(scenario, area, widthM, lengthM, d, start, inf, tl, c0, inventoryKg);
    }
}
