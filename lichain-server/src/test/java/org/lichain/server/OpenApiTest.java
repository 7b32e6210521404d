package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeps the hand-written /openapi.json in step with the routes the server registers. */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void everyRegisteredRouteIsDocumented_andEveryDocumentedRouteExists() {
        try (LichainServer s = LichainServer.start(Fixture.world(), Fixture.config(), List.of())) {
            JsonNode doc = new Http(s).get("/openapi.json").json();
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            JsonNode paths = doc.get("paths");
            List<String> documented = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                var e = it.next();
                e.getValue().fieldNames().forEachRemaining(m -> {
                    if (METHODS.contains(m)) {
                        documented.add(m + " " + e.getKey());
                    }
                });
            }
            List<String> registered = s.routes().stream().map(r -> r.method() + " " + r.path()).toList();
            assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
            for (RouteInfo r : s.routes()) {
                JsonNode op = paths.get(r.path()).get(r.method());
                assertThat(op.has("responses")).as(r.toString()).isTrue();
                // every mutating route declares the bearer requirement and its 401
                assertThat(op.has("security")).as(r + " security").isEqualTo(r.mutating());
                if (r.mutating()) {
                    assertThat(op.get("responses").has("401")).as(r + " 401").isTrue();
                }
            }
        }
    }
}
