package org.lichain.process;

import org.lichain.dataset.InvalidInputException;
import static org.lichain.world.ProcessParameter.*;

import java.util.EnumMap;
import java.util.List;
import org.lichain.world.Asset;
import org.lichain.world.AssetKind;
import org.lichain.world.Parameters;
import org.lichain.world.ProcessParameter;
import org.lichain.world.Route;
import org.lichain.world.World;

/**
 * Per-route mass and energy balances per tonne of LCE: a pure function of the route's parameters
 * (overridden per asset) and the grid factors of where each stage runs.
 */
public final class ProcessModel {
    /** Region where a concentrate seller's concentrate is converted unless the asset says otherwise. */
    public static final String DEFAULT_CONVERSION_REGION = "CN-SC";

    private ProcessModel() {
    }

    /** Parameters a route cannot do without. */
    public static List<ProcessParameter> required(Route route) {
        return route.hardRock()
                ? List.of(HEAD_GRADE_LI2O_PCT, CONCENTRATE_GRADE_LI2O_PCT, BENEFICIATION_RECOVERY_PCT, REFINING_RECOVERY_PCT)
                : List.of(BRINE_LI_MG_PER_L, REFINING_RECOVERY_PCT);
    }

    /** Where the refinery stage of this asset runs (power prices, grid factor). */
    public static String refineryRegion(Asset a, Parameters p) {
        if (a.kind() == AssetKind.MINE_CONCENTRATE) {
            return p.get(CONVERSION_REGION).map(v -> v.text()).orElse(DEFAULT_CONVERSION_REGION);
        }
        return a.region();
    }

    /** The balance of an asset in a year (grid factors of that year). */
    public static ProcessBalance balance(World world, Asset asset, int year) {
        Parameters p = world.parametersOf(asset);
        double mineGrid = world.gridFactors().kgCo2PerKwh(asset.region(), year).orElse(0.0);
        double refineryGrid = world.gridFactors().kgCo2PerKwh(refineryRegion(asset, p), year).orElse(0.0);
        return balance(asset.id(), asset.route(), p, mineGrid, refineryGrid, EmissionFactors.DEFAULT);
    }

    /**
     * The balance from parameters alone.
     *
     * @param mineGridKgPerKwh     grid factor where the mine and concentrator run
     * @param refineryGridKgPerKwh grid factor where conversion runs
     * @throws IllegalArgumentException naming the asset and parameter when a required one is missing
     */
    public static ProcessBalance balance(String assetId, Route route, Parameters p, double mineGridKgPerKwh,
                                         double refineryGridKgPerKwh, EmissionFactors ef) {
        for (ProcessParameter r : required(route)) {
            if (!p.has(r) || p.value(r) <= 0) {
                throw new InvalidInputException("asset " + assetId + " (route " + route.id()
                        + ") has no positive value for required parameter " + r.id());
            }
        }
        double refRec = p.value(REFINING_RECOVERY_PCT) / 100.0;
        if (refRec > 1.0) {
            throw new InvalidInputException("asset " + assetId + ": refining recovery above 100%");
        }
        double oreT = 0;
        double concT = 0;
        double brineM3 = 0;
        double tailingsT = 0;
        double lithiumIn;
        double lithiumToTailings;
        double lithiumToResidue;
        if (route.hardRock()) {
            double head = p.value(HEAD_GRADE_LI2O_PCT) / 100.0;
            double conc = p.value(CONCENTRATE_GRADE_LI2O_PCT) / 100.0;
            double benRec = p.value(BENEFICIATION_RECOVERY_PCT) / 100.0;
            if (benRec > 1.0 || head > conc) {
                throw new InvalidInputException("asset " + assetId
                        + ": beneficiation must not create lithium (recovery ≤ 100%, head grade ≤ concentrate grade)");
            }
            concT = 1.0 / (conc * Conversions.LCE_PER_LI2O * refRec);
            oreT = concT * conc / (head * benRec);
            tailingsT = oreT - concT;
            lithiumIn = oreT * head * Conversions.LCE_PER_LI2O;
            lithiumToTailings = lithiumIn * (1.0 - benRec);
            lithiumToResidue = lithiumIn * benRec * (1.0 - refRec);
        } else {
            double liTPerM3 = p.value(BRINE_LI_MG_PER_L) * 1e-6; // mg/L = g/m³
            brineM3 = 1.0 / (liTPerM3 * Conversions.LCE_PER_LI * refRec);
            lithiumIn = brineM3 * liTPerM3 * Conversions.LCE_PER_LI;
            lithiumToTailings = lithiumIn * (1.0 - refRec); // left in spent brine and pond salts
            lithiumToResidue = 0.0;
        }
        EnumMap<Reagent, Double> reagents = new EnumMap<>(Reagent.class);
        for (Reagent r : Reagent.values()) {
            double v = p.value(r.parameter());
            if (v > 0) {
                reagents.put(r, v);
            }
        }
        double mineKwh = oreT * p.value(MINE_ELECTRICITY_KWH_PER_T_ORE);
        double refineryKwh = p.value(REFINERY_ELECTRICITY_KWH_PER_T_LCE);
        double coal = p.value(REFINERY_COAL_GJ_PER_T_LCE);
        double gas = p.value(REFINERY_NATURAL_GAS_GJ_PER_T_LCE);
        double diesel = oreT * p.value(MINE_DIESEL_GJ_PER_T_ORE);
        double residueT = concT * p.value(LEACH_RESIDUE_T_PER_T_CONCENTRATE);
        double mineScope1 = diesel * ef.dieselKgPerGj() / 1000.0;
        double mineScope2 = mineKwh * mineGridKgPerKwh / 1000.0;
        double scope1 = mineScope1 + (coal * ef.coalKgPerGj() + gas * ef.naturalGasKgPerGj()) / 1000.0
                + p.value(PROCESS_CO2_T_PER_T_LCE);
        double scope2 = mineScope2 + refineryKwh * refineryGridKgPerKwh / 1000.0;
        double tlG = concT * p.value(THALLIUM_G_PER_T_CONCENTRATE);
        double tlWaterShare = p.value(THALLIUM_TO_WATER_PCT) / 100.0;
        return new ProcessBalance(oreT, concT, brineM3, reagents, mineKwh, refineryKwh, coal, gas, diesel,
                p.value(WATER_M3_PER_T_LCE), residueT, tailingsT, scope1, scope2, mineScope1 + mineScope2,
                tlG * (1.0 - tlWaterShare), tlG * tlWaterShare, lithiumIn, lithiumToTailings, lithiumToResidue);
    }
}
