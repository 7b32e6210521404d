package org.lichain.process;

import java.util.EnumMap;
import java.util.Map;

/**
 * The mass and energy balance of one asset's route per tonne of LCE produced (chemical basis).
 * Boundary: scope 1 (fuels burnt on site, process CO2) and scope 2 (purchased power at the grid factor of
 * the region where each stage runs) from mine to chemical (E1); {@code co2eMineT} is the mine-and-concentrator
 * part alone (E0). Freight and upstream reagent burdens are outside the boundary.
 *
 * @param lithiumInTLce        lithium in the ore or brine fed, t LCE
 * @param lithiumToTailingsTLce lost in beneficiation tailings (or not recovered from brine)
 * @param lithiumToResidueTLce lost in refining (leach residue)
 */
public record ProcessBalance(
        double oreT, double concentrateT, double brineM3,
        Map<Reagent, Double> reagentsT,
        double mineKwh, double refineryKwh, double coalGj, double naturalGasGj, double dieselGj,
        double waterM3, double leachResidueT, double tailingsT,
        double co2eScope1T, double co2eScope2T, double co2eMineT,
        double thalliumToResidueG, double thalliumToWaterG,
        double lithiumInTLce, double lithiumToTailingsTLce, double lithiumToResidueTLce) {

    public ProcessBalance {
        EnumMap<Reagent, Double> copy = new EnumMap<>(Reagent.class);
        copy.putAll(reagentsT);
        reagentsT = java.util.Collections.unmodifiableMap(copy);
    }

    public double kwh() {
        return mineKwh + refineryKwh;
    }

    public double co2eT() {
        return co2eScope1T + co2eScope2T;
    }

    /** Lithium in minus lithium out (product 1 t LCE plus losses): zero for a closed balance. */
    public double lithiumResidualTLce() {
        return lithiumInTLce - 1.0 - lithiumToTailingsTLce - lithiumToResidueTLce;
    }

    public double reagent(Reagent r) {
        return reagentsT.getOrDefault(r, 0.0);
    }
}
