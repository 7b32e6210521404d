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

    /**
     * Where a price falls on {@link #ROYALTY_GRID_USD}, computed once for all assets: {@code index} of the upper grid
     * point and the {@code weight} of the upper point; beyond the grid, {@code index = -1} and {@code weight} = price
     * ÷ the last grid price. {@code royaltyUsd(at(P)) == royaltyUsd(P)} for every asset.
     */
    public record GridPoint(int index, double weight) {
    }

    /** The grid position of a price (see {@link GridPoint}). */
    public static GridPoint at(double priceUsdPerTLce) {
        double[] g = ROYALTY_GRID_USD;
        int n = g.length;
        if (priceUsdPerTLce >= g[n - 1]) {
            return new GridPoint(-1, priceUsdPerTLce / g[n - 1]);
        }
        for (int k = 1; k < n; k++) {
            if (priceUsdPerTLce <= g[k]) {
                return new GridPoint(k, (priceUsdPerTLce - g[k - 1]) / (g[k] - g[k - 1]));
            }
        }
        return new GridPoint(-1, 1.0);
    }

    /** Royalties at a precomputed grid position: the same value as {@link #royaltyUsd(double)} at that price. */
    public double royaltyUsd(GridPoint at) {
        int n = royaltyUsdAtGrid.length;
        if (at.index() < 0) {
            return royaltyUsdAtGrid[n - 1] * at.weight();
        }
        int k = at.index();
        return royaltyUsdAtGrid[k - 1] * (1 - at.weight()) + royaltyUsdAtGrid[k] * at.weight();
    }

    /** C1 at a precomputed grid position of the price (see {@link #at}). */
    public double c1UsdPerTLce(int y, GridPoint at) {
        return c1ExRoyaltiesUsdPerTLce[y] + royaltyUsd(at);
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
