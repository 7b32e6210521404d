package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpillTest {
    private final RiverNetwork network = EnvFixtures.world().extension(RiverNetwork.class).orElseThrow();

    @Test
    void fiveKgThalliumAtYichunCityOutfall_exceedsAtGaoanIntake_withHandComputedTravelTime() {
        // December (dry season), OF-YICHUN-CITY on JJ-1 at km 40 → ST-INTAKE-GAOAN on JJ-4 at km 5:
        // distance = (70 − 40) + 55 + 50 + 5 = 140 km; every Jinjiang reach runs at 0.366 m/s in December
        // (river_flows.csv: 0.5 m/s × 0.40^0.34), so τ = 140,000 m / 0.366 m/s = 382,514 s = 106.25 h.
        // σt² = 2·D·L/u³ = 2·30·140,000/0.366³ = 1.713e8 s² → σt = 3.636 h; Q(JJ-4, Dec) = 75.4 m³/s;
        // peak = 5e6 µg·m³/L… = 5 kg·1e6 / (75.4 · 13,089 s · √(2π)) = 2.02 µg/L, 20× the 0.1 µg/L of GB 3838-2002.
        List<Spill.StationImpact> impacts = Spill.impacts(network, "OF-YICHUN-CITY", 5.0, 12);
        Spill.StationImpact gaoan = impacts.stream().filter(i -> i.id().equals("ST-INTAKE-GAOAN")).findFirst()
                .orElseThrow();
        assertThat(gaoan.distanceKm()).isCloseTo(140.0, within(1e-9));
        assertThat(gaoan.arrivalHours()).isCloseTo(106.254, within(0.001));
        assertThat(gaoan.sigmaHours()).isCloseTo(3.636, within(0.001));
        assertThat(gaoan.peakUgPerL()).isCloseTo(2.021, within(0.001));
        assertThat(gaoan.limitUgPerL()).isCloseTo(0.1, within(1e-12)); // GB 3838-2002 Table 3: 0.0001 mg/L
        assertThat(gaoan.exceeds()).isTrue();
    }

    /**
     * Issue 14: how long an intake stays above its limit. For a Gaussian pulse the time above L is
     * 2σ·√(2·ln(peak/L)); by hand, peak 0.4 µg/L, limit 0.1, σ 2 h: 2·2·√(2·ln 4) = 4·√2.7726 = 6.660 h. Checked
     * against the pulse kernel itself: counting the minutes the modelled concentration exceeds the limit.
     */
    @Test
    void hoursAboveLimit_matchesTheHandFormula_andTheKernelMinuteByMinute() {
        assertThat(Spill.hoursAboveLimit(0.4, 0.1, 2.0)).isCloseTo(6.660, within(0.001));
        assertThat(Spill.hoursAboveLimit(0.09, 0.1, 2.0)).isZero();
        RiverNetwork.Station gaoan = network.station("ST-INTAKE-GAOAN");
        Transport.Travel tr = Transport.travel(network.path(RiverNetwork.pointOf(network.outfall("OF-YICHUN-CITY")),
                RiverNetwork.pointOf(gaoan)).orElseThrow(), 12);
        Spill.StationImpact i = Spill.impacts(network, "OF-YICHUN-CITY", 5.0, 12).stream()
                .filter(x -> x.id().equals("ST-INTAKE-GAOAN")).findFirst().orElseThrow();
        assertThat(i.exceeds()).isTrue();
        int minutes = 0;
        for (int m = 0; m < 20 * 24 * 60; m++) {
            if (Transport.pulseUgPerL(5.0, tr, 0.0, m * 60.0) > i.limitUgPerL()) {
                minutes++;
            }
        }
        assertThat(i.hoursAboveLimit()).isCloseTo(minutes / 60.0, within(2.0 / 60)); // within two minutes
    }

    @Test
    void spillReachesOnlyDownstreamRiverStations_inOrderOfDistance() {
        List<Spill.StationImpact> impacts = Spill.impacts(network, "OF-YICHUN-CITY", 5.0, 6);
        assertThat(impacts).extracting(Spill.StationImpact::id).containsExactly("ST-BND-YUANZHOU-WANZAI",
                "ST-BND-WANZAI-SHANGGAO", "ST-INTAKE-SHANGGAO", "ST-INTAKE-GAOAN", "ST-BND-JINJIANG-MOUTH",
                "ST-INTAKE-NANCHANG");
        // peaks fall downstream: dispersion spreads the cloud and confluences dilute it
        for (int i = 1; i < impacts.size(); i++) {
            assertThat(impacts.get(i).peakUgPerL()).isLessThan(impacts.get(i - 1).peakUgPerL());
        }
    }

    @Test
    void pulseConservesMass_fluxIntegralEqualsRelease() {
        var path = network.path(RiverNetwork.pointOf(network.outfall("OF-YONGXING")),
                RiverNetwork.pointOf(network.station("ST-INTAKE-GAOAN"))).orElseThrow();
        Transport.Travel tr = Transport.travel(path, 3);
        double dt = 60;
        double sum = 0;
        for (double t = 0; t < tr.travelTimeS() * 3; t += dt) {
            sum += Transport.pulseUgPerL(2.0, tr, 0, t) * tr.flowM3PerS() * dt; // µg/L · m³/s · s = mg
        }
        assertThat(sum / 1e6).isCloseTo(2.0, within(1e-6)); // mg → kg
    }

    @Test
    void steadyState_completeMixingThenDilutionAtConfluence() {
        // 1 g/s at OF-YICHUN-CITY in June: below the outfall C = 1 g/s / (85.7 + 8000/86400) m³/s = 0.011657 mg/L
        // (upstream outfall OF-414 adds its 2000 m³/d effluent too: Q = 85.7 + 10000/86400 = 85.8157)
        double[] loads = new double[network.outfalls().size()];
        loads[network.outfalls().indexOf(network.outfall("OF-YICHUN-CITY"))] = 1.0;
        double c = Transport.steadyUgPerL(network, loads, new RiverNetwork.Point("JJ-1", 50), 6);
        assertThat(c).isCloseTo(1000.0 / (85.7 + 10000.0 / 86400), within(1e-9));
        // on JJ-3 the tributary has joined: Q = 278.5 + effluent of the 6 upstream outfalls (22,500 m³/d)
        double c3 = Transport.steadyUgPerL(network, loads, new RiverNetwork.Point("JJ-3", 45), 6);
        assertThat(c3).isCloseTo(1000.0 / (278.5 + 22500.0 / 86400), within(1e-9));
        // upstream of the outfall nothing arrives
        assertThat(Transport.steadyUgPerL(network, loads, new RiverNetwork.Point("JJ-1", 30), 6)).isZero();
    }

    @Test
    void unknownOutfall_isNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Spill.impacts(network, "OF-NOPE", 1, 1))
                .hasMessageContaining("unknown outfall 'OF-NOPE'");
    }
}
