package org.lichain.company;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.lichain.world.Stake;
import org.lichain.world.World;

/**
 * A two-asset toy world whose costs can be computed by hand: no input prices, no royalties, and each route's
 * upstream cost set through {@code reported_upstream_cash_cost_usd_per_t_lce} so that
 * mining per t chemical = reported ÷ refining recovery, and conversion = labour.
 * <ul>
 * <li>{@code M}: spodumene concentrate seller, 12,000 t LCE contained per year; upstream USD 3,600/t contained
 * (= 4,000 per t chemical at 90% recovery), conversion labour 1,000.</li>
 * <li>{@code I}: integrated Yichun lepidolite, 6,000 t LCE per year; upstream 4,000/t contained (= 5,000 per t
 * chemical at 80% recovery), conversion 3,000; C1 = 8,000.</li>
 * </ul>
 */
final class ToyWorld {
    static final int YEAR = 2025;

    private ToyWorld() {
    }

    static World world(double stakeToyInM, double stakeOtherInM) {
        return world(stakeToyInM, stakeOtherInM, List.of(), List.of());
    }

    /**
     * The toy world with reported production (else each asset produces at its capacity) and extra capacity
     * events of {@code I} (e.g. a temporary suspension).
     */
    static World world(double stakeToyInM, double stakeOtherInM, List<Production> production,
                       List<CapacityEvent> extraEventsOfI) {
        Map<Route, Parameters> routes = new EnumMap<>(Route.class);
        routes.put(Route.SPODUMENE_TO_CARBONATE, params(1.5, 6.0, 75, 90, 3600, 1000));
        routes.put(Route.LEPIDOLITE_SULFATE_ROAST, params(0.5, 2.5, 80, 80, 4000, 3000));
        List<Stake> mOwners = new ArrayList<>();
        if (stakeToyInM > 0) {
            mOwners.add(new Stake("TOY", stakeToyInM, "test"));
        }
        if (stakeOtherInM > 0) {
            mOwners.add(new Stake("OTHER", stakeOtherInM, "test"));
        }
        Asset m = asset("M", "AU", "AU", ResourceType.SPODUMENE, Route.SPODUMENE_TO_CARBONATE,
                AssetKind.MINE_CONCENTRATE, 12_000, mOwners);
        Asset i = asset("I", "CN", "CN-JX", ResourceType.LEPIDOLITE, Route.LEPIDOLITE_SULFATE_ROAST,
                AssetKind.INTEGRATED, 6_000, List.of(new Stake("TOY", 100, "test")));
        for (CapacityEvent e : extraEventsOfI) {
            i = i.withCapacity(i.capacity().with(e));
        }
        World w = new World(List.of(m, i), routes, Map.of(), production, new InputPrices(List.of()),
                new Fx(Map.of(YearMonth.of(2020, 1), new Fx.Rates(7.0, 1.5, "test"))), new GridFactors(List.of()),
                new Fiscal(List.of(), List.of()), new ReferencePrices(List.of()), Map.of());
        return w.withExtension(Companies.class, companies(List.of()));
    }

    static World world() {
        return world(50, 50);
    }

    static Companies companies(List<CompanyPlant> plants) {
        Map<Assumption, Companies.Value> a = new EnumMap<>(Assumption.class);
        put(a, Assumption.LEPIDOLITE_CONCENTRATE_PAYABILITY_PCT, 45);
        put(a, Assumption.SPODUMENE_CONCENTRATE_PAYABILITY_PCT, 57);
        put(a, Assumption.SC6_GRADE_LI2O_PCT, 6);
        put(a, Assumption.CATHODE_LCE_T_PER_T, 0.24);
        put(a, Assumption.CATHODE_PROCESSING_FEE_USD_PER_T, 2000);
        put(a, Assumption.CATHODE_PROCESSING_COST_USD_PER_T, 1800);
        put(a, Assumption.CELL_CATHODE_KG_PER_KWH, 2.0);
        put(a, Assumption.CELL_PRICE_EX_CATHODE_USD_PER_KWH, 40);
        put(a, Assumption.CELL_COST_EX_CATHODE_USD_PER_KWH, 30);
        return new Companies(List.of(new Company("TOY", "Toy group", "CN", "battery_maker", "test", ""),
                new Company("OTHER", "Other owner", "AU", "miner", "test", "")), plants, List.of(), a);
    }

    /** The toy world with the toy group owning plants (cells, cathode, converters). */
    static World withPlants(World w, List<CompanyPlant> plants) {
        return w.withExtension(Companies.class, companies(plants));
    }

    static CompanyPlant cells(double gwh) {
        return new CompanyPlant("TOY-CELLS", "TOY", "cells", Segment.CELLS, "CN", null, gwh, 100, 2020, 0, "test");
    }

    static CompanyPlant cathode(double t) {
        return new CompanyPlant("TOY-CAM", "TOY", "cathode", Segment.CATHODE, "CN", null, t, 100, 2020, 0, "test");
    }

    static CompanyPlant spodumeneConverter(double tLce) {
        return spodumeneConverter(tLce, 100);
    }

    static CompanyPlant spodumeneConverter(double capacityTLce, double utilisationPct) {
        return new CompanyPlant("TOY-CONV", "TOY", "converter", Segment.CONVERSION, "CN-SC",
                Route.SPODUMENE_TO_CARBONATE, capacityTLce, utilisationPct, 2020, 0, "test");
    }

    /** Flat monthly prices for the toy year. */
    static PricePath flat(World w, double carbonateUsd, double sc6Usd) {
        double[] li = new double[12];
        double[] sc = new double[12];
        java.util.Arrays.fill(li, carbonateUsd);
        java.util.Arrays.fill(sc, sc6Usd);
        return GivenPricePath.monthly(w, YEAR, li, sc, "toy flat");
    }

    private static void put(Map<Assumption, Companies.Value> a, Assumption k, double v) {
        a.put(k, new Companies.Value(k, v, "test"));
    }

    private static Parameters params(double head, double conc, double ben, double ref, double upstream,
                                     double labour) {
        Map<ProcessParameter, ParameterValue> p = new EnumMap<>(ProcessParameter.class);
        p.put(ProcessParameter.HEAD_GRADE_LI2O_PCT, ParameterValue.of(head, "test"));
        p.put(ProcessParameter.CONCENTRATE_GRADE_LI2O_PCT, ParameterValue.of(conc, "test"));
        p.put(ProcessParameter.BENEFICIATION_RECOVERY_PCT, ParameterValue.of(ben, "test"));
        p.put(ProcessParameter.REFINING_RECOVERY_PCT, ParameterValue.of(ref, "test"));
        p.put(ProcessParameter.REPORTED_UPSTREAM_CASH_COST_USD_PER_T_LCE, ParameterValue.of(upstream, "test"));
        p.put(ProcessParameter.LABOUR_USD_PER_T_LCE, ParameterValue.of(labour, "test"));
        return new Parameters(p);
    }

    private static Asset asset(String id, String country, String region, ResourceType type, Route route,
                               AssetKind kind, double capacity, List<Stake> owners) {
        return new Asset(id, id, country, region, type, route, kind, AssetStatus.OPERATING, 0, 0, false, owners,
                new CapacityTimeline(List.of(new CapacityEvent(YearMonth.of(2020, 1), null, capacity, 0,
                        CapacityEvent.Kind.START, "test"))), "test", "");
    }
}
