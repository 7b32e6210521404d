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

    /** Production − consumption − Δ consumer stocks − Δ producer stocks, t LCE (zero up to rounding). */
    public double massBalanceResidual(int t) {
        double prevC = t == 0 ? initialConsumerStockTLce : consumerStockTLce[t - 1];
        double prevP = t == 0 ? 0.0 : producerStockTLce[t - 1];
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
