package org.lichain.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lichain.world.World;

/** Bad input: each case names the file, the line and the field in the error, and nothing loads. */
class MalformedDatasetTest {

    /** A minimal valid dataset: two assets with their timelines and every required file. */
    static Map<String, String> valid() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("assets.csv", """
                id,name,country,region,resource_type,route,kind,status_2025,lat,lon,aggregate,source,note
                # a comment line
                CN-JX-01,Jianxiawo,CN,CN-JX,lepidolite,lepidolite_sulfate_roast,integrated,curtailed,28.4,114.5,false,test source,
                AU-WA-01,Greenbushes,AU,AU,spodumene,spodumene_to_carbonate,mine_concentrate,operating,-33.86,116.06,false,"test, with comma",
                """);
        f.put("asset_owners.csv", """
                asset_id,owner,stake_pct,source
                CN-JX-01,CATL,100,test
                AU-WA-01,TIANQI,51,test
                AU-WA-01,ALBEMARLE,49,test
                """);
        f.put("capacity_events.csv", """
                asset_id,from,to,capacity_t_lce_per_year,ramp_months,kind,cause,source,note
                CN-JX-01,2022-01,,60000,12,start,construction,test,
                CN-JX-01,2025-08,2026-01,0,0,suspension,permit,test,licence
                AU-WA-01,2015-01,,160000,0,start,construction,test,
                """);
        f.put("asset_production.csv", """
                asset_id,year,production_t_lce,basis,source
                AU-WA-01,2023,150000,fy_june,test
                """);
        f.put("route_parameters.csv", """
                route,parameter,value,unit,source
                lepidolite_sulfate_roast,head_grade_li2o_pct,0.5,pct,test
                lepidolite_sulfate_roast,concentrate_grade_li2o_pct,2.5,pct,test
                lepidolite_sulfate_roast,beneficiation_recovery_pct,80,pct,test
                lepidolite_sulfate_roast,refining_recovery_pct,88,pct,test
                spodumene_to_carbonate,head_grade_li2o_pct,1.5,pct,test
                spodumene_to_carbonate,concentrate_grade_li2o_pct,6,pct,test
                spodumene_to_carbonate,beneficiation_recovery_pct,70,pct,test
                spodumene_to_carbonate,refining_recovery_pct,90,pct,test
                """);
        f.put("asset_parameters.csv", """
                asset_id,parameter,value,unit,source
                AU-WA-01,head_grade_li2o_pct,2.0,pct,test
                """);
        f.put("input_prices.csv", """
                item,region,from,value,unit,source
                electricity,CN-JX,2019-01,0.63,cny_per_kwh,test
                coal,*,2019-01,4,usd_per_gj,test
                """);
        f.put("fx.csv", """
                month,cny_per_usd,aud_per_usd,source
                2019-01,6.9,1.4,estimate: test
                """);
        f.put("grid_factors.csv", """
                region,year,kg_co2_per_kwh,source
                CN-JX,2022,0.5752,test
                """);
        f.put("fiscal.csv", """
                country,royalty_pct,royalty_basis,vat_pct,source
                AU,5,concentrate_value,0,test
                CN,0,chemical_value,13,test
                """);
        f.put("royalty_tiers.csv", """
                country,price_from_usd_per_t_lce,rate_pct,source
                CL,0,6.8,test
                """);
        f.put("reference_prices.csv", """
                series,period,value,unit,source
                li2co3_battery_usd_per_t,2023,46000,usd_per_t,test
                """);
        return f;
    }

    static DatasetSource source(Map<String, String> files) {
        Map<String, String> copy = new HashMap<>(files);
        return new DatasetSource() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public Optional<String> read(String file) {
                return Optional.ofNullable(copy.get(file));
            }
        };
    }

    /** Replaces the first occurrence of {@code from} in {@code file}. */
    static Map<String, String> with(String file, String from, String to) {
        Map<String, String> f = valid();
        String text = f.get(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " has no '" + from + "'");
        }
        f.put(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return f;
    }

    @Test
    void validDataset_loads() {
        World w = DatasetLoader.load(source(valid()));
        assertThat(w.assets()).hasSize(2);
        assertThat(w.asset("AU-WA-01").owners()).hasSize(2);
        assertThat(w.asset("CN-JX-01").capacity().capacityTLcePerYear(java.time.YearMonth.of(2025, 9))).isZero();
        assertThat(w.asset("CN-JX-01").capacity().capacityTLcePerYear(java.time.YearMonth.of(2026, 2))).isEqualTo(60000);
        assertThat(w.parametersOf(w.asset("AU-WA-01")).value(org.lichain.world.ProcessParameter.HEAD_GRADE_LI2O_PCT))
                .isEqualTo(2.0);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // file, replace, with, expected file:line, field, words in reason
                Arguments.of("assets.csv", "28.4,114.5", "abc,114.5", "assets.csv:3", "lat", "not a number"),
                Arguments.of("assets.csv", "28.4,114.5", "95,114.5", "assets.csv:3", "lat", "between -90 and 90"),
                Arguments.of("assets.csv", "lepidolite,lepidolite_sulfate_roast", "lepidolit,lepidolite_sulfate_roast",
                        "assets.csv:3", "resource_type", "expected one of"),
                Arguments.of("assets.csv", "CN,CN-JX", "China,CN-JX", "assets.csv:3", "country", "ISO 3166-1"),
                Arguments.of("assets.csv", "AU-WA-01,Greenbushes", "CN-JX-01,Greenbushes", "assets.csv:4", "id", "duplicate"),
                Arguments.of("assets.csv", "test source,", ",", "assets.csv:3", "source", "citation"),
                Arguments.of("assets.csv", "spodumene,spodumene_to_carbonate", "spodumene,brine_evaporation",
                        "assets.csv:4", "route", "does not process spodumene"),
                Arguments.of("assets.csv", "operating,", "running,", "assets.csv:4", "status_2025", "expected one of"),
                Arguments.of("capacity_events.csv", "60000,12", "-60000,12", "capacity_events.csv:2",
                        "capacity_t_lce_per_year", "must not be negative"),
                Arguments.of("capacity_events.csv", "AU-WA-01,2015-01", "AU-WA-99,2015-01", "capacity_events.csv:4",
                        "asset_id", "unknown asset id"),
                Arguments.of("capacity_events.csv", "2025-08,2026-01", "2025-08,2024-01", "capacity_events.csv:3", "to",
                        "before"),
                Arguments.of("capacity_events.csv", "2022-01,", "2022-13,", "capacity_events.csv:2", "from", "YYYY-MM"),
                Arguments.of("asset_owners.csv", "ALBEMARLE,49", "ALBEMARLE,59", "asset_owners.csv:4", "stake_pct",
                        "more than 100%"),
                Arguments.of("route_parameters.csv", "refining_recovery_pct,88,pct", "refining_recovery_pct,88,fraction",
                        "route_parameters.csv:5", "unit", "expected 'pct'"),
                Arguments.of("route_parameters.csv", "head_grade_li2o_pct,0.5", "head_grade_li2o_pc,0.5",
                        "route_parameters.csv:2", "parameter", "unknown value"),
                Arguments.of("asset_parameters.csv", "2.0,pct,test", "120,pct,test", "asset_parameters.csv:2", "value",
                        "at most 100"),
                Arguments.of("input_prices.csv", "0.63,cny_per_kwh", "0.63,cny_per_t", "input_prices.csv:2", "unit",
                        "wrong unit for electricity"),
                Arguments.of("input_prices.csv", "coal,*", "uranium,*", "input_prices.csv:3", "item", "unknown input"),
                Arguments.of("fx.csv", "6.9,1.4,estimate: test", "6.9,1.4,estimated from memory", "fx.csv:2", "source",
                        "estimate:"),
                Arguments.of("fiscal.csv", "5,concentrate_value", "5,ore_value", "fiscal.csv:2", "royalty_basis",
                        "expected one of"),
                Arguments.of("asset_production.csv", "2023,150000", "2023,1.5e5x", "asset_production.csv:2",
                        "production_t_lce", "not a number"),
                Arguments.of("grid_factors.csv", "0.5752", "5.752", "grid_factors.csv:2", "kg_co2_per_kwh", "between"),
                Arguments.of("reference_prices.csv", "2023,46000", "23,46000", "reference_prices.csv:2", "period",
                        "YYYY"));
    }

    @ParameterizedTest(name = "{0}: {5} ({3})")
    @MethodSource("cases")
    void malformedInput_isReportedWithFileLineAndField(String file, String from, String to, String where, String field,
                                                      String reason) {
        assertThatThrownBy(() -> DatasetLoader.load(source(with(file, from, to))))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.file() + ":" + p.line()).isEqualTo(where);
                        assertThat(p.field()).isEqualTo(field);
                        assertThat(p.reason()).contains(reason);
                        assertThat(p.column()).isPositive();
                    });
                    assertThat(e.getMessage()).contains(where);
                });
    }

    @Test
    void unterminatedQuote_namesLineAndColumn() {
        Map<String, String> f = with("assets.csv", "\"test, with comma\"", "\"test, with comma");
        assertThatThrownBy(() -> DatasetLoader.load(source(f))).isInstanceOfSatisfying(DatasetException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("assets.csv");
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.reason()).contains("unterminated");
                }));
    }

    @Test
    void wrongFieldCount_namesLine() {
        Map<String, String> f = with("fx.csv", "2019-01,6.9,1.4", "2019-01,6.9,1.4,extra");
        assertThatThrownBy(() -> DatasetLoader.load(source(f))).isInstanceOfSatisfying(DatasetException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file() + ":" + p.line()).isEqualTo("fx.csv:2");
                    assertThat(p.reason()).contains("5 fields, the header has 4");
                }));
    }

    @Test
    void missingColumnAndMissingFile_areBothReported() {
        Map<String, String> f = with("grid_factors.csv", "region,year", "regio,year");
        f.remove("fiscal.csv");
        assertThatThrownBy(() -> DatasetLoader.load(source(f))).isInstanceOfSatisfying(DatasetException.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("grid_factors.csv");
                assertThat(p.field()).isEqualTo("region");
                assertThat(p.reason()).contains("missing from the header");
            });
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("fiscal.csv");
                assertThat(p.reason()).contains("required file is missing");
            });
        });
    }

    @Test
    void severalProblems_areAllCollected() {
        Map<String, String> f = with("assets.csv", "28.4,114.5", "abc,999");
        f.put("fx.csv", f.get("fx.csv").replace("6.9,1.4", "-1,1.4"));
        assertThatThrownBy(() -> DatasetLoader.load(source(f))).isInstanceOfSatisfying(DatasetException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).contains("lat", "lon", "cny_per_usd"));
    }

    @Test
    void emptyFile_isReported() {
        Map<String, String> f = valid();
        f.put("fx.csv", "");
        assertThatThrownBy(() -> DatasetLoader.load(source(f))).isInstanceOfSatisfying(DatasetException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("fx.csv");
                    assertThat(p.reason()).contains("empty");
                }));
    }

    @Test
    void csvQuoting_roundTrips() {
        Problems problems = new Problems();
        CsvTable t = CsvTable.parse("x.csv", "a,b\n\"1,2\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",z\n", problems);
        assertThat(problems.isEmpty()).isTrue();
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).fields()).containsExactly("1,2", "say \"hi\"");
        assertThat(t.rows().get(1).fields()).containsExactly("multi\nline", "z");
        assertThat(t.rows().get(1).line()).isEqualTo(3);
        assertThat(List.of(t.rows().get(0).columns()[1])).containsExactly(7);
    }
}
