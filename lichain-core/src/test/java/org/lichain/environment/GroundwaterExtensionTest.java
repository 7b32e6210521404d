package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.lichain.dataset.DatasetSource;
import org.lichain.dataset.Problem;
import org.lichain.dataset.Problems;
import org.lichain.environment.groundwater.GroundwaterExtension;
import org.lichain.environment.groundwater.GroundwaterSite;
import org.lichain.environment.groundwater.GroundwaterSites;
import org.junit.jupiter.api.Test;

/** The groundwater dataset files: the embedded ones load; bad values are located as file:line:field. */
class GroundwaterExtensionTest {
    static DatasetSource with(Map<String, String> override) {
        return DatasetSource.embedded().withFiles("test dataset", override);
    }

    static String embedded(String file) {
        return DatasetSource.embedded().read(file).orElseThrow();
    }

    @Test
    void embeddedSites_loadWithTheirWellsAndReceptors() {
        Problems p = new Problems();
        GroundwaterSites s = new GroundwaterExtension().load(DatasetSource.embedded(), EnvFixtures.world(), p);
        assertThat(p.list()).isEmpty();
        assertThat(s.all()).extracting(GroundwaterSite::id)
                .containsExactly("GW-YICHUN-CITY", "GW-JIANXIAWO", "GW-YONGXING");
        GroundwaterSite y = s.site("GW-YONGXING");
        assertThat(y.asset()).isEqualTo("CN-JX-03");
        assertThat(y.points(GroundwaterSite.PointKind.WELL)).extracting(GroundwaterSite.Point::station)
                .containsExactly("ST-WELL-YONGXING");
        assertThat(y.points(GroundwaterSite.PointKind.RIVER)).hasSize(1);
        assertThat(s.siteOfStation("ST-WELL-JIANXIAWO").id()).isEqualTo("GW-JIANXIAWO");
        // every well station of the river network belongs to a site
        for (RiverNetwork.Station st : EnvFixtures.network(EnvFixtures.world()).stations()) {
            if (st.kind() == StationKind.WELL) {
                assertThat(s.siteOfStation(st.id())).as(st.id()).isNotNull();
            }
        }
    }

    @Test
    void badValues_areLocatedByFileLineAndField() {
        String sites = embedded(GroundwaterExtension.SITES).replaceFirst("GW-JIANXIAWO,CN-JX-01,(.*?),TR-YF,5,",
                "GW-JIANXIAWO,CN-JX-01,$1,TR-YF,-5,");
        String points = embedded(GroundwaterExtension.POINTS)
                + "GW-NOWHERE,W-X,candidate,10,0,,estimate: test\n"
                + "GW-YONGXING,W-FAR,candidate,5000,0,,estimate: test\n"
                + "GW-YONGXING,W-SIDE,candidate,50,-900,,estimate: test\n";
        Problems p = new Problems();
        new GroundwaterExtension().load(with(Map.of(GroundwaterExtension.SITES, sites, GroundwaterExtension.POINTS,
                points)), EnvFixtures.world(), p);
        int n = (int) points.lines().count();
        assertThat(p.list()).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                .startsWith("groundwater_sites.csv:3:").contains("field 'hydraulic_conductivity_m_per_day'")
                .contains("value '-5'").contains("must not be negative"));
        assertThat(p.list()).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                .startsWith("groundwater_points.csv:" + (n - 2) + ":").contains("field 'site'")
                .contains("unknown groundwater site"));
        assertThat(p.list()).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                .startsWith("groundwater_points.csv:" + (n - 1) + ":").contains("field 'x_m'")
                .contains("outside the domain of site GW-YONGXING"));
        assertThat(p.list()).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                .startsWith("groundwater_points.csv:" + n + ":").contains("field 'y_m'"));
    }

    @Test
    void wellWithoutAStation_andUnknownStation_areRejected() {
        String points = embedded(GroundwaterExtension.POINTS)
                + "GW-YONGXING,W-NEW,well,40,0,,estimate: test\n"
                + "GW-YONGXING,W-NEW2,well,40,0,ST-INTAKE-GAOAN,estimate: test\n";
        Problems p = new Problems();
        new GroundwaterExtension().load(with(Map.of(GroundwaterExtension.POINTS, points)), EnvFixtures.world(), p);
        assertThat(p.list()).extracting(Problem::field).containsExactly("station", "station");
        assertThat(p.list().get(1).reason()).contains("not a well");
    }
}
