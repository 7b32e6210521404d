package org.lichain.cost;

import static org.lichain.world.ProcessParameter.*;

import java.time.YearMonth;
import org.lichain.process.ProcessBalance;
import org.lichain.process.ProcessModel;
import org.lichain.process.Reagent;
import org.lichain.world.Asset;
import org.lichain.world.AssetKind;
import org.lichain.world.Fiscal;
import org.lichain.world.Fx;
import org.lichain.world.InputPrices;
import org.lichain.world.Parameters;
import org.lichain.world.World;

/**
 * Bottom-up unit cost per asset and month: the process balance priced with the month's input prices and FX.
 * <ul>
 * <li>Energy: mine power and diesel at the asset's region, conversion power and heat at the refinery region.</li>
 * <li>Concentrate sellers ({@code mine_concentrate}) are put on a chemical basis: their concentrate is converted
 * at the conversion region (default Sichuan); reagents, conversion energy, residue handling and conversion labour
 * are reported together as {@code conversion}, and concentrate freight is added.</li>
 * <li>Where an asset has a reported site cash cost ({@code reported_upstream_cash_cost_usd_per_t_lce}, per t LCE
 * contained in concentrate), mining is the residual that makes mining + beneficiation + mine energy equal it,
 * divided by refining recovery to put it per t of chemical. Where a whole-chain cash cost is reported
 * ({@code reported_cash_cost_usd_per_t_lce}), mining is the residual that makes C1 before royalties equal it.</li>
 * <li>Royalties: the country's rate (sliding tiers where given) on the chemical price, or on the concentrate's
 * netback value (chemical price minus conversion cost) where the basis is {@code concentrate_value}.</li>
 * </ul>
 */
public final class CostModel {
    private CostModel() {
    }

    /** The unit cost of an asset in a month at a chemical price (USD/t LCE ex-VAT), for royalties. */
    public static CostBreakdown unitCost(World w, Asset a, YearMonth m, double priceUsdPerTLce) {
        ProcessBalance b = ProcessModel.balance(w, a, m.getYear());
        return unitCost(w, a, b, m, priceUsdPerTLce);
    }

    /** As {@link #unitCost(World, Asset, YearMonth, double)} with a precomputed balance. */
    public static CostBreakdown unitCost(World w, Asset a, ProcessBalance b, YearMonth m, double priceUsdPerTLce) {
        return unitCost(w, a, b, m, priceUsdPerTLce, PowerPriceRatio.FLAT);
    }

    /**
     * As above with the asset's electricity priced at {@code power.ratioToFlat(a, m)} times the dataset's flat price
     * ({@code --power-price scheduled}). Simplification: the ratio applies to all of the asset's power, mine and
     * conversion alike.
     */
    public static CostBreakdown unitCost(World w, Asset a, ProcessBalance b, YearMonth m, double priceUsdPerTLce,
                                         PowerPriceRatio power) {
        Parameters p = w.parametersOf(a);
        InputPrices prices = w.inputPrices();
        Fx fx = w.fx();
        String mineRegion = a.region();
        String refRegion = ProcessModel.refineryRegion(a, p);

        double reagents = 0;
        for (Reagent r : Reagent.values()) {
            double t = b.reagent(r);
            if (t > 0) {
                reagents += t * prices.usd(r.priceItem(), refRegion, m, fx);
            }
        }
        double powerRatio = power == PowerPriceRatio.FLAT ? 1.0 : power.ratioToFlat(a, m);
        double mineEnergy = b.mineKwh() * prices.usd("electricity", mineRegion, m, fx) * powerRatio
                + b.dieselGj() * prices.usd("diesel", mineRegion, m, fx);
        double refineryEnergy = b.refineryKwh() * prices.usd("electricity", refRegion, m, fx) * powerRatio
                + b.coalGj() * prices.usd("coal", refRegion, m, fx)
                + b.naturalGasGj() * prices.usd("natural_gas", refRegion, m, fx);
        double beneficiation = b.oreT() * p.value(BENEFICIATION_COST_USD_PER_T_ORE);
        double mining = b.oreT() * p.value(MINING_COST_USD_PER_T_ORE) + p.value(BRINE_COST_USD_PER_T_LCE);
        boolean calibrated = false;
        if (p.has(REPORTED_UPSTREAM_CASH_COST_USD_PER_T_LCE)) {
            double refRec = p.value(REFINING_RECOVERY_PCT) / 100.0;
            double reportedPerTChemical = p.value(REPORTED_UPSTREAM_CASH_COST_USD_PER_T_LCE) / refRec;
            mining = Math.max(0.0, reportedPerTChemical - beneficiation - mineEnergy);
            calibrated = true;
        }
        double labour = p.value(LABOUR_USD_PER_T_LCE);
        double residue = b.leachResidueT() * p.value(RESIDUE_HANDLING_USD_PER_T);
        double freight = 0;
        double conversion = 0;
        double energy = mineEnergy + refineryEnergy;
        if (a.kind() == AssetKind.MINE_CONCENTRATE) {
            freight = b.concentrateT() * p.value(CONCENTRATE_FREIGHT_USD_PER_T);
            conversion = reagents + refineryEnergy + residue + labour;
            reagents = 0;
            energy = mineEnergy;
            residue = 0;
            labour = 0;
        }
        if (p.has(REPORTED_CASH_COST_USD_PER_T_LCE)) {
            // the reported figure covers the whole chain: mining is what is left after the modelled components
            double others = beneficiation + reagents + energy + labour + residue + freight + conversion
                    - p.value(BYPRODUCT_CREDIT_USD_PER_T_LCE);
            mining = Math.max(0.0, p.value(REPORTED_CASH_COST_USD_PER_T_LCE) - others);
            calibrated = true;
        }
        double conversionCostForNetback = a.kind() == AssetKind.MINE_CONCENTRATE ? conversion + freight
                : b.oreT() > 0 ? reagents + refineryEnergy + residue + labour : 0.0;
        double royalties = royalty(w.fiscal(), a, priceUsdPerTLce, conversionCostForNetback);
        Fx.Rates rates = fx.at(m);
        return new CostBreakdown(a.id(), m.toString(), priceUsdPerTLce, mining, beneficiation, reagents, energy, labour,
                residue, royalties, freight, conversion, p.value(BYPRODUCT_CREDIT_USD_PER_T_LCE),
                p.value(SUSTAINING_CAPEX_USD_PER_T_LCE), rates.cnyPerUsd(), w.fiscal().chinaVatPct(), calibrated);
    }

    /** Royalty and resource tax per t LCE at a chemical price. */
    static double royalty(Fiscal fiscal, Asset a, double priceUsdPerTLce, double conversionCostUsdPerTLce) {
        if (a.kind() == AssetKind.CONVERTER) {
            return 0.0;
        }
        double rate = fiscal.royaltyPct(a.country(), priceUsdPerTLce) / 100.0;
        double base = fiscal.of(a.country()).basis() == Fiscal.RoyaltyBasis.CONCENTRATE_VALUE
                ? Math.max(0.0, priceUsdPerTLce - conversionCostUsdPerTLce)
                : priceUsdPerTLce;
        return rate * base;
    }
}
