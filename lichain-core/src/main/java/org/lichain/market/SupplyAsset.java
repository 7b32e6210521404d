package org.lichain.market;

import org.lichain.world.AssetKind;
import org.lichain.world.ResourceType;

/**
 * One asset as the market sees it: where it is, what it sells, its available capacity per simulated month
 * (t LCE per year, from the capacity timeline) and its unit cost per simulated year (USD per t LCE ex-VAT,
 * chemical basis): C1 without royalties and sustaining capital; royalties per t LCE at the prices of
 * {@link #ROYALTY_GRID_USD} (interpolated linearly between them: sliding royalty tiers such as Chile's are kept).
 *
 * @param captive  owned (50% or more) by an integrated group (a battery or car maker) that decides on the chain
 *                 margin rather than the mine's stand-alone margin
 * @param pipeline a development project: it produces only after an investment decision (FID) and its lead time
 */
public record SupplyAsset(String id, String name, String country, String region, ResourceType resourceType,
                          AssetKind kind, double[] capacityTLcePerYear, double[] c1ExRoyaltiesUsdPerTLce,
                          double[] royaltyUsdAtGrid, double[] sustainingUsdPerTLce, boolean pipeline,
                          boolean captive) {

    /** Chemical prices at which royalties are tabulated, USD per t LCE. */
    public static final double[] ROYALTY_GRID_USD = {0, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 10_000, 15_000,
            25_000, 50_000, 100_000};

    public SupplyAsset {
        if (royaltyUsdAtGrid.length != ROYALTY_GRID_USD.length) {
            throw new IllegalArgumentException("asset " + id + ": royalties need one value per grid price");
        }
    }

    /** A stand-alone (not captive) asset. */
    public SupplyAsset(String id, String name, String country, String region, ResourceType resourceType,
                       AssetKind kind, double[] capacityTLcePerYear, double[] c1ExRoyaltiesUsdPerTLce,
                       double[] royaltyUsdAtGrid, double[] sustainingUsdPerTLce, boolean pipeline) {
        this(id, name, country, region, resourceType, kind, capacityTLcePerYear, c1ExRoyaltiesUsdPerTLce,
                royaltyUsdAtGrid, sustainingUsdPerTLce, pipeline, false);
    }

    /** C1 at a chemical price in simulated year index {@code y}, USD per t LCE. */
    public double c1UsdPerTLce(int y, double priceUsdPerTLce) {
        return c1ExRoyaltiesUsdPerTLce[y] + royaltyUsd(priceUsdPerTLce);
    }

    /** Royalties and resource taxes at a chemical price (beyond the grid: the last rate, proportionally). */
    public double royaltyUsd(double priceUsdPerTLce) {
        double[] g = ROYALTY_GRID_USD;
        int n = g.length;
        if (priceUsdPerTLce >= g[n - 1]) {
            return royaltyUsdAtGrid[n - 1] * priceUsdPerTLce / g[n - 1];
        }
        for (int k = 1; k < n; k++) {
            if (priceUsdPerTLce <= g[k]) {
                double w = (priceUsdPerTLce - g[k - 1]) / (g[k] - g[k - 1]);
                return royaltyUsdAtGrid[k - 1] * (1 - w) + royaltyUsdAtGrid[k] * w;
            }
        }
        return royaltyUsdAtGrid[n - 1];
    }
}
