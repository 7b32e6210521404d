package org.lichain.company;

import org.lichain.dataset.InvalidInputException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.lichain.market.SimulationResult;
import org.lichain.world.Asset;

/**
 * Company P&L conditions taken from a market simulation: the simulated China carbonate price and SC6 price of
 * each month, and each asset's simulated monthly output (t LCE on the dataset's basis: contained in concentrate
 * for concentrate sellers, chemical otherwise, as the simulation takes capacities from the dataset).
 * A month outside the simulated period is an error, not a guess.
 */
public final class SimulationPricePath implements PricePath {
    private final SimulationResult result;
    private final Map<String, Integer> row = new HashMap<>();

    public SimulationPricePath(SimulationResult result) {
        this.result = result;
        for (int i = 0; i < result.assetIds().size(); i++) {
            row.put(result.assetIds().get(i), i);
        }
    }

    private int index(YearMonth m) {
        int t = result.indexOf(m);
        if (t < 0 || t >= result.months()) {
            throw new InvalidInputException("month " + m + " is outside the simulated period " + result.start()
                    + ".." + result.month(result.months() - 1));
        }
        return t;
    }

    @Override
    public String name() {
        return "market simulation '" + result.scenario() + "' (seed " + result.seed() + ")";
    }

    @Override
    public double carbonateUsdPerTLce(YearMonth m) {
        return result.priceUsdPerTLce()[index(m)];
    }

    @Override
    public double sc6UsdPerT(YearMonth m) {
        return result.sc6UsdPerT()[index(m)];
    }

    @Override
    public double productionTLce(Asset asset, YearMonth m) {
        Integer i = row.get(asset.id());
        return i == null ? 0.0 : result.productionByAsset()[i][index(m)];
    }
}
