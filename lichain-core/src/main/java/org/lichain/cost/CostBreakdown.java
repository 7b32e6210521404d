package org.lichain.cost;

import org.lichain.dataset.InvalidInputException;

/**
 * C1 cash cost and AISC of one asset in one month, USD per t LCE ex-VAT on a chemical basis, broken down.
 * C1 = mining + beneficiation + reagents + energy + labour + residue and environmental + royalties and taxes
 * + freight + conversion − by-product credits. AISC = C1 + sustaining capital.
 * {@code upstreamCalibrated} says that mining is the residual to a reported site cash cost.
 */
public record CostBreakdown(String assetId, String month, double priceUsdPerTLce,
                            double miningUsdPerTLce, double beneficiationUsdPerTLce, double reagentsUsdPerTLce,
                            double energyUsdPerTLce, double labourUsdPerTLce, double residueEnvironmentalUsdPerTLce,
                            double royaltiesTaxesUsdPerTLce, double freightUsdPerTLce, double conversionUsdPerTLce,
                            double byproductCreditsUsdPerTLce, double sustainingCapexUsdPerTLce,
                            double cnyPerUsd, double vatPct, boolean upstreamCalibrated) {

    public double c1UsdPerTLce() {
        return miningUsdPerTLce + beneficiationUsdPerTLce + reagentsUsdPerTLce + energyUsdPerTLce + labourUsdPerTLce
                + residueEnvironmentalUsdPerTLce + royaltiesTaxesUsdPerTLce + freightUsdPerTLce + conversionUsdPerTLce
                - byproductCreditsUsdPerTLce;
    }

    public double aiscUsdPerTLce() {
        return c1UsdPerTLce() + sustainingCapexUsdPerTLce;
    }

    /** C1 in CNY per t including VAT, the way Chinese spot prices are quoted. */
    public double c1CnyPerTInclVat() {
        return c1UsdPerTLce() * cnyPerUsd * (1.0 + vatPct / 100.0);
    }

    public double aiscCnyPerTInclVat() {
        return aiscUsdPerTLce() * cnyPerUsd * (1.0 + vatPct / 100.0);
    }

    /** C1 without royalties: the part of cost that does not move with the price. */
    public double c1ExRoyaltiesUsdPerTLce() {
        return c1UsdPerTLce() - royaltiesTaxesUsdPerTLce;
    }

    /** The value of the chosen basis. */
    public double cost(Basis basis) {
        return basis == Basis.AISC ? aiscUsdPerTLce() : c1UsdPerTLce();
    }

    /** Cost basis of a curve. */
    public enum Basis {
        C1, AISC;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Basis parse(String s) {
            for (Basis b : values()) {
                if (b.id().equalsIgnoreCase(s)) {
                    return b;
                }
            }
            throw new InvalidInputException("unknown basis '" + s + "', expected c1 or aisc");
        }
    }
}
