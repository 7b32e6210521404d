package org.lichain.environment;

import static org.lichain.world.ProcessParameter.*;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lichain.dataset.DatasetSource;
import org.lichain.dataset.Problems;
import org.lichain.world.Asset;
import org.lichain.world.AssetKind;
import org.lichain.world.AssetStatus;
import org.lichain.world.CapacityEvent;
import org.lichain.world.CapacityTimeline;
import org.lichain.world.Fiscal;
import org.lichain.world.Fx;
import org.lichain.world.GridFactors;
import org.lichain.world.InputPrices;
import org.lichain.world.ParameterValue;
import org.lichain.world.Parameters;
import org.lichain.world.ProcessParameter;
import org.lichain.world.Production;
import org.lichain.world.ReferencePrices;
import org.lichain.world.ResourceType;
import org.lichain.world.Route;
import org.lichain.world.World;

/**
 * A small world for environment tests: the Yichun asset ids the river network links to (kinds as in the embedded
 * dataset: CN-JX-AGG is the city converter), plus one spodumene converter and one brine; round parameter values
 * chosen so that balances can be computed by hand.
 */
final class EnvFixtures {
    private EnvFixtures() {
    }

    static Asset asset(String id, String region, ResourceType type, Route route, AssetKind kind, double lat, double lon,
                       boolean aggregate, double capacityTLcePerYear) {
        CapacityTimeline cap = new CapacityTimeline(List.of(new CapacityEvent(YearMonth.of(2015, 1), null,
                capacityTLcePerYear, 0, CapacityEvent.Kind.START, "fixture")));
        return new Asset(id, id + " fixture", region.substring(0, 2), region, type, route, kind, AssetStatus.OPERATING,
                lat, lon, aggregate, List.of(), cap, "fixture", "");
    }

    static Parameters params(Object... kv) {
        Map<ProcessParameter, ParameterValue> m = new EnumMap<>(ProcessParameter.class);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((ProcessParameter) kv[i], ParameterValue.of(((Number) kv[i + 1]).doubleValue(), "fixture"));
        }
        return new Parameters(m);
    }

    /**
     * Lepidolite: head 0.5 % Li2O, concentrate 2.0 %, beneficiation 80 %, refining 80 %; per t LCE:
     * conc = 1/(0.02·2.473·0.8) = 25.273 t; ore = 25.273·0.02/(0.005·0.8) = 126.37 t; tailings = 101.09 t;
     * residue = 1.2 t/t conc → 30.33 t; Tl 10 g/t conc, 1 % to water → 2.527 g/t LCE to water.
     */
    static final Parameters LEPIDOLITE = params(HEAD_GRADE_LI2O_PCT, 0.5, CONCENTRATE_GRADE_LI2O_PCT, 2.0,
            BENEFICIATION_RECOVERY_PCT, 80, REFINING_RECOVERY_PCT, 80, LEACH_RESIDUE_T_PER_T_CONCENTRATE, 1.2,
            THALLIUM_G_PER_T_CONCENTRATE, 10, THALLIUM_TO_WATER_PCT, 1, WATER_M3_PER_T_LCE, 50,
            MINE_ELECTRICITY_KWH_PER_T_ORE, 40, REFINERY_ELECTRICITY_KWH_PER_T_LCE, 3000, REFINERY_COAL_GJ_PER_T_LCE, 60);
    static final Parameters SPODUMENE = params(HEAD_GRADE_LI2O_PCT, 1.2, CONCENTRATE_GRADE_LI2O_PCT, 6.0,
            BENEFICIATION_RECOVERY_PCT, 70, REFINING_RECOVERY_PCT, 90, LEACH_RESIDUE_T_PER_T_CONCENTRATE, 1.0,
            WATER_M3_PER_T_LCE, 60, MINE_ELECTRICITY_KWH_PER_T_ORE, 20, REFINERY_ELECTRICITY_KWH_PER_T_LCE, 2000,
            REFINERY_COAL_GJ_PER_T_LCE, 40);
    static final Parameters BRINE = params(BRINE_LI_MG_PER_L, 1500, REFINING_RECOVERY_PCT, 50, WATER_M3_PER_T_LCE, 30,
            REFINERY_ELECTRICITY_KWH_PER_T_LCE, 500, REFINERY_NATURAL_GAS_GJ_PER_T_LCE, 10);

    static World world() {
        List<Asset> assets = List.of(
                asset("CN-JX-01", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST, AssetKind.INTEGRATED,
                        28.4, 114.8, false, 12_000),
                asset("CN-JX-02", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST,
                        AssetKind.MINE_CONCENTRATE, 27.9, 114.4, false, 24_000),
                asset("CN-JX-03", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST, AssetKind.INTEGRATED,
                        28.3, 114.7, false, 6_000),
                asset("CN-JX-06", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST, AssetKind.INTEGRATED,
                        28.4, 115.2, false, 0),
                asset("CN-JX-AGG", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST,
                        AssetKind.CONVERTER, 27.8, 114.4, false, 400_000),
                asset("CN-SC-CONV", "CN-SC", ResourceType.SPODUMENE, Route.SPODUMENE_TO_CARBONATE, AssetKind.CONVERTER,
                        30.6, 104.0, false, 24_000),
                asset("CL-BRINE", "CL", ResourceType.BRINE, Route.BRINE_EVAPORATION, AssetKind.BRINE, -23.5, -68.2,
                        false, 12_000));
        Map<Route, Parameters> routes = new EnumMap<>(Route.class);
        routes.put(Route.LEPIDOLITE_SULFATE_ROAST, LEPIDOLITE);
        routes.put(Route.SPODUMENE_TO_CARBONATE, SPODUMENE);
        routes.put(Route.BRINE_EVAPORATION, BRINE);
        GridFactors grid = new GridFactors(List.of(
                new GridFactors.Factor("CN-JX", 2023, 0.5, "fixture"),
                new GridFactors.Factor("CN-SC", 2023, 0.1, "fixture"),
                new GridFactors.Factor("CL", 2023, 0.3, "fixture")));
        // as in the embedded dataset: China's 2023 rows add up to its total; CN-JX-06 has no row (inside the total);
        // the city converter CN-JX-AGG reports all Yichun conversion
        List<Production> production = List.of(
                new Production("CN-JX-01", 2023, 6_000, Production.Basis.CALENDAR, "fixture"),
                new Production("CN-JX-02", 2023, 24_000, Production.Basis.CALENDAR, "fixture"),
                new Production("CN-JX-03", 2023, 6_000, Production.Basis.CALENDAR, "fixture"),
                new Production("CN-JX-AGG", 2023, 120_000, Production.Basis.CALENDAR, "fixture"));
        World core = new World(assets, routes, Map.of(), production, new InputPrices(List.of()), new Fx(Map.of(YearMonth.of(2023, 1), new Fx.Rates(7.0, 1.5, "fixture"))), grid,
                new Fiscal(List.of(), List.of()), new ReferencePrices(List.of()), Map.of());
        return core.withExtension(RiverNetwork.class, network(core));
    }

    /** The embedded river network files validated against a core world. */
    static RiverNetwork network(World core) {
        Problems problems = new Problems();
        RiverNetwork n = new RiverNetworkExtension().load(DatasetSource.embedded(), core, problems);
        problems.throwIfAny("river network");
        return n;
    }
}
