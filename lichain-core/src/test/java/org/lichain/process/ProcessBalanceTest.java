package org.lichain.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.lichain.world.ProcessParameter.*;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.lichain.TestWorlds;
import org.lichain.world.Parameters;
import org.lichain.world.Route;

class ProcessBalanceTest {

    /**
     * Hand computation, lepidolite sulfate roast, head 0.5% Li2O, concentrate 2.5% Li2O, beneficiation 80%,
     * refining 88%:
     * concentrate = 1 / (0.025 × 2.473 × 0.88) = 18.3803 t; ore = 18.3803 × 0.025 / (0.005 × 0.80) = 114.877 t;
     * tailings = ore − concentrate = 96.497 t; Li in = 114.877 × 0.005 × 2.473 = 1.42045 t LCE;
     * lost to tailings 1.42045 × 0.20 = 0.28409; lost to residue 1.42045 × 0.80 × 0.12 = 0.13636.
     * Leach residue 1.7 t per t concentrate → 31.247 t. Power 50 kWh/t ore → 5,743.9 kWh + 1,000 refinery at 0.5 kg/kWh
     * → scope 2 = 6,743.9 × 0.5 / 1000 = 3.372 t. Coal 20 GJ × 95 kg/GJ = 1.9 t scope 1 + process CO2 0.5 t = 2.4 t.
     * Thallium 10 g/t concentrate → 183.80 g, 2% to water = 3.676 g.
     */
    @Test
    void lepidoliteSulfateRoast_matchesHandComputation() {
        Parameters p = TestWorlds.params(HEAD_GRADE_LI2O_PCT, 0.5, CONCENTRATE_GRADE_LI2O_PCT, 2.5,
                BENEFICIATION_RECOVERY_PCT, 80, REFINING_RECOVERY_PCT, 88, LEACH_RESIDUE_T_PER_T_CONCENTRATE, 1.7,
                MINE_ELECTRICITY_KWH_PER_T_ORE, 50, REFINERY_ELECTRICITY_KWH_PER_T_LCE, 1000, REFINERY_COAL_GJ_PER_T_LCE, 20,
                PROCESS_CO2_T_PER_T_LCE, 0.5, THALLIUM_G_PER_T_CONCENTRATE, 10, THALLIUM_TO_WATER_PCT, 2,
                NA2SO4_T_PER_T_LCE, 1.2);
        ProcessBalance b = ProcessModel.balance("T", Route.LEPIDOLITE_SULFATE_ROAST, p, 0.5, 0.5, EmissionFactors.DEFAULT);
        assertThat(b.concentrateT()).isCloseTo(18.3803, within(1e-3));
        assertThat(b.oreT()).isCloseTo(114.877, within(1e-2));
        assertThat(b.tailingsT()).isCloseTo(96.497, within(1e-2));
        assertThat(b.lithiumInTLce()).isCloseTo(1.42045, within(1e-4));
        assertThat(b.lithiumToTailingsTLce()).isCloseTo(0.28409, within(1e-4));
        assertThat(b.lithiumToResidueTLce()).isCloseTo(0.13636, within(1e-4));
        assertThat(b.leachResidueT()).isCloseTo(31.247, within(1e-2));
        assertThat(b.kwh()).isCloseTo(6743.9, within(0.5));
        assertThat(b.co2eScope2T()).isCloseTo(3.372, within(1e-3));
        assertThat(b.co2eScope1T()).isCloseTo(2.4, within(1e-9));
        assertThat(b.thalliumToResidueG() + b.thalliumToWaterG()).isCloseTo(183.80, within(0.01));
        assertThat(b.thalliumToWaterG()).isCloseTo(3.676, within(1e-3));
        assertThat(b.reagent(Reagent.NA2SO4)).isEqualTo(1.2);
        assertThat(b.lithiumResidualTLce()).isCloseTo(0.0, within(1e-12));
    }

    /**
     * Hand computation, spodumene to carbonate with the Kelly/Istrate LCI (reference/process.md §5): SC 6% Li2O,
     * refining 90%: concentrate = 1 / (0.06 × 2.473 × 0.90) = 7.4880 t (the LCI gives 7.3 t at ≈92%);
     * ore 1.5% Li2O, beneficiation 70% → ore = 7.4880 × 0.06 / (0.015 × 0.70) = 42.789 t.
     * Power 1,800 kWh at Sichuan 0.1404 kg/kWh (MEE 2022) → 0.2527 t; coal 135.9 GJ × 95 kg/GJ = 12.91 t.
     */
    @Test
    void spodumeneToCarbonate_matchesHandComputation() {
        Parameters p = TestWorlds.params(HEAD_GRADE_LI2O_PCT, 1.5, CONCENTRATE_GRADE_LI2O_PCT, 6.0,
                BENEFICIATION_RECOVERY_PCT, 70, REFINING_RECOVERY_PCT, 90, REFINERY_ELECTRICITY_KWH_PER_T_LCE, 1800,
                REFINERY_COAL_GJ_PER_T_LCE, 135.9, H2SO4_T_PER_T_LCE, 1.71, NA2CO3_T_PER_T_LCE, 2.05);
        ProcessBalance b = ProcessModel.balance("S", Route.SPODUMENE_TO_CARBONATE, p, 0.0, 0.1404, EmissionFactors.DEFAULT);
        assertThat(b.concentrateT()).isCloseTo(7.4880, within(1e-3));
        assertThat(b.oreT()).isCloseTo(42.789, within(1e-2));
        assertThat(b.co2eScope2T()).isCloseTo(0.25272, within(1e-4));
        assertThat(b.co2eScope1T()).isCloseTo(12.9105, within(1e-3));
        assertThat(b.reagent(Reagent.H2SO4)).isEqualTo(1.71);
        assertThat(b.lithiumResidualTLce()).isCloseTo(0.0, within(1e-12));
    }

    /** Brine 1,800 mg/L Li (Atacama, reference/process.md §7), recovery 50%: 1/(0.0018 × 5.323 × 0.5) = 208.73 m3. */
    @Test
    void brine_volumeFromGradeAndRecovery() {
        Parameters p = TestWorlds.params(BRINE_LI_MG_PER_L, 1800, REFINING_RECOVERY_PCT, 50);
        ProcessBalance b = ProcessModel.balance("B", Route.BRINE_EVAPORATION, p, 0.3, 0.3, EmissionFactors.DEFAULT);
        assertThat(b.brineM3()).isCloseTo(208.73, within(0.01));
        assertThat(b.oreT()).isZero();
        assertThat(b.lithiumToTailingsTLce()).isCloseTo(1.0, within(1e-9));
        assertThat(b.lithiumResidualTLce()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void missingRequiredParameter_isNamed() {
        Parameters p = TestWorlds.params(HEAD_GRADE_LI2O_PCT, 0.5, CONCENTRATE_GRADE_LI2O_PCT, 2.5,
                BENEFICIATION_RECOVERY_PCT, 80);
        assertThatThrownBy(() -> ProcessModel.balance("X-1", Route.LEPIDOLITE_SULFATE_ROAST, p, 0.5, 0.5,
                EmissionFactors.DEFAULT)).hasMessageContaining("X-1").hasMessageContaining("refining_recovery_pct");
    }

    /** Lithium in = product + losses, for any grades and recoveries (hard rock). */
    @Property(tries = 500)
    void lithiumBalanceCloses_hardRock(@ForAll @DoubleRange(min = 0.1, max = 2.0) double head,
                                       @ForAll @DoubleRange(min = 2.0, max = 7.0) double conc,
                                       @ForAll @DoubleRange(min = 20, max = 100) double ben,
                                       @ForAll @DoubleRange(min = 20, max = 100) double ref) {
        Parameters p = TestWorlds.params(HEAD_GRADE_LI2O_PCT, head, CONCENTRATE_GRADE_LI2O_PCT, conc,
                BENEFICIATION_RECOVERY_PCT, ben, REFINING_RECOVERY_PCT, ref);
        ProcessBalance b = ProcessModel.balance("P", Route.SPODUMENE_TO_CARBONATE, p, 0.5, 0.5, EmissionFactors.DEFAULT);
        assertThat(Math.abs(b.lithiumResidualTLce())).isLessThan(1e-9 * b.lithiumInTLce());
        assertThat(b.oreT()).isGreaterThanOrEqualTo(b.concentrateT());
        assertThat(b.tailingsT()).isGreaterThanOrEqualTo(0.0);
        assertThat(b.lithiumInTLce()).isGreaterThanOrEqualTo(1.0 - 1e-12);
    }

    /** Lithium balance closes for brines too, and the brine volume falls as grade rises. */
    @Property(tries = 300)
    void lithiumBalanceCloses_brine(@ForAll @DoubleRange(min = 50, max = 5000) double mgPerL,
                                    @ForAll @DoubleRange(min = 10, max = 100) double ref) {
        Parameters p = TestWorlds.params(BRINE_LI_MG_PER_L, mgPerL, REFINING_RECOVERY_PCT, ref);
        ProcessBalance b = ProcessModel.balance("P", Route.DLE, p, 0.5, 0.5, EmissionFactors.DEFAULT);
        Parameters richer = TestWorlds.params(BRINE_LI_MG_PER_L, mgPerL * 1.1, REFINING_RECOVERY_PCT, ref);
        assertThat(Math.abs(b.lithiumResidualTLce())).isLessThan(1e-9 * b.lithiumInTLce());
        assertThat(ProcessModel.balance("P", Route.DLE, richer, 0.5, 0.5, EmissionFactors.DEFAULT).brineM3())
                .isLessThan(b.brineM3());
    }
}
