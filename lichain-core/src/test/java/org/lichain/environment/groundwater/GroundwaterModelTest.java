package org.lichain.environment.groundwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The named leak scenario at a site: arrivals in order of distance, peaks falling with distance. */
class GroundwaterModelTest {
    @Test
    void wholeStackLinerFailure_arrivesInOrderOfDistance() {
        GroundwaterSite s = GroundwaterFixtures.site(GroundwaterFixtures.aquifer());
        // 1.5 Mt → 316 m square; Tl 24.7 mg/kg → 37,050 kg, 10 % leachable
        GroundwaterModel.Result r = GroundwaterModel.run(s, SourceTerm.Scenario.LINER_FAILURE, 1.5e6, 37_050,
                GroundwaterFixtures.flatRain(), 2023, 60);
        var w = r.points().stream().filter(p -> p.id().equals("W")).findFirst().orElseThrow();
        var c15 = r.points().stream().filter(p -> p.id().equals("C-15-0")).findFirst().orElseThrow();
        var c100 = r.points().stream().filter(p -> p.id().equals("C-100-0")).findFirst().orElseThrow();
        var river = r.points().stream().filter(p -> p.id().equals("RIVER")).findFirst().orElseThrow();
        assertThat(c15.arrives()).isTrue();
        assertThat(c15.arrivalYears()).isLessThan(w.arrivalYears());
        assertThat(w.arrivalYears()).isLessThan(c100.arrivalYears());
        // flat rain and no depletion (0.41 kg/yr leached of 3,705 kg leachable): a constant source C0, so the arrival
        // month is the first month end after the bisection crossing of 0.1/C0 (an independent path to the same time)
        double c0 = r.leachate().sourceUgPerL()[0];
        assertThat(r.leachate().sourceUgPerL()[59]).isEqualTo(c0);
        double cross = Plume.crossingDays(s.aquifer(), r.leachate().widthM(), 30, 0, 0.1 / c0);
        assertThat(w.arrivalYears()).isCloseTo(Math.ceil(cross / GroundwaterModel.DAYS_PER_MONTH) / 12.0, within(1e-9));
        // and the front itself (C = C0/2 on the axis) passes near x = v't: 30 m at 0.1/4.2 m/day is 3.45 years
        double half = Plume.crossingDays(s.aquifer(), r.leachate().widthM(), 30, 0, 0.5 * 0.5
                * Plume.transverse(s.aquifer(), r.leachate().widthM(), 30, 0));
        assertThat(half / 365.25).isCloseTo(30 / (0.1 / 4.2) / 365.25, within(0.01));
        assertThat(c15.peakUgPerL()).isGreaterThanOrEqualTo(w.peakUgPerL());
        assertThat(river.peakUgPerL()).isLessThanOrEqualTo(c100.peakUgPerL());
        // the source concentration bounds every point (C ≤ C0: the unit response is at most 1)
        double maxC0 = java.util.Arrays.stream(r.leachate().sourceUgPerL()).max().orElseThrow();
        assertThat(c15.peakUgPerL()).isLessThanOrEqualTo(maxC0);
    }

    /**
     * Mass balance at the river: once the front has long passed the river line (400 m at 8.7 m/yr: 46 years; run 150),
     * the thallium crossing it per day equals what leaches per day (constant source, no decay, no depletion:
     * 0.29 kg/yr of 3,705 kg). The river it enters at 10 m³/s gets flux/(Q·86,400)·1000 µg/L.
     */
    @Test
    void riverFlux_equalsTheLeachedFluxAtLateTime() {
        GroundwaterSite s = GroundwaterFixtures.site(GroundwaterFixtures.aquifer());
        GroundwaterModel.Result r = GroundwaterModel.run(s, SourceTerm.Scenario.LINER_FAILURE, 1.5e6, 37_050,
                GroundwaterFixtures.flatRain(), 2023, 150);
        double leachedGPerDay = r.leachate().tlG()[0] / GroundwaterModel.DAYS_PER_MONTH;
        double last = r.riverFluxGPerDay()[r.months() - 1];
        assertThat(last).isCloseTo(leachedGPerDay, within(1e-3 * leachedGPerDay));
        assertThat(r.riverFluxGPerDay()[0]).isLessThan(1e-6 * leachedGPerDay); // not there after a month
        assertThat(GroundwaterModel.riverAddedUgPerL(r, r.months(), 10)).isCloseTo(last / 864_000.0 * 1000.0,
                within(1e-15));
    }

    @Test
    void classes_followGbt14848() {
        assertThat(GroundwaterClass.ofThalliumUgPerL(0.1)).isEqualTo(GroundwaterClass.I_III);
        assertThat(GroundwaterClass.ofThalliumUgPerL(0.11)).isEqualTo(GroundwaterClass.IV);
        assertThat(GroundwaterClass.ofThalliumUgPerL(1.0)).isEqualTo(GroundwaterClass.IV);
        assertThat(GroundwaterClass.ofThalliumUgPerL(1.01)).isEqualTo(GroundwaterClass.V);
    }

    @Test
    void intactLiner_leaksOnePercentOfTheFailure() {
        GroundwaterSite s = GroundwaterFixtures.site(GroundwaterFixtures.aquifer());
        var fail = GroundwaterModel.run(s, SourceTerm.Scenario.LINER_FAILURE, 1.5e6, 37_050,
                GroundwaterFixtures.flatRain(), 2023, 5);
        var intact = GroundwaterModel.run(s, SourceTerm.Scenario.INTACT, 1.5e6, 37_050,
                GroundwaterFixtures.flatRain(), 2023, 5);
        assertThat(intact.leachate().leachedKg()).isCloseTo(0.01 * fail.leachate().leachedKg(), within(1e-9));
    }
}
