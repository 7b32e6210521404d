package org.lichain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
import org.lichain.world.ReferencePrices;
import org.lichain.world.ResourceType;
import org.lichain.world.Route;
import org.lichain.world.World;

/** Small hand-made worlds for tests, with round numbers that can be checked by hand. */
public final class TestWorlds {
    private TestWorlds() {
    }

    public static Parameters params(Object... kv) {
        Map<ProcessParameter, ParameterValue> m = new EnumMap<>(ProcessParameter.class);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((ProcessParameter) kv[i], ParameterValue.of(((Number) kv[i + 1]).doubleValue(), "test"));
        }
        return new Parameters(m);
    }

    public static Asset asset(String id, String country, String region, ResourceType type, Route route, AssetKind kind,
                              double capacityTLce) {
        CapacityTimeline t = new CapacityTimeline(List.of(new CapacityEvent(YearMonth.of(2015, 1), null, capacityTLce, 0,
                CapacityEvent.Kind.START, "test")));
        return new Asset(id, id + " name", country, region, type, route, kind, AssetStatus.OPERATING, 0, 0, false,
                List.of(), t, "test", "");
    }

    /** Flat prices: power 0.1 USD/kWh everywhere, coal 4 USD/GJ, gas 8 USD/GJ, diesel 20 USD/GJ, reagents 100 USD/t. */
    public static InputPrices flatPrices() {
        List<InputPrices.Price> p = new ArrayList<>();
        YearMonth from = YearMonth.of(2015, 1);
        p.add(new InputPrices.Price("electricity", "*", from, 0.1, "usd_per_kwh", "test"));
        p.add(new InputPrices.Price("coal", "*", from, 4, "usd_per_gj", "test"));
        p.add(new InputPrices.Price("natural_gas", "*", from, 8, "usd_per_gj", "test"));
        p.add(new InputPrices.Price("diesel", "*", from, 20, "usd_per_gj", "test"));
        for (String r : List.of("na2so4", "k2so4", "cao", "caco3", "h2so4", "na2co3", "naoh", "hcl")) {
            p.add(new InputPrices.Price(r, "*", from, 100, "usd_per_t", "test"));
        }
        return new InputPrices(p);
    }

    public static World world(List<Asset> assets, Map<Route, Parameters> routeParams, Map<String, Parameters> assetParams) {
        Map<YearMonth, Fx.Rates> fx = new HashMap<>();
        fx.put(YearMonth.of(2015, 1), new Fx.Rates(7.0, 1.5, "test"));
        GridFactors grid = new GridFactors(List.of(new GridFactors.Factor("*", 2015, 0.5, "test")));
        Fiscal fiscal = new Fiscal(List.of(new Fiscal.CountryFiscal("CN", 0, Fiscal.RoyaltyBasis.CHEMICAL_VALUE, 13, "test"),
                new Fiscal.CountryFiscal("AU", 5, Fiscal.RoyaltyBasis.CONCENTRATE_VALUE, 0, "test")), List.of());
        return new World(assets, routeParams, assetParams, List.of(), flatPrices(), new Fx(fx), grid, fiscal,
                new ReferencePrices(List.of(new ReferencePrices.Point(ReferencePrices.CARBONATE_ANNUAL_USD, "2023", 20000,
                        "usd_per_t", "test"))), Map.of());
    }
}
