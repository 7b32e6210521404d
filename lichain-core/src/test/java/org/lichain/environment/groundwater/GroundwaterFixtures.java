package org.lichain.environment.groundwater;

import java.util.List;

/** Small sites for groundwater tests, with round numbers that can be checked by hand. */
final class GroundwaterFixtures {
    private GroundwaterFixtures() {
    }

    /** K 5 m/day, i 0.005, n 0.25 → q = 0.025 m/day, v = 0.1 m/day; αL 10 m, αT 1 m, R 4.2, no decay, 15 m thick. */
    static GroundwaterSite.Aquifer aquifer() {
        return new GroundwaterSite.Aquifer(5, 0.005, 0.25, 15, 10, 1, 4.2, 0);
    }

    static GroundwaterSite.Leaching leaching() {
        return new GroundwaterSite.Leaching(10, 1650, true, 0.02, 0.3, 0.01, 123.5, 0.1);
    }

    /** A site with a well on the axis 30 m down, candidates at 15, 50 and 100 m, the river at 400 m. */
    static GroundwaterSite site(GroundwaterSite.Aquifer a) {
        List<GroundwaterSite.Point> p = List.of(
                new GroundwaterSite.Point("W", GroundwaterSite.PointKind.WELL, 30, 0, "ST-W", "fixture"),
                new GroundwaterSite.Point("C-15-W", GroundwaterSite.PointKind.CANDIDATE, 15, -60, "", "fixture"),
                new GroundwaterSite.Point("C-15-0", GroundwaterSite.PointKind.CANDIDATE, 15, 0, "", "fixture"),
                new GroundwaterSite.Point("C-15-E", GroundwaterSite.PointKind.CANDIDATE, 15, 60, "", "fixture"),
                new GroundwaterSite.Point("C-50-W", GroundwaterSite.PointKind.CANDIDATE, 50, -40, "", "fixture"),
                new GroundwaterSite.Point("C-50-E", GroundwaterSite.PointKind.CANDIDATE, 50, 40, "", "fixture"),
                new GroundwaterSite.Point("C-100-0", GroundwaterSite.PointKind.CANDIDATE, 100, 0, "", "fixture"),
                new GroundwaterSite.Point("RIVER", GroundwaterSite.PointKind.RIVER, 400, 0, "", "fixture"));
        return new GroundwaterSite("GW-T", "CN-JX-03", "test yard", "TR-YF", a, leaching(),
                new GroundwaterSite.Domain(500, 1000, 600), p, "fixture");
    }

    static double[] flatRain() {
        double[] f = new double[12];
        java.util.Arrays.fill(f, 1.0);
        return f;
    }
}
