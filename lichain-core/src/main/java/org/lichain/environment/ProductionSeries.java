package org.lichain.environment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.lichain.world.Asset;
import org.lichain.world.World;

/**
 * Monthly production per asset, t LCE per month, {@code tLce[asset][month]} from {@code start}: the input of the
 * ledgers. Built from history ({@link #historical}) or from any simulation that yields per-asset monthly arrays
 * (the market simulation's output feeds {@link #of} directly).
 */
public record ProductionSeries(YearMonth start, String[] assetIds, double[][] tLce, String basis) {

    /** How historical production is taken. */
    public enum Basis {
        /** reported annual production ÷ 12 where the dataset has it, otherwise the capacity timeline */
        REPORTED_ELSE_CAPACITY,
        /** the capacity timeline at full utilisation (how the 2023 "≥15 Mt" slag forecast was made) */
        CAPACITY
    }

    public ProductionSeries {
        for (double[] row : tLce) {
            if (row.length != tLce[0].length) {
                throw new IllegalArgumentException("every asset needs the same number of months");
            }
        }
    }

    public static ProductionSeries of(YearMonth start, String[] assetIds, double[][] tLce, String basis) {
        return new ProductionSeries(start, assetIds, tLce, basis);
    }

    public int months() {
        return tLce.length == 0 ? 0 : tLce[0].length;
    }

    public YearMonth month(int i) {
        return start.plusMonths(i);
    }

    /** Index of a month, or -1 when outside. */
    public int indexOf(YearMonth m) {
        long i = (m.getYear() - start.getYear()) * 12L + (m.getMonthValue() - start.getMonthValue());
        return i < 0 || i >= months() ? -1 : (int) i;
    }

    /**
     * Historical production of every asset of the world from January {@code fromYear} to December {@code toYear}.
     * Reported basis (named simplifications, following the dataset's convention that a country's production rows add
     * up to its total and its aggregates hold "the rest"): an asset's reported annual output ÷ 12 where it has a row;
     * 0 where it has none but its country has rows that year (its output is inside an aggregate); otherwise its
     * capacity. A fiscal year (June) is used as if it were the calendar year. Converters are then reduced by the
     * conversion their integrated neighbours already do ({@link #converterRemainder}).
     */
    public static ProductionSeries historical(World world, int fromYear, int toYear, Basis basis) {
        List<Asset> assets = world.assets();
        int n = (toYear - fromYear + 1) * 12;
        String[] ids = new String[assets.size()];
        double[][] p = new double[assets.size()][n];
        YearMonth start = YearMonth.of(fromYear, 1);
        java.util.Set<String> countryYears = new java.util.HashSet<>();
        for (org.lichain.world.Production pr : world.allProduction()) {
            countryYears.add(world.asset(pr.assetId()).country() + "/" + pr.year());
        }
        for (int a = 0; a < assets.size(); a++) {
            Asset asset = assets.get(a);
            ids[a] = asset.id();
            for (int i = 0; i < n; i++) {
                YearMonth m = start.plusMonths(i);
                if (basis == Basis.CAPACITY) {
                    p[a][i] = asset.capacity().capacityTLcePerYear(m) / 12.0;
                    continue;
                }
                var reported = world.productionOf(asset.id(), m.getYear());
                if (reported.isPresent()) {
                    p[a][i] = reported.get().productionTLce() / 12.0;
                } else if (countryYears.contains(asset.country() + "/" + m.getYear())) {
                    p[a][i] = 0.0;
                } else {
                    p[a][i] = asset.capacity().capacityTLcePerYear(m) / 12.0;
                }
            }
        }
        converterRemainder(world, assets, p);
        return new ProductionSeries(start, ids, p, basis.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Integrated assets within this distance of a converter, in its region and of its resource type, are its cluster. */
    public static final double CLUSTER_RADIUS_KM = 100.0;

    /**
     * A converter next to integrated assets, or to concentrate sellers converting in its region, of the same resource
     * type (a city cluster such as Yichun's) is taken to include their conversion: its output is reduced, month by month, to max(0, converter − Σ cluster), so that
     * leach residue is not booked twice (named simplification).
     */
    static void converterRemainder(World world, List<Asset> assets, double[][] p) {
        for (int a = 0; a < assets.size(); a++) {
            Asset conv = assets.get(a);
            if (conv.kind() != org.lichain.world.AssetKind.CONVERTER) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            for (int b = 0; b < assets.size(); b++) {
                Asset m = assets.get(b);
                boolean convertsHere = m.kind() == org.lichain.world.AssetKind.INTEGRATED
                        || (m.kind() == org.lichain.world.AssetKind.MINE_CONCENTRATE && org.lichain.process.ProcessModel
                        .refineryRegion(m, world.parametersOf(m)).equals(conv.region()));
                if (convertsHere && m.region().equals(conv.region()) && m.resourceType() == conv.resourceType()
                        && distanceKm(conv.lat(), conv.lon(), m.lat(), m.lon()) <= CLUSTER_RADIUS_KM) {
                    members.add(b);
                }
            }
            for (int i = 0; i < p[a].length; i++) {
                double sum = 0;
                for (int b : members) {
                    sum += p[b][i];
                }
                p[a][i] = Math.max(0.0, p[a][i] - sum);
            }
        }
    }

    /** Great-circle distance, km (mean Earth radius 6371 km). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
