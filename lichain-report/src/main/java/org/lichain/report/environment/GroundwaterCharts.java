package org.lichain.report.environment;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lichain.environment.IncidentReplay;
import org.lichain.environment.RiverNetwork;
import org.lichain.environment.Transport;
import org.lichain.environment.groundwater.GroundwaterClass;
import org.lichain.environment.groundwater.GroundwaterModel;

/** Groundwater and incident-replay charts (XChart): plume at the wells over time; the replayed pulse at the stations. */
public final class GroundwaterCharts {
    private GroundwaterCharts() {
    }

    /** Thallium at each well, candidate and receptor, month by month, with the class III limit (log scale). */
    public static XYChart wells(GroundwaterModel.Result r, String scenarioId) {
        XYChart c = new XYChartBuilder().width(900).height(500)
                .title("Groundwater thallium, " + r.site().id() + ", " + scenarioId + " from " + r.startYear())
                .xAxisTitle("years after the leak starts").yAxisTitle("thallium (µg/L)").build();
        int n = r.months();
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = (k + 1) / 12.0;
        }
        double floor = 1e-4;
        for (GroundwaterModel.PointResult p : r.points()) {
            if (p.kind().id().equals("candidate") && !p.id().endsWith("-0")) {
                continue; // off-axis candidates crowd the chart; the JSON has them all
            }
            double[] y = new double[n];
            for (int k = 0; k < n; k++) {
                y[k] = Math.max(floor, p.ugPerL()[k]);
            }
            c.addSeries(p.id() + " (" + p.kind().id() + ")", x, y).setMarker(SeriesMarkers.NONE);
        }
        XYSeries lim = c.addSeries(String.format(Locale.ROOT, "GB/T 14848 class III %.1f µg/L",
                GroundwaterClass.CLASS_III_LIMIT_UG_PER_L), new double[] {x[0], x[n - 1]},
                new double[] {GroundwaterClass.CLASS_III_LIMIT_UG_PER_L, GroundwaterClass.CLASS_III_LIMIT_UG_PER_L});
        lim.setMarker(SeriesMarkers.NONE);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisMin(floor);
        c.getStyler().setXAxisDecimalPattern("0");
        return c;
    }

    /**
     * The replay: for each outfall named by the authorities, the minimum pulse at the observed station and at the
     * stations between (hourly), the observation as a point and the limit as a line.
     */
    public static XYChart replay(RiverNetwork n, IncidentReplay.Result r) {
        IncidentReplay.Incident inc = r.incident();
        XYChart c = new XYChartBuilder().width(900).height(500).title("Replay " + inc.id() + ": minimum consistent pulses (µg/L)")
                .xAxisTitle("time").yAxisTitle("thallium (µg/L)").build();
        LocalDateTime from = inc.observedAt().minusHours(96);
        LocalDateTime to = inc.observedAt().plusHours(24);
        int month = r.month();
        for (IncidentReplay.Candidate cand : r.candidates()) {
            if (!cand.named()) {
                continue;
            }
            RiverNetwork.Point o = RiverNetwork.pointOf(n.outfall(cand.outfall()));
            List<String> stations = new ArrayList<>();
            cand.upstream().forEach(v -> stations.add(v.station()));
            stations.add(inc.station());
            for (String sid : stations) {
                var path = n.path(o, RiverNetwork.pointOf(n.station(sid))).orElseThrow();
                Transport.Travel tr = Transport.travel(path, month);
                List<Date> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (LocalDateTime t = from; !t.isAfter(to); t = t.plusHours(1)) {
                    double s = Duration.between(cand.releaseAtPeak(), t).getSeconds();
                    xs.add(Date.from(t.toInstant(ZoneOffset.UTC)));
                    ys.add(s <= 0 ? 0.0 : Transport.pulseUgPerL(cand.minimumMassKg(), tr, 0.0, s));
                }
                c.addSeries(String.format(Locale.ROOT, "%s %.2f kg → %s", cand.outfall(), cand.minimumMassKg(), sid),
                        xs, ys).setMarker(SeriesMarkers.NONE);
            }
        }
        c.addSeries("observed " + inc.station(), List.of(Date.from(inc.observedAt().toInstant(ZoneOffset.UTC))),
                List.of(inc.observedUgPerL())).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.addSeries(String.format(Locale.ROOT, "limit %.1f µg/L", r.limitUgPerL()),
                List.of(Date.from(from.toInstant(ZoneOffset.UTC)), Date.from(to.toInstant(ZoneOffset.UTC))),
                List.of(r.limitUgPerL(), r.limitUgPerL())).setMarker(SeriesMarkers.NONE);
        c.getStyler().setDatePattern("MM-dd HH:mm");
        return c;
    }
}
