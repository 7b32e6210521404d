package org.lichain.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.lichain.dataset.DatasetLoader;
import org.lichain.world.Asset;
import org.lichain.world.CapacityEvent;
import org.lichain.world.Production;
import org.lichain.world.Stake;
import org.lichain.world.World;

/** Invariants of the company P&L over random prices, stakes and downstream plants. */
class CompanyPropertiesTest {

    private static World toy(double cellsGwh, double cathodeT, double converterTLce, double stakeToy,
                             double stakeOther) {
        return toy(cellsGwh, cathodeT, converterTLce, 100, stakeToy, stakeOther, -1);
    }

    /**
     * The toy group with downstream plants, a converter at {@code converterUtilisationPct} and, when
     * {@code productionOfI ≥ 0}, a reported output of I below or above its 6,000 t/yr nameplate, suspended in
     * Nov–Dec (so fixed costs are absorbed at other than 100% and some months have none).
     */
    private static World toy(double cellsGwh, double cathodeT, double converterTLce, double converterUtilisationPct,
                             double stakeToy, double stakeOther, double productionOfI) {
        List<CompanyPlant> plants = new ArrayList<>();
        if (cellsGwh > 0.01) {
            plants.add(ToyWorld.cells(cellsGwh));
        }
        if (cathodeT > 1) {
            plants.add(ToyWorld.cathode(cathodeT));
        }
        if (converterTLce > 1) {
            plants.add(ToyWorld.spodumeneConverter(converterTLce, converterUtilisationPct));
        }
        World base = productionOfI < 0 ? ToyWorld.world(stakeToy, stakeOther)
                : ToyWorld.world(stakeToy, stakeOther,
                        List.of(new Production("I", ToyWorld.YEAR, productionOfI, Production.Basis.CALENDAR, "t")),
                        List.of(new CapacityEvent(YearMonth.of(2025, 11), YearMonth.of(2025, 12), 0, 0,
                                CapacityEvent.Kind.SUSPENSION, "t")));
        return ToyWorld.withPlants(base, plants);
    }

    /**
     * Segment margins add up to the integrated margin, which (a) does not depend on the transfer pricing and
     * (b) equals an independent consolidation: the stakes × each asset's stand-alone margin at market plus the
     * cathode and cell margins at market transfer (internal sales at market are what an outsider would pay).
     * With fixed costs absorbed at random utilisations (converter plant, I below or above nameplate, I suspended
     * in Nov–Dec).
     */
    @Property(tries = 60)
    void segmentMarginsAddUpToTheIntegratedMargin(@ForAll @DoubleRange(min = 2_000, max = 80_000) double carbonate,
                                                  @ForAll @DoubleRange(min = 200, max = 8_000) double sc6,
                                                  @ForAll @DoubleRange(min = 0, max = 5) double cellsGwh,
                                                  @ForAll @DoubleRange(min = 0, max = 30_000) double cathodeT,
                                                  @ForAll @DoubleRange(min = 0, max = 9_000) double converterTLce,
                                                  @ForAll @DoubleRange(min = 0, max = 100) double utilisation,
                                                  @ForAll @DoubleRange(min = 0, max = 8_000) double productionOfI,
                                                  @ForAll @DoubleRange(min = 1, max = 100) double stake) {
        World w = toy(cellsGwh, cathodeT, converterTLce, utilisation, stake, 100 - stake, productionOfI);
        PricePath path = ToyWorld.flat(w, carbonate, sc6);
        CompanyPnl market = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, path, TransferPricing.MARKET);
        CompanyPnl cost = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, path, TransferPricing.COST);
        double scale = Math.max(1.0, Math.abs(market.segment(Segment.CELLS).revenueUsd())
                + Math.abs(market.segment(Segment.MINING).revenueUsd()));
        double tol = 1e-9 * scale;
        for (CompanyPnl p : List.of(market, cost)) {
            double sum = 0;
            for (Segment s : Segment.values()) {
                sum += p.segment(s).marginUsd();
            }
            double monthly = p.months().stream().mapToDouble(CompanyPnl.Month::integratedMarginUsd).sum();
            assertThat(p.integratedMarginUsd()).isCloseTo(sum, within(tol)).isCloseTo(monthly, within(tol));
        }
        assertThat(cost.integratedMarginUsd()).isCloseTo(market.integratedMarginUsd(), within(tol));
        double consolidated = market.segment(Segment.CATHODE).marginUsd() + market.segment(Segment.CELLS).marginUsd();
        for (AssetVerdict a : market.assets()) {
            consolidated += a.standaloneMarginUsd() * a.stakePct() / 100.0;
        }
        assertThat(market.integratedMarginUsd()).isCloseTo(consolidated, within(tol));
    }

    /** Two owners of M see between them exactly their combined share of its output (attributable volumes). */
    @Property(tries = 40)
    void attributableVolumesAddUpToTheOwnedShare(@ForAll @DoubleRange(min = 0, max = 100) double a,
                                                 @ForAll @DoubleRange(min = 0, max = 100) double b) {
        double toy = a * (100 - 0) / 100.0;
        double other = (100 - toy) * b / 100.0; // toy + other ≤ 100
        World w = ToyWorld.world(toy, other);
        PricePath path = ToyWorld.flat(w, 10_000, 900);
        double toyMining = CompanyModel.pnl(w, "TOY", ToyWorld.YEAR, path, TransferPricing.MARKET)
                .segment(Segment.MINING).volume() - 6_000 / 0.8; // minus I's mine stage (TOY owns I wholly)
        double otherMining = CompanyModel.pnl(w, "OTHER", ToyWorld.YEAR, path, TransferPricing.MARKET)
                .segment(Segment.MINING).volume();
        assertThat(toyMining + otherMining).isCloseTo(12_000 * (toy + other) / 100.0, within(1e-6));
    }

    /** In the embedded dataset, every asset's stakes add up to at most 100%, summed over the groups. */
    @org.junit.jupiter.api.Test
    void embeddedStakesAddUpPerAsset() {
        World w = DatasetLoader.loadEmbedded();
        java.util.Set<String> owners = new java.util.TreeSet<>();
        w.assets().forEach(x -> x.owners().forEach(s -> owners.add(s.ownerId())));
        Map<String, Double> total = new java.util.HashMap<>();
        for (String o : owners) {
            CompanyModel.stakesOf(w, o).forEach((id, pct) -> total.merge(id, pct, Double::sum));
        }
        for (Asset x : w.assets()) {
            double declared = x.owners().stream().mapToDouble(Stake::stakePct).sum();
            assertThat(total.getOrDefault(x.id(), 0.0)).as(x.id()).isCloseTo(declared, within(1e-9))
                    .isLessThanOrEqualTo(100.0 + 1e-9);
        }
        // Greenbushes: Albemarle 49 + Tianqi 26.01 + IGO 24.99 = 100 (reference/assets.csv AU-WA-01)
        assertThat(total.get("AU-WA-01")).isCloseTo(100.0, within(1e-9));
    }
}
