package org.lichain.cost;

import java.time.YearMonth;
import org.lichain.world.Asset;

/**
 * How an asset's electricity price in a month compares with the dataset's flat price: 1 for a flat load,
 * below 1 when the plant shifts load into cheap time-of-use hours (from {@code operations.EffectivePowerPrice}).
 */
@FunctionalInterface
public interface PowerPriceRatio {
    /** The flat price, as in the dataset. */
    PowerPriceRatio FLAT = (asset, month) -> 1.0;

    double ratioToFlat(Asset asset, YearMonth month);
}
