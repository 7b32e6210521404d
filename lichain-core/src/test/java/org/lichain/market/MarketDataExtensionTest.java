package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetSource;
import org.lichain.dataset.Problem;
import org.lichain.dataset.Problems;

class MarketDataExtensionTest {
    /** The embedded files, with some replaced by the given text. */
    private static DatasetSource with(Map<String, String> files) {
        return DatasetSource.embedded().withFiles("test", files);
    }

    private static Problems load(Map<String, String> files) {
        Problems p = new Problems();
        MarketDataExtension.load(with(files), p);
        return p;
    }

    @Test
    void embeddedData_isValid_andHasEveryParameter() {
        MarketData d = MarketDataExtension.loadEmbedded();
        assertThat(d.parameters().keySet()).containsExactlyInAnyOrderElementsOf(MarketParameters.NAMES);
        assertThat(d.presets()).containsKeys("stated_policies", "faster_transition");
    }

    @Test
    void negativeGwh_isReportedAtItsLine() {
        Problems p = load(Map.of(MarketDataExtension.DRIVERS, """
                preset,year,ev_gwh,storage_gwh,consumer_gwh,industrial_t_lce,ev_lfp_share_pct,source
                stated_policies,2020,-5,20,70,100000,20,estimate: test
                """));
        Problem x = p.list().get(0);
        assertThat(x.file()).isEqualTo("demand_drivers.csv");
        assertThat(x.line()).isEqualTo(2);
        assertThat(x.field()).isEqualTo("ev_gwh");
    }

    @Test
    void unknownChemistry_andMissingSource() {
        Problems p = load(Map.of(MarketDataExtension.INTENSITY, """
                chemistry,year,kg_lce_per_kwh,source
                lfp,2020,0.9,estimate: x
                nmc,2020,1.0,estimate: x
                sodium,2020,0.1,estimate: x
                lfp,2030,0.8,
                """));
        assertThat(p.list()).extracting(Problem::line, Problem::field)
                .contains(org.assertj.core.groups.Tuple.tuple(4, "chemistry"),
                        org.assertj.core.groups.Tuple.tuple(5, "source"));
    }

    @Test
    void unknownParameter_andBadRegion_andBadFreightProduct() {
        Problems p = load(Map.of(
                MarketDataExtension.PARAMETERS, "parameter,value,unit,source\nwarp,1,x,estimate: x\n",
                MarketDataExtension.REGIONS, "year,region,share_pct,source\n2020,MARS,10,estimate: x\n",
                MarketDataExtension.FREIGHT, "product,origin,destination,usd_per_t_lce,source\nore,*,*,10,estimate: x\n"));
        assertThat(p.list()).extracting(Problem::file, Problem::field).contains(
                org.assertj.core.groups.Tuple.tuple("market_parameters.csv", "parameter"),
                org.assertj.core.groups.Tuple.tuple("demand_regions.csv", "region"),
                org.assertj.core.groups.Tuple.tuple("trade_freight.csv", "product"));
    }

    @Test
    void badHistoryPeriod_isReported() {
        Problems p = load(Map.of(MarketDataExtension.HISTORY,
                "series,period,value,unit,source\ncn,2022/11,1,cny,Mysteel\n"));
        assertThat(p.list()).extracting(Problem::line, Problem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "period"));
    }
}
