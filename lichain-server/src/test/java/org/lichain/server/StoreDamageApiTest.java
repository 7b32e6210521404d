package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lichain.dataset.DatasetLoader;
import org.lichain.environment.StoreDamage;

/**
 * Issue 16 over real HTTP: alerts or attribution on a store whose block was damaged right after ingests into it
 * succeeded. Not the client's input, so a 500, but a located one: type {@code /problems/store-damaged}, a detail
 * saying what is wrong and what the operator must do, an error id for the server log; no path, no Java names.
 */
class StoreDamageApiTest {
    @TempDir
    Path dir;

    @Test
    void alertsAndAttribution_onADamagedStore_are500StoreDamaged_withAnIdAndNoPath() throws Exception {
        Path db = dir.resolve("m.duckdb");
        try (LichainServer server = LichainServer.start(DatasetLoader.loadEmbedded(),
                Fixture.config().withMonitoringDb(db), List.of())) {
            Http http = new Http(server);
            for (int part = 0; part < 4; part++) { // 4 bodies of 12,500 rows (each under the 1 MiB body limit)
                String csv = "station,time,analyte,value,unit,detection_limit,qualifier,lab\n"
                        + StoreDamage.measurementRows("ST-BND-YIFENG", part * 12_500, (part + 1) * 12_500);
                Http.Response r = http.post("/api/env/measurements", csv, Fixture.TOKEN);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("accepted").asLong()).isEqualTo(12_500);
            }
            StoreDamage.corruptDataBlocks(db);
            for (String path : new String[] {"/api/env/alerts", "/api/env/attribution"}) {
                Http.Response r = http.get(path);
                assertThat(r.status()).as(r.body()).isEqualTo(500);
                assertThat(r.json().get("type").asText()).isEqualTo("/problems/store-damaged");
                String id = r.json().get("error_id").asText();
                assertThat(id).matches("[0-9a-f]{12}");
                assertThat(r.json().get("detail").asText()).contains("monitoring store is damaged")
                        .contains("fails its checksum").contains("error " + id);
                HardeningTest.assertCleanOf(r.body(), db);
            }
        }
    }
}
