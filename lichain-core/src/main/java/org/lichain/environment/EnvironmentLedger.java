package org.lichain.environment;

import org.lichain.dataset.InvalidInputException;
import java.time.YearMonth;
import org.lichain.process.ProcessBalance;
import org.lichain.process.ProcessModel;
import org.lichain.world.Asset;
import org.lichain.world.AssetKind;
import org.lichain.world.World;

/**
 * Monthly environmental ledgers per asset, computed from a {@link ProductionSeries} and each asset's
 * {@link ProcessBalance} (per t LCE, grid factors of the month's year). Arrays are {@code [asset][month]}.
 *
 * <p>Stages (named simplification): the mine stage (tailings, mine-and-concentrator CO2e E0) is booked at the site;
 * the chemical stage (leach residue, refinery CO2e E1 − E0, thallium, water — the whole-chain water figure) where the
 * lithium is converted: on site for integrated and brine assets and converters, in the asset's conversion region
 * ({@link ProcessModel#refineryRegion}) for concentrate sellers. A converter books no mine stage (its concentrate's
 * mine is counted at the mine). Stockpiles start empty at the first month of the series.
 */
public final class EnvironmentLedger {
    /**
     * First year of the historical ledger (stockpiles accumulate from January of this year), for {@code lichain env}
     * and the server alike.
     */
    public static final int HISTORICAL_FROM_YEAR = 2018;

    /** Dry bulk density of stacked leach residue, t/m³ (estimate: assumed, not in reference/). */
    public static final double RESIDUE_BULK_DENSITY_T_PER_M3 = 1.5;

    public final ProductionSeries production;
    public final Asset[] assets;
    public final double[][] residueT;
    public final double[][] tailingsT;
    public final double[][] co2eT;
    /** The mine-stage (E0) and chemical-stage (E1 − E0) parts of {@link #co2eT}. */
    public final double[][] co2eMineT;
    public final double[][] co2eChemT;
    /** Where each asset's chemical stage runs: its own region, or its conversion region for concentrate sellers. */
    public final String[] chemRegion;
    public final double[][] waterM3;
    public final double[][] thalliumToResidueKg;
    public final double[][] thalliumToWaterKg;
    /** Cumulative leach residue on site at the end of each month, t. */
    public final double[][] residueStockT;
    public final double[][] tailingsStockT;
    /** Full-chain (E1) intensity per t LCE of each asset, for intensities by route: [asset][year index]. */
    final ProcessBalance[][] balances;

    private EnvironmentLedger(ProductionSeries production, Asset[] assets, ProcessBalance[][] balances, int n) {
        this.production = production;
        this.assets = assets;
        this.balances = balances;
        int a = assets.length;
        residueT = new double[a][n];
        tailingsT = new double[a][n];
        co2eT = new double[a][n];
        co2eMineT = new double[a][n];
        co2eChemT = new double[a][n];
        chemRegion = new String[a];
        waterM3 = new double[a][n];
        thalliumToResidueKg = new double[a][n];
        thalliumToWaterKg = new double[a][n];
        residueStockT = new double[a][n];
        tailingsStockT = new double[a][n];
    }

    /**
     * The historical ledger to the end of {@code toYear}, from January of {@link #HISTORICAL_FROM_YEAR} (or of
     * {@code toYear} when earlier).
     */
    public static EnvironmentLedger historical(World world, int toYear, ProductionSeries.Basis basis) {
        return compute(world,
                ProductionSeries.historical(world, Math.min(HISTORICAL_FROM_YEAR, toYear), toYear, basis));
    }

    /** Computes the ledgers; an asset without a usable balance (missing parameters) books nothing, named in the error. */
    public static EnvironmentLedger compute(World world, ProductionSeries p) {
        int n = p.months();
        Asset[] assets = new Asset[p.assetIds().length];
        int firstYear = p.start().getYear();
        int years = n == 0 ? 0 : p.month(n - 1).getYear() - firstYear + 1;
        ProcessBalance[][] balances = new ProcessBalance[assets.length][years];
        for (int a = 0; a < assets.length; a++) {
            assets[a] = world.asset(p.assetIds()[a]);
            boolean produces = false;
            for (double v : p.tLce()[a]) {
                produces |= v > 0;
            }
            if (!produces) {
                continue;
            }
            for (int y = 0; y < years; y++) {
                balances[a][y] = ProcessModel.balance(world, assets[a], firstYear + y);
            }
        }
        EnvironmentLedger l = new EnvironmentLedger(p, assets, balances, n);
        for (int a = 0; a < assets.length; a++) {
            AssetKind kind = assets[a].kind();
            boolean mine = kind != AssetKind.CONVERTER;
            boolean chem = true;
            l.chemRegion[a] = ProcessModel.refineryRegion(assets[a], world.parametersOf(assets[a]));
            double stockR = 0;
            double stockT = 0;
            for (int i = 0; i < n; i++) {
                double q = p.tLce()[a][i];
                if (q > 0) {
                    ProcessBalance b = balances[a][p.month(i).getYear() - firstYear];
                    l.co2eMineT[a][i] = mine ? q * b.co2eMineT() : 0.0;
                    l.co2eChemT[a][i] = q * (b.co2eT() - b.co2eMineT());
                    double co2 = (l.co2eMineT[a][i] + l.co2eChemT[a][i]) / q;
                    l.residueT[a][i] = chem ? q * b.leachResidueT() : 0.0;
                    l.tailingsT[a][i] = mine ? q * b.tailingsT() : 0.0;
                    l.co2eT[a][i] = q * co2;
                    l.waterM3[a][i] = chem ? q * b.waterM3() : 0.0;
                    l.thalliumToResidueKg[a][i] = chem ? q * b.thalliumToResidueG() / 1000.0 : 0.0;
                    l.thalliumToWaterKg[a][i] = chem ? q * b.thalliumToWaterG() / 1000.0 : 0.0;
                }
                stockR += l.residueT[a][i];
                stockT += l.tailingsT[a][i];
                l.residueStockT[a][i] = stockR;
                l.tailingsStockT[a][i] = stockT;
            }
        }
        return l;
    }

    /** True when the asset's chemical stage runs at the site itself. */
    public boolean chemicalOnSite(int asset) {
        return chemRegion[asset].equals(assets[asset].region());
    }

    /** The full-chain balance of an asset in a year, or null when it does not produce in the series. */
    public ProcessBalance balance(int asset, int year) {
        int y = year - production.start().getYear();
        return y < 0 || y >= balances[asset].length ? null : balances[asset][y];
    }

    public int assetIndex(String id) {
        int a = indexOf(id);
        if (a < 0) {
            throw new InvalidInputException("asset '" + id + "' is not in the ledger");
        }
        return a;
    }

    /** The asset's row in the ledger, or −1 when it is not in it. */
    public int indexOf(String id) {
        for (int a = 0; a < assets.length; a++) {
            if (assets[a].id().equals(id)) {
                return a;
            }
        }
        return -1;
    }

    /** Storage area (m²) of a residue stock stacked to {@code stackHeightM}. */
    public static double storageAreaM2(double stockT, double stackHeightM) {
        return stockT / (RESIDUE_BULK_DENSITY_T_PER_M3 * stackHeightM);
    }

    /** Thallium discharge of an asset in a month, g/s averaged over the month. */
    public double thalliumToWaterGPerS(int asset, YearMonth m) {
        int i = production.indexOf(m);
        if (i < 0) {
            return 0.0;
        }
        return thalliumToWaterKg[asset][i] * 1000.0 / (m.lengthOfMonth() * 86400.0);
    }
}
