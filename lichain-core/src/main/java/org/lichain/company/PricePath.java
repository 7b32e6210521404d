package org.lichain.company;

import java.time.YearMonth;
import org.lichain.world.Asset;

/**
 * The market conditions a company P&L is computed from: monthly prices and each asset's monthly output.
 *
 * <p>Two sources implement it. {@link GivenPricePath} takes prices from the dataset's reference prices or a
 * flat price, and output from reported production or available capacity. <b>Adapter point for the market
 * simulation (issue 3):</b> once {@code org.lichain.market} lands in main, a {@code SimulationPricePath} wraps
 * its {@code SimulationResult} behind this same interface — with {@code t = result.indexOf(m)}:
 * {@code priceUsdPerTLce[t]} for carbonate, {@code sc6UsdPerT[t]} for SC6 and the asset's row of
 * {@code productionByAsset} (looked up through {@code assetIds}) for output, converted to t LCE per month —
 * and the company model needs no change. Until then no simulated output is used or imitated.
 */
public interface PricePath {
    /** Short description for reports, e.g. {@code reference prices 2025} or {@code flat 9000 USD/t}. */
    String name();

    /** China battery-grade carbonate, USD per t LCE ex-VAT, in month {@code m}. */
    double carbonateUsdPerTLce(YearMonth m);

    /** Spodumene concentrate SC6 (6% Li2O) CIF China, USD per t of concentrate, in month {@code m}. */
    double sc6UsdPerT(YearMonth m);

    /**
     * The asset's output in month {@code m}, t LCE (contained in concentrate for {@code mine_concentrate}
     * assets, chemical otherwise), on a 100% basis.
     */
    double productionTLce(Asset asset, YearMonth m);

    /**
     * Lepidolite concentrate value, USD per t LCE contained ex-VAT, in month {@code m}; NaN when the path has no
     * such price, in which case the company model values it at carbonate × the lepidolite payability.
     */
    default double lepidoliteConcentrateUsdPerTLce(YearMonth m) {
        return Double.NaN;
    }
}
