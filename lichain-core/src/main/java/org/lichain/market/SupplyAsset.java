package org.lichain.market;

import org.lichain.world.AssetKind;
import org.lichain.world.ResourceType;

/**
 * One asset as the market sees it: where it is, what it sells, its available capacity per simulated month
 * (t LCE per year, from the capacity timeline) and its unit cost per simulated year (USD per t LCE ex-VAT,
 * chemical basis): C1 without royalties, royalties as a share of the chemical price, and sustaining capital.
 *
 * @param pipeline a development project: it produces only after an investment decision (FID) and its lead time
 */
public record SupplyAsset(String id, String name, String country, String region, ResourceType resourceType,
                          AssetKind kind, double[] capacityTLcePerYear, double[] c1ExRoyaltiesUsdPerTLce,
                          double[] royaltyShareOfPrice, double[] sustainingUsdPerTLce, boolean pipeline) {

    /** C1 at a chemical price in simulated year index {@code y}, USD per t LCE. */
    public double c1UsdPerTLce(int y, double priceUsdPerTLce) {
        return c1ExRoyaltiesUsdPerTLce[y] + royaltyShareOfPrice[y] * priceUsdPerTLce;
    }
}
