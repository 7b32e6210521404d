package org.lichain.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.CsvTable;
import org.lichain.dataset.DatasetLoader;
import org.lichain.dataset.Problem;
import org.lichain.dataset.Problems;
import org.lichain.world.World;

/** Loading and validating the company files: every problem named by file, line and field. */
class CompaniesExtensionTest {

    @Test
    void embeddedDataset_hasTheIssuesGroupsAndEveryAssumption() {
        World w = DatasetLoader.loadEmbedded();
        Companies c = CompanyModel.companies(w);
        for (String id : new String[] {"CATL", "BYD", "GOTION", "GANFENG", "TIANQI", "YONGXING", "ALBEMARLE", "SQM",
                "PLS", "MINRES", "TESLA", "GM"}) {
            assertThat(c.find(id)).as(id).isPresent();
        }
        for (Assumption a : Assumption.values()) {
            assertThat(c.assumptions().get(a).source()).as(a.id()).isNotBlank();
        }
        // CATL's Jianxiawo stake comes from the asset owners, not from the company file
        assertThat(CompanyModel.stakesOf(w, "CATL")).containsEntry("CN-JX-01", 100.0);
    }

    @Test
    void badPlantRows_areReportedWithFileLineAndField() {
        String csv = """
                id,company,name,segment,region,route,capacity_per_year,capacity_unit,utilisation_pct,from_year,to_year,source
                P1,NOBODY,x,cells,CN,,10,gwh_per_year,50,2024,,a citation
                P2,CATL,x,conversion,CN-JX,brine_evaporation,10,t_lce_per_year,50,2024,,a citation
                P3,CATL,x,cathode,CN,,10,gwh_per_year,150,2024,,estimate without colon
                """;
        Problems problems = new Problems();
        CompaniesExtension.plants(CsvTable.parse(CompaniesExtension.PLANTS, csv, problems), Set.of("CATL"), Set.of(),
                problems);
        assertThat(problems.list()).extracting(Problem::file).containsOnly("company_plants.csv");
        assertThat(problems.list()).extracting(p -> p.line() + ":" + p.field()).contains("2:company", "3:route",
                "4:capacity_unit", "4:utilisation_pct", "4:source");
        assertThat(problems.list()).filteredOn(p -> p.line() == 3).extracting(Problem::reason)
                .anyMatch(r -> r.contains("hard-rock route"));
    }

    @Test
    void missingAndMisunitedAssumptions_areReported() {
        String csv = """
                key,value,unit,source
                cathode_lce_t_per_t,0.24,pct,a citation
                lepidolite_concentrate_payability_pct,140,pct,a citation
                """;
        Problems problems = new Problems();
        CompaniesExtension.assumptions(CsvTable.parse(CompaniesExtension.ASSUMPTIONS, csv, problems), problems);
        assertThat(problems.list()).extracting(p -> p.line() + ":" + p.field() + ":" + p.value())
                .contains("2:unit:pct", "3:value:140", "0:key:cell_cathode_kg_per_kwh");
    }

    @Test
    void offtakeOnAnUnknownAsset_isReported() {
        String csv = """
                company,asset_id,share_pct,from_year,to_year,source
                CATL,XX-99,10,2024,,a citation
                """;
        Problems problems = new Problems();
        CompaniesExtension.offtakes(CsvTable.parse(CompaniesExtension.OFFTAKES, csv, problems), Set.of("CATL"),
                Set.of("CN-JX-01"), problems);
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("asset_id");
            assertThat(p.reason()).contains("unknown asset id");
        });
    }
}
