package org.lichain.report.operations;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.Locale;
import org.lichain.operations.Band;
import org.lichain.operations.Schedule;
import org.lichain.report.Canvas;

/**
 * Chart of an hourly schedule: each stage's load (% of its max rate) over the hours, drawn on top of the
 * tariff bands (deep valley, valley, flat, peak, critical peak as background colours), and below it the buffer
 * levels (% of capacity).
 */
public final class ScheduleCharts {
    static final int WIDTH = 1400;
    static final int HEIGHT = 830;
    private static final Color[] STAGE_COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private ScheduleCharts() {
    }

    public static byte[] png(Schedule s) {
        return Canvas.png(WIDTH, HEIGHT, g -> draw(g, s));
    }

    public static byte[] svg(Schedule s) {
        return Canvas.svg(WIDTH, HEIGHT, g -> draw(g, s));
    }

    static Color bandColour(Band b) {
        return switch (b) {
            case DEEP_VALLEY -> new Color(0x9ecae1);
            case VALLEY -> new Color(0xdeebf7);
            case FLAT -> new Color(0xf7f7f7);
            case PEAK -> new Color(0xfdd0a2);
            case CRITICAL_PEAK -> new Color(0xfc9272);
        };
    }

    static void draw(Graphics2D g, Schedule s) {
        int left = 70;
        int right = WIDTH - 230;
        int top1 = 70;
        int h1 = 440;
        int top2 = top1 + h1 + 60;
        int h2 = 200;
        int hours = s.hours();
        double dx = (double) (right - left) / hours;
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(String.format(Locale.ROOT, "%s (%s) from %s, %d h, tariff %s", s.plant().name(),
                s.plant().id(), s.tariff().start().toLocalDate(), hours, s.tariff().tariffId()), left, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(String.format(Locale.ROOT, "power cost %,.0f CNY vs flat schedule %,.0f CNY (saving %.1f %%); "
                        + "valley kWh share %.1f %% vs %.1f %% flat", s.costCny(), s.flatCostCny(), s.savingPct(),
                100 * s.valleyKwhShare(), 100 * s.flatValleyKwhShare()), left, 42);
        // tariff bands behind both panels
        Band[] band = s.tariff().band();
        for (int t = 0; t < hours; t++) {
            g.setColor(bandColour(band[t]));
            int x0 = (int) Math.floor(left + t * dx);
            int x1 = (int) Math.ceil(left + (t + 1) * dx);
            g.fillRect(x0, top1, x1 - x0, h1);
            g.fillRect(x0, top2, x1 - x0, h2);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        axes(g, left, right, top1, h1, hours, s, "stage load, % of max rate");
        axes(g, left, right, top2, h2, hours, s, "buffer level, % of capacity");
        // stage loads
        g.setStroke(new BasicStroke(1.6f));
        int n = s.plant().stages().size();
        for (int i = 0; i < n; i++) {
            double max = s.plant().stages().get(i).maxRateTLcePerH();
            g.setColor(STAGE_COLOURS[i % STAGE_COLOURS.length]);
            steps(g, s.rateTLcePerH()[i], max, left, dx, top1, h1);
            g.fillRect(right + 20, top1 + 10 + 20 * i, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(s.plant().stages().get(i).id(), right + 40, top1 + 16 + 20 * i);
        }
        for (int b = 0; b < s.bufferLevelTLce().length; b++) {
            double cap = s.plant().buffers().get(b).capacityTLce();
            g.setColor(STAGE_COLOURS[(b + 1) % STAGE_COLOURS.length]);
            steps(g, s.bufferLevelTLce()[b], cap, left, dx, top2, h2);
            g.fillRect(right + 20, top2 + 10 + 20 * b, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(s.plant().buffers().get(b).id(), right + 40, top2 + 16 + 20 * b);
        }
        // band legend
        int ly = top1 + 20 * n + 40;
        for (Band b : new Band[] {Band.CRITICAL_PEAK, Band.PEAK, Band.FLAT, Band.VALLEY, Band.DEEP_VALLEY}) {
            g.setColor(bandColour(b));
            g.fillRect(right + 20, ly, 14, 14);
            g.setColor(Color.GRAY);
            g.drawRect(right + 20, ly, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(b.id().replace('_', ' '), right + 40, ly + 12);
            ly += 20;
        }
    }

    private static void axes(Graphics2D g, int left, int right, int top, int h, int hours, Schedule s,
                             String label) {
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.GRAY);
        g.drawRect(left, top, right - left, h);
        for (int p = 0; p <= 100; p += 25) {
            int y = top + h - (int) Math.round(h * p / 100.0);
            g.setColor(new Color(0, 0, 0, 40));
            g.drawLine(left, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(p + "%", left - 40, y + 4);
        }
        int step = hours > 24 * 10 ? 24 * 7 : hours > 48 ? 24 : 6;
        double dx = (double) (right - left) / hours;
        for (int t = 0; t <= hours; t += step) {
            int x = (int) Math.round(left + t * dx);
            g.setColor(Color.GRAY);
            g.drawLine(x, top + h, x, top + h + 5);
            g.setColor(Color.BLACK);
            String txt = step >= 24 ? s.tariff().start().plusHours(t).toLocalDate().toString()
                    : s.tariff().start().plusHours(t).toLocalTime().toString();
            g.drawString(txt, x - 30, top + h + 18);
        }
        g.drawString(label, left, top - 6);
    }

    private static void steps(Graphics2D g, double[] v, double full, int left, double dx, int top, int h) {
        if (!(full > 0)) {
            return;
        }
        int prevY = -1;
        for (int t = 0; t < v.length; t++) {
            double f = Math.max(0, Math.min(1.05, v[t] / full));
            int y = top + h - (int) Math.round(h * f);
            int x0 = (int) Math.round(left + t * dx);
            int x1 = (int) Math.round(left + (t + 1) * dx);
            if (prevY >= 0 && prevY != y) {
                g.drawLine(x0, prevY, x0, y);
            }
            g.drawLine(x0, y, x1, y);
            prevY = y;
        }
    }
}
