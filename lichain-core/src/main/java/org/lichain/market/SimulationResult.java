package org.lichain.market;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The columnar result of one simulation: one value per month in every array (index = month since {@code start}).
 * Quantities are t LCE per month, prices USD per t LCE ex-VAT unless the name says otherwise.
 * Mass balance per month (primary lithium): {@code production = consumption + Δ consumer stocks + Δ producer stocks},
 * i.e. {@link #massBalanceResidual(int)} ≈ 0; consumption is of primary lithium (demand less recycled supply);
 * unmet demand is reported, not hidden. {@code demandTLce} is lithium demand after substitution and destruction
 * ({@code substitutedTLce} is what they removed); {@code recycledTLce} is the recycled lithium that met part of it.
 * {@code stockTightness} = stocks held ÷ stocks wanted; {@code short_} is true when it is below 1.
 */
public record SimulationResult(
        String scenario, long seed, YearMonth start, int months, double initialConsumerStockTLce,
        double initialProducerStockTLce,
        double[] priceUsdPerTLce, double[] priceCnyPerTInclVat, double[] hydroxideUsdPerT, double[] sc6UsdPerT,
        double[] marginalCostUsdPerTLce, boolean[] short_,
        double[] demandTLce, double[][] demandByRegion, double[][] demandBySegment,
        double[] consumptionTLce, double[] unmetDemandTLce,
        double[] productionTLce, double[][] productionByAsset, double[] availableCapacityTLce,
        double[] curtailedCapacityTLce, double[] utilisation,
        double[] shareOfOutputAtLoss, double[] consumerStockTLce, double[] producerStockTLce,
        double[] desiredStockTLce, double[] expectedPriceUsdPerTLce,
        double[][] regionalPriceUsdPerTLce,
        double[][][] flowCountryToRegion, // [t][originCountry][region] t LCE (chemical + concentrate by origin of lithium)
        double[][] importsByRegion, double[][] mineSelfSufficiency, double[][] conversionSelfSufficiency,
        double[][] chinaSupplyByOrigin,   // [originCountry][t] t LCE reaching Chinese buyers, by origin of the lithium
        double[][] chinaFeedByOrigin,     // [originCountry][t] concentrate into Chinese converters, t LCE
        List<String> assetIds, List<String> assetCountries, List<String> assetResourceTypes,
        List<String> assetRegions, double[][] assetC1UsdPerTLce, boolean[][] assetRunning, double[][] capacityByAsset,
        List<String> countries, int[] fidMonth, Map<String, Double> parameters,
        double[] recycledTLce, double[] substitutedTLce, double[] targetPriceUsdPerTLce, double[] stockTightness) {

    public YearMonth month(int t) {
        return start.plusMonths(t);
    }

    /**
     * The same result from month {@code first} on (a run spun up from an earlier start, reported from a later one):
     * every monthly array cut at {@code first}; the stocks before it become the initial stocks, so the mass balance
     * still closes in its first month. An FID month counts from the new start; an FID before it is −3.
     */
    public SimulationResult from(YearMonth first) {
        int k = (int) ((first.getYear() - start.getYear()) * 12L + first.getMonthValue() - start.getMonthValue());
        if (k < 0 || k >= months) {
            throw new IllegalArgumentException(first + " is outside the run " + start + ".." + month(months - 1));
        }
        if (k == 0) {
            return this;
        }
        int[] fid = fidMonth.clone();
        for (int i = 0; i < fid.length; i++) {
            if (fid[i] >= 0) {
                fid[i] = fid[i] >= k ? fid[i] - k : -3;
            }
        }
        boolean[] shortCut = java.util.Arrays.copyOfRange(short_, k, months);
        double[][][] flows = java.util.Arrays.copyOfRange(flowCountryToRegion, k, months);
        return new SimulationResult(scenario, seed, first, months - k, consumerStockTLce[k - 1],
                producerStockTLce[k - 1], cut(priceUsdPerTLce, k), cut(priceCnyPerTInclVat, k),
                cut(hydroxideUsdPerT, k), cut(sc6UsdPerT, k), cut(marginalCostUsdPerTLce, k), shortCut,
                cut(demandTLce, k), cut(demandByRegion, k), cut(demandBySegment, k), cut(consumptionTLce, k),
                cut(unmetDemandTLce, k), cut(productionTLce, k), cut(productionByAsset, k),
                cut(availableCapacityTLce, k), cut(curtailedCapacityTLce, k), cut(utilisation, k),
                cut(shareOfOutputAtLoss, k), cut(consumerStockTLce, k), cut(producerStockTLce, k),
                cut(desiredStockTLce, k), cut(expectedPriceUsdPerTLce, k), cut(regionalPriceUsdPerTLce, k), flows,
                cut(importsByRegion, k), cut(mineSelfSufficiency, k), cut(conversionSelfSufficiency, k),
                cut(chinaSupplyByOrigin, k), cut(chinaFeedByOrigin, k), assetIds, assetCountries,
                assetResourceTypes, assetRegions, cut(assetC1UsdPerTLce, k), cut(assetRunning, k),
                cut(capacityByAsset, k), countries, fid, parameters, cut(recycledTLce, k), cut(substitutedTLce, k),
                cut(targetPriceUsdPerTLce, k), cut(stockTightness, k));
    }

    private static double[] cut(double[] a, int k) {
        return a == null ? null : java.util.Arrays.copyOfRange(a, k, a.length);
    }

    private static double[][] cut(double[][] a, int k) {
        if (a == null) {
            return null;
        }
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = cut(a[i], k);
        }
        return out;
    }

    private static boolean[][] cut(boolean[][] a, int k) {
        if (a == null) {
            return null;
        }
        boolean[][] out = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] == null ? null : java.util.Arrays.copyOfRange(a[i], k, a[i].length);
        }
        return out;
    }

    /** Production − consumption − Δ consumer stocks − Δ producer stocks, t LCE (zero up to rounding). */
    public double massBalanceResidual(int t) {
        double prevC = t == 0 ? initialConsumerStockTLce : consumerStockTLce[t - 1];
        double prevP = t == 0 ? initialProducerStockTLce : producerStockTLce[t - 1];
        return productionTLce[t] - consumptionTLce[t] - (consumerStockTLce[t] - prevC) - (producerStockTLce[t] - prevP);
    }

    /** Production of a resource type's assets, per month. */
    public double[] productionOfType(String resourceType) {
        double[] out = new double[months];
        for (int i = 0; i < assetIds.size(); i++) {
            if (assetResourceTypes.get(i).equals(resourceType)) {
                for (int t = 0; t < months; t++) {
                    out[t] += productionByAsset[i][t];
                }
            }
        }
        return out;
    }

    /** Production of the assets in a country, per month. */
    public double[] productionOfCountry(String country) {
        double[] out = new double[months];
        for (int i = 0; i < assetIds.size(); i++) {
            if (assetCountries.get(i).equals(country)) {
                for (int t = 0; t < months; t++) {
                    out[t] += productionByAsset[i][t];
                }
            }
        }
        return out;
    }

    /** Share of a resource type's (and optionally a country's) output produced below C1, per month. */
    public double[] shareAtLoss(String resourceType, String country) {
        double[] out = new double[months];
        for (int t = 0; t < months; t++) {
            double prod = 0;
            double loss = 0;
            for (int i = 0; i < assetIds.size(); i++) {
                if ((resourceType == null || assetResourceTypes.get(i).equals(resourceType))
                        && (country == null || assetCountries.get(i).equals(country))) {
                    prod += productionByAsset[i][t];
                    if (assetC1UsdPerTLce[i][t] > priceUsdPerTLce[t]) {
                        loss += productionByAsset[i][t];
                    }
                }
            }
            out[t] = prod > 0 ? loss / prod : 0.0;
        }
        return out;
    }

    /** Available capacity of a resource type's assets that is not curtailed (t LCE per month), per month. */
    public double[] runningCapacityOfType(String resourceType) {
        double[] out = new double[months];
        for (int i = 0; i < assetIds.size(); i++) {
            if (assetResourceTypes.get(i).equals(resourceType)) {
                for (int t = 0; t < months; t++) {
                    out[t] += assetRunning[i][t] ? capacityByAsset[i][t] : 0.0;
                }
            }
        }
        return out;
    }

    /** Share of China's imported concentrate (feed from abroad) that comes from {@code origin}, per month. */
    public double[] chinaImportedFeedShare(String origin) {
        int o = countries.indexOf(origin);
        int cn = countries.indexOf("CN");
        double[] out = new double[months];
        for (int t = 0; t < months; t++) {
            double total = 0;
            for (int c = 0; c < countries.size(); c++) {
                if (c != cn) {
                    total += chinaFeedByOrigin[c][t];
                }
            }
            out[t] = o < 0 || total <= 0 ? 0.0 : chinaFeedByOrigin[o][t] / total;
        }
        return out;
    }

    /** Index of a month {@code YYYY-MM} in this result, or -1. */
    public int indexOf(YearMonth m) {
        long i = (m.getYear() - start.getYear()) * 12L + (m.getMonthValue() - start.getMonthValue());
        return i < 0 || i >= months ? -1 : (int) i;
    }
}
