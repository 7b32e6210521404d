package org.lichain.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.lichain.dataset.DatasetLoader;

/**
 * The base run 2020-2040 on the embedded dataset against a committed golden file (every declared monthly column, the
 * annual table and the parameters), compared on every change, as AMIRIS keeps reference results. When a change of
 * the results is intended, refresh it and review the diff:
 * <pre>
 *   ./mvnw -pl lichain-core -am test -Dtest=GoldenBaseRunTest -Dsurefire.failIfNoSpecifiedTests=false \
 *       -Dlichain.golden.refresh=true
 * </pre>
 */
class GoldenBaseRunTest {
    static final String RESOURCE = "org/lichain/market/golden-base-2020-2040.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static String golden(SimulationResult r) throws IOException {
        ObjectNode full = ResultJson.tree(r);
        ObjectNode g = MAPPER.createObjectNode();
        g.put("scenario", r.scenario());
        g.put("seed", r.seed());
        g.set("months", full.get("months"));
        g.set("units", full.get("units"));
        g.set("monthly", full.get("monthly"));
        g.set("annual", full.get("annual"));
        g.set("parameters", full.get("parameters"));
        return MAPPER.writeValueAsString(g) + "\n";
    }

    @Test
    void baseRun_isUnchanged() throws IOException {
        SimulationResult r = Simulation.run(DatasetLoader.loadEmbedded(), Scenario.base(), Scenario.base().seed());
        String now = golden(r);
        if (Boolean.getBoolean("lichain.golden.refresh")) {
            Path src = Paths.get("src/test/resources").resolve(RESOURCE);
            Files.createDirectories(src.getParent());
            Files.writeString(src, now, StandardCharsets.UTF_8);
            return; // refreshed: review the diff and commit it
        }
        try (var in = GoldenBaseRunTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as("golden file %s (refresh: see the class comment)", RESOURCE).isNotNull();
            String committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(now).as("base run 2020-2040 differs from %s; if intended, refresh it (class comment)", RESOURCE)
                    .isEqualTo(committed);
        }
    }
}
