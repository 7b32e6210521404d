package org.lichain.report.environment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.lichain.environment.RiverNetwork;

/**
 * The JSON of the river network (issue #4 contract of {@code env river --json}): reaches, outfalls and stations,
 * shared by {@code lichain env river} and {@code GET /api/env/river} so the two cannot drift apart.
 */
public final class RiverJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RiverJson() {
    }

    /** {@code {"reaches": [...], "outfalls": [...], "stations": [...]}}. */
    public static ObjectNode network(RiverNetwork n) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("reaches", reaches(n));
        o.set("outfalls", outfalls(n));
        o.set("stations", stations(n));
        return o;
    }

    public static ArrayNode reaches(RiverNetwork n) {
        ArrayNode r = MAPPER.createArrayNode();
        for (RiverNetwork.Reach x : n.reaches()) {
            ObjectNode j = r.addObject();
            j.put("id", x.id());
            j.put("name", x.name());
            j.put("downstream", x.downstream());
            j.put("length_km", x.lengthKm());
            j.put("mean_flow_m3_per_s", x.meanFlowM3PerS());
            j.put("min_monthly_flow_m3_per_s", Arrays.stream(x.flowM3PerS()).min().orElse(0));
            j.put("mean_velocity_m_per_s", x.meanVelocityMPerS());
            j.put("source", x.source());
        }
        return r;
    }

    public static ArrayNode outfalls(RiverNetwork n) {
        ArrayNode of = MAPPER.createArrayNode();
        for (RiverNetwork.Outfall x : n.outfalls()) {
            of.addObject().put("id", x.id()).put("plant", x.plant()).put("reach", x.reach()).put("km", x.km())
                    .put("kind", x.kind());
        }
        return of;
    }

    public static ArrayNode stations(RiverNetwork n) {
        ArrayNode st = MAPPER.createArrayNode();
        for (RiverNetwork.Station x : n.stations()) {
            st.addObject().put("id", x.id()).put("kind", x.kind().id()).put("reach", x.reach()).put("km", x.km())
                    .put("standard", x.standard()).put("limit_ug_per_l", n.limitUgPerL(x));
        }
        return st;
    }
}
