package org.lichain.operations;

/**
 * An hourly production schedule and its comparison with the flat schedule (every stage at one constant rate
 * that meets the target). Rates in t LCE-equivalent per hour ({@code [stage][hour]}), buffer levels at the end
 * of each hour ({@code [buffer][hour]}), money in CNY, energy in kWh.
 */
public record Schedule(PlantModel plant, HourlyTariff tariff, double[][] rateTLcePerH, double[][] bufferLevelTLce,
                       double[][] flatRateTLcePerH, double[][] flatBufferLevelTLce, double energyCostCny,
                       double restartCostCny, int[] restarts, double flatCostCny, boolean flatFeasible,
                       double outputTLce, String solver, boolean optimal) {

    public int hours() {
        return tariff.hours();
    }

    /** Energy plus restart cost. */
    public double costCny() {
        return energyCostCny + restartCostCny;
    }

    /** Saving against the flat schedule, % of the flat cost (0 when the flat cost is 0). */
    public double savingPct() {
        return flatCostCny > 0 ? 100.0 * (flatCostCny - costCny()) / flatCostCny : 0.0;
    }

    public double stageKwh(int s) {
        return sum(rateTLcePerH[s], null) * plant.stages().get(s).kwhPerTLce();
    }

    public double stageValleyKwh(int s) {
        return sum(rateTLcePerH[s], tariff.valleyShare()) * plant.stages().get(s).kwhPerTLce();
    }

    public double flatStageKwh(int s) {
        return sum(flatRateTLcePerH[s], null) * plant.stages().get(s).kwhPerTLce();
    }

    public double flatStageValleyKwh(int s) {
        return sum(flatRateTLcePerH[s], tariff.valleyShare()) * plant.stages().get(s).kwhPerTLce();
    }

    public double totalKwh() {
        double k = 0;
        for (int s = 0; s < rateTLcePerH.length; s++) {
            k += stageKwh(s);
        }
        return k;
    }

    public double flatTotalKwh() {
        double k = 0;
        for (int s = 0; s < rateTLcePerH.length; s++) {
            k += flatStageKwh(s);
        }
        return k;
    }

    /** Share of all scheduled kWh that falls in valley or deep-valley time (0..1). */
    public double valleyKwhShare() {
        double v = 0;
        for (int s = 0; s < rateTLcePerH.length; s++) {
            v += stageValleyKwh(s);
        }
        double k = totalKwh();
        return k > 0 ? v / k : 0.0;
    }

    public double flatValleyKwhShare() {
        double v = 0;
        for (int s = 0; s < rateTLcePerH.length; s++) {
            v += flatStageValleyKwh(s);
        }
        double k = flatTotalKwh();
        return k > 0 ? v / k : 0.0;
    }

    /** Power cost per kWh of the schedule (restart costs included), CNY/kWh. */
    public double effectiveCnyPerKwh() {
        double k = totalKwh();
        return k > 0 ? costCny() / k : 0.0;
    }

    /** Power cost per kWh of the flat schedule, CNY/kWh. */
    public double flatEffectiveCnyPerKwh() {
        double k = flatTotalKwh();
        return k > 0 ? flatCostCny / k : 0.0;
    }

    /** Largest minus smallest hourly rate of a stage while it is not in maintenance, as % of its max rate. */
    public double rateSwingPct(int s) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double r : rateTLcePerH[s]) {
            if (r > 1e-9) {
                lo = Math.min(lo, r);
                hi = Math.max(hi, r);
            }
        }
        return hi < lo ? 0.0 : 100.0 * (hi - lo) / plant.stages().get(s).maxRateTLcePerH();
    }

    private static double sum(double[] x, double[] weight) {
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            t += weight == null ? x[i] : x[i] * weight[i];
        }
        return t;
    }
}
