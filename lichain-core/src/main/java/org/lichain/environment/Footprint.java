package org.lichain.environment;

import org.lichain.dataset.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lichain.process.ProcessBalance;
import org.lichain.world.Asset;

/**
 * A year's environmental footprint of the assets in a region: totals, intensities per t LCE by resource type,
 * stockpiles at year end and the storage area they need. CO2e boundary: scope 1+2 from mine to chemical (E1) for
 * sites that run both stages, E0 (mine and concentrator) for concentrate sellers (see {@link EnvironmentLedger}).
 * Production and intensities count lithium where it is converted to chemical (a concentrate seller's lithium in its
 * conversion region); tailings and E0 where the ore is mined.
 */
public record Footprint(int year, String region, double productionTLce, double residueT, double tailingsT,
                        double co2eT, double waterM3, double thalliumToWaterKg, double thalliumToResidueKg,
                        double residueStockT, double tailingsStockT, double stackHeightM, double storageAreaM2,
                        Map<String, Intensity> intensityByResourceType, List<Site> sites, String basis) {

    /** Production-weighted full-chain intensities (E1) per t LCE of one resource type. */
    public record Intensity(double productionTLce, double residueTPerTLce, double tailingsTPerTLce,
                            double co2eTPerTLce, double waterM3PerTLce, double thalliumToWaterGPerTLce) {
    }

    /** One site's year. */
    public record Site(String asset, String name, String resourceType, double productionTLce, double residueT,
                       double tailingsT, double co2eT, double thalliumToWaterKg, double residueStockT) {
    }

    /** Yichun prefecture as a bounding box (estimate: from the prefecture's extent on a map, 27.3–29.1°N, 113.9–116.3°E). */
    public static boolean inYichun(Asset a) {
        return a.region().equals("CN-JX") && a.lat() >= 27.3 && a.lat() <= 29.1 && a.lon() >= 113.9 && a.lon() <= 116.3;
    }

    /** Region filter: {@code world}, {@code yichun}, a country (CN) or a region code (CN-JX). */
    public static boolean inRegion(Asset a, String region) {
        String r = region.trim();
        if (r.equalsIgnoreCase("world")) {
            return true;
        }
        if (r.equalsIgnoreCase("yichun")) {
            return inYichun(a);
        }
        String up = r.toUpperCase(Locale.ROOT);
        return a.country().equals(up) || a.region().equals(up);
    }

    /** Region filter for a chemical stage: at the site, or in a conversion region away from it. */
    static boolean chemicalInRegion(EnvironmentLedger l, int a, String region) {
        if (l.chemicalOnSite(a)) {
            return inRegion(l.assets[a], region);
        }
        String r = region.trim().toUpperCase(Locale.ROOT);
        String c = l.chemRegion[a];
        return r.equals("WORLD") || c.equals(r) || c.startsWith(r + "-") || (c.length() == 2 && c.equals(r));
    }

    /** Checks a region argument against the known assets; IllegalArgumentException when nothing matches. */
    public static void checkRegion(String region, List<Asset> assets) {
        if (region.equalsIgnoreCase("world") || region.equalsIgnoreCase("yichun")) {
            return;
        }
        for (Asset a : assets) {
            if (inRegion(a, region)) {
                return;
            }
        }
        java.util.Set<String> known = new java.util.TreeSet<>(List.of("world", "yichun"));
        for (Asset a : assets) {
            known.add(a.country());
            known.add(a.region());
        }
        throw new InvalidInputException("--region " + region + ": no asset in that region (use world, yichun, a "
                + "country such as CN or a region such as CN-JX)" + org.lichain.dataset.KnownIds.hint(region, known,
                "list the regions with 'lichain assets'"));
    }

    public static Footprint of(EnvironmentLedger l, int year, String region, double stackHeightM) {
        if (!(stackHeightM > 0)) {
            throw new InvalidInputException("stack height must be positive, got " + stackHeightM);
        }
        int first = l.production.indexOf(java.time.YearMonth.of(year, 1));
        int last = l.production.indexOf(java.time.YearMonth.of(year, 12));
        if (first < 0 || last < 0) {
            throw new InvalidInputException("year " + year + " is outside the ledger (" + l.production.start() + " to "
                    + l.production.month(l.production.months() - 1) + ")");
        }
        double prod = 0, res = 0, tail = 0, co2 = 0, water = 0, tlw = 0, tlr = 0, stockR = 0, stockT = 0;
        Map<String, double[]> byType = new TreeMap<>();
        List<Site> sites = new ArrayList<>();
        for (int a = 0; a < l.assets.length; a++) {
            Asset asset = l.assets[a];
            boolean site = inRegion(asset, region);
            boolean chem = chemicalInRegion(l, a, region);
            if (!site && !chem) {
                continue;
            }
            double p = 0, r = 0, t = 0, c = 0, w = 0, tw = 0, tr = 0;
            for (int i = first; i <= last; i++) {
                if (chem) {
                    p += l.production.tLce()[a][i];
                    r += l.residueT[a][i];
                    c += l.co2eChemT[a][i];
                    w += l.waterM3[a][i];
                    tw += l.thalliumToWaterKg[a][i];
                    tr += l.thalliumToResidueKg[a][i];
                }
                if (site) {
                    t += l.tailingsT[a][i];
                    c += l.co2eMineT[a][i];
                }
            }
            prod += p;
            res += r;
            tail += t;
            co2 += c;
            water += w;
            tlw += tw;
            tlr += tr;
            stockR += chem ? l.residueStockT[a][last] : 0.0;
            stockT += site ? l.tailingsStockT[a][last] : 0.0;
            if (p > 0) {
                ProcessBalance b = l.balance(a, year);
                double[] acc = byType.computeIfAbsent(asset.resourceType().id(), k -> new double[6]);
                acc[0] += p;
                acc[1] += p * b.leachResidueT();
                acc[2] += p * b.tailingsT();
                acc[3] += p * b.co2eT();
                acc[4] += p * b.waterM3();
                acc[5] += p * b.thalliumToWaterG();
            }
            if (p > 0 || t > 0) {
                sites.add(new Site(asset.id(), asset.name(), asset.resourceType().id(), p, r, t, c, tw,
                        chem ? l.residueStockT[a][last] : 0.0));
            }
        }
        Map<String, Intensity> intensities = new LinkedHashMap<>();
        for (var e : byType.entrySet()) {
            double[] v = e.getValue();
            intensities.put(e.getKey(), new Intensity(v[0], v[1] / v[0], v[2] / v[0], v[3] / v[0], v[4] / v[0],
                    v[5] / v[0]));
        }
        sites.sort((x, y) -> Double.compare(y.residueT(), x.residueT()));
        return new Footprint(year, region, prod, res, tail, co2, water, tlw, tlr, stockR, stockT, stackHeightM,
                EnvironmentLedger.storageAreaM2(stockR, stackHeightM), intensities, sites, l.production.basis());
    }

    /** Residue stock in a region at the end of each month of the ledger, t (for the stock chart). */
    public static double[] residueStockSeries(EnvironmentLedger l, String region) {
        double[] s = new double[l.production.months()];
        for (int a = 0; a < l.assets.length; a++) {
            if (chemicalInRegion(l, a, region)) {
                for (int i = 0; i < s.length; i++) {
                    s[i] += l.residueStockT[a][i];
                }
            }
        }
        return s;
    }
}
