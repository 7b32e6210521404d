package org.lichain.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Royalties and VAT by country, including sliding royalty tiers (Chile's Corfo leases). */
public final class Fiscal {
    /** What a royalty rate is applied to. */
    public enum RoyaltyBasis {
        CHEMICAL_VALUE, CONCENTRATE_VALUE;

        public static RoyaltyBasis parse(String id) {
            return Enums.parse(RoyaltyBasis.class, id);
        }
    }

    /** One row of {@code fiscal.csv}. */
    public record CountryFiscal(String country, double royaltyPct, RoyaltyBasis basis, double vatPct, String source) {
    }

    /** One row of {@code royalty_tiers.csv}: from this price up, this rate. */
    public record RoyaltyTier(String country, double priceFromUsdPerTLce, double ratePct, String source) {
    }

    private final Map<String, CountryFiscal> byCountry = new HashMap<>();
    private final Map<String, List<RoyaltyTier>> tiers = new HashMap<>();

    public Fiscal(List<CountryFiscal> countries, List<RoyaltyTier> royaltyTiers) {
        for (CountryFiscal c : countries) {
            byCountry.put(c.country(), c);
        }
        for (RoyaltyTier t : royaltyTiers) {
            tiers.computeIfAbsent(t.country(), k -> new ArrayList<>()).add(t);
        }
        tiers.values().forEach(l -> l.sort(Comparator.comparingDouble(RoyaltyTier::priceFromUsdPerTLce)));
    }

    public List<CountryFiscal> countries() {
        return List.copyOf(byCountry.values());
    }

    public List<RoyaltyTier> tiers() {
        List<RoyaltyTier> all = new ArrayList<>();
        tiers.values().forEach(all::addAll);
        return all;
    }

    public CountryFiscal of(String country) {
        CountryFiscal c = byCountry.get(country);
        if (c == null) {
            c = byCountry.get("*");
        }
        return c != null ? c : new CountryFiscal(country, 0.0, RoyaltyBasis.CHEMICAL_VALUE, 0.0, "none");
    }

    /** Royalty rate (percent) at a chemical price: the highest tier at or below it, else the flat rate. */
    public double royaltyPct(String country, double priceUsdPerTLce) {
        List<RoyaltyTier> t = tiers.get(country);
        if (t != null && !t.isEmpty()) {
            double rate = 0.0;
            for (RoyaltyTier tier : t) {
                if (priceUsdPerTLce >= tier.priceFromUsdPerTLce()) {
                    rate = tier.ratePct();
                }
            }
            return rate;
        }
        return of(country).royaltyPct();
    }

    /** China's VAT on lithium chemicals, percent (13% per the reference). */
    public double chinaVatPct() {
        CountryFiscal cn = byCountry.get("CN");
        return cn == null ? 13.0 : cn.vatPct();
    }
}
