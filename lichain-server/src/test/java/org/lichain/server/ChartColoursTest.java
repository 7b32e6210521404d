package org.lichain.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lichain.report.ChartStyle;

/** Issue 14: one colour per resource type everywhere — the dashboard uses the PNG charts' colours. */
class ChartColoursTest {
    @Test
    void dashboardTypeColours_equalThePngCharts() throws Exception {
        String js;
        try (InputStream in = ChartColoursTest.class.getResourceAsStream("/org/lichain/server/web/app.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String line = js.lines().filter(l -> l.startsWith("const TYPE_COLOURS")).findFirst().orElseThrow();
        for (String type : ChartStyle.RESOURCE_COLOURS.keySet()) {
            assertThat(line).contains(type + ": '" + ChartStyle.hex(type) + "'");
        }
    }
}
