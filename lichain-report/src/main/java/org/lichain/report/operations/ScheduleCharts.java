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

    /** Size of the typical-day chart. */
    static final int DAY_W = 1100;
    static final int DAY_H = 760;

    /**
     * The month read as a plant manager reads it: a typical day (each stage's mean load by hour of day, % of its
     * maximum rate, over the first day's tariff bands) and a heat map of the plant's power draw, hour of day × day of
     * the month (MW; darker = more), so the nightly valley shift and the evening stops show at a glance.
     */
    public static byte[] typicalDayPng(Schedule s) {
        return Canvas.png(DAY_W, DAY_H, g -> drawTypicalDay(g, s));
    }

    /** Mean load (% of max rate) of stage {@code i} by hour of day 0..23 (hours counted from the schedule start). */
    public static double[] typicalDay(Schedule s, int i) {
        double[] sum = new double[24];
        int[] n = new int[24];
        double max = s.plant().stages().get(i).maxRateTLcePerH();
        int h0 = s.tariff().start().getHour();
        for (int t = 0; t < s.hours(); t++) {
            int h = (h0 + t) % 24;
            sum[h] += 100 * s.rateTLcePerH()[i][t] / max;
            n[h]++;
        }
        for (int h = 0; h < 24; h++) {
            sum[h] = n[h] == 0 ? 0 : sum[h] / n[h];
        }
        return sum;
    }

    /** The plant's power draw in hour {@code t}, MW = Σ stages rate (t LCE/h) × kWh per t LCE / 1000. */
    public static double powerMw(Schedule s, int t) {
        double kw = 0;
        for (int i = 0; i < s.plant().stages().size(); i++) {
            kw += s.rateTLcePerH()[i][t] * s.plant().stages().get(i).kwhPerTLce();
        }
        return kw / 1000.0;
    }

    static void drawTypicalDay(Graphics2D g, Schedule s) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, DAY_W, DAY_H);
        int left = 70;
        int right = DAY_W - 230;
        int top1 = 70;
        int h1 = 300;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(String.format(Locale.ROOT, "%s (%s), %s: a typical day and the month hour by hour",
                s.plant().name(), s.plant().id(), java.time.YearMonth.from(s.tariff().start())), left, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(String.format(Locale.ROOT, "Typical day: mean load by hour of day, %% of each stage's maximum "
                + "rate; background = tariff %s bands", s.tariff().tariffId()), left, top1 - 10);
        double dx = (right - left) / 24.0;
        Band[] band = s.tariff().band();
        int h0 = s.tariff().start().getHour();
        for (int t = 0; t < Math.min(24, s.hours()); t++) {
            int h = (h0 + t) % 24;
            g.setColor(bandColour(band[t]));
            g.fillRect((int) Math.floor(left + h * dx), top1, (int) Math.ceil(dx), h1);
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int p = 0; p <= 100; p += 25) {
            int y = top1 + h1 - p * h1 / 100;
            g.drawLine(left - 4, y, left, y);
            g.drawString(p + "%", left - 36, y + 4);
        }
        for (int h = 0; h <= 24; h += 3) {
            int x = (int) Math.round(left + h * dx);
            g.drawLine(x, top1 + h1, x, top1 + h1 + 4);
            g.drawString(String.format(Locale.ROOT, "%02d:00", h % 24), x - 14, top1 + h1 + 16);
        }
        g.drawRect(left, top1, right - left, h1);
        g.setStroke(new BasicStroke(2f));
        int n = s.plant().stages().size();
        for (int i = 0; i < n; i++) {
            double[] day = typicalDay(s, i);
            g.setColor(STAGE_COLOURS[i % STAGE_COLOURS.length]);
            for (int h = 0; h < 24; h++) {
                int x0 = (int) Math.round(left + h * dx);
                int x1 = (int) Math.round(left + (h + 1) * dx);
                int y = top1 + h1 - (int) Math.round(Math.min(100, day[h]) * h1 / 100.0);
                g.drawLine(x0, y, x1, y);
                if (h < 23) {
                    int yn = top1 + h1 - (int) Math.round(Math.min(100, day[h + 1]) * h1 / 100.0);
                    g.drawLine(x1, y, x1, yn);
                }
            }
            g.fillRect(right + 20, top1 + 10 + 20 * i, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(s.plant().stages().get(i).id(), right + 40, top1 + 16 + 20 * i);
        }
        int ly = top1 + 20 * n + 30;
        for (Band b : new Band[] {Band.CRITICAL_PEAK, Band.PEAK, Band.FLAT, Band.VALLEY, Band.DEEP_VALLEY}) {
            g.setColor(bandColour(b));
            g.fillRect(right + 20, ly, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(b.id().replace('_', ' '), right + 40, ly + 12);
            ly += 20;
        }
        // heat map: rows = hour of day, columns = day of the month
        int top2 = top1 + h1 + 60;
        int h2 = 24 * 11;
        int days = (s.hours() + 23) / 24;
        double cw = (double) (right - left) / Math.max(1, days);
        double maxMw = 0;
        for (int t = 0; t < s.hours(); t++) {
            maxMw = Math.max(maxMw, powerMw(s, t));
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(String.format(Locale.ROOT, "Power draw by hour of day (rows) and day of the month (columns), "
                + "MW; darkest = %,.1f MW", maxMw), left, top2 - 10);
        for (int t = 0; t < s.hours(); t++) {
            int day = t / 24;
            int h = (h0 + t) % 24;
            double f = maxMw > 0 ? powerMw(s, t) / maxMw : 0;
            int c = (int) Math.round(255 - 200 * f);
            g.setColor(new Color(c, c, Math.min(255, c + 40)));
            g.fillRect((int) Math.floor(left + day * cw), top2 + h * 11, (int) Math.ceil(cw), 11);
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawRect(left, top2, right - left, h2);
        for (int h = 0; h < 24; h += 3) {
            g.drawString(String.format(Locale.ROOT, "%02d:00", h), left - 40, top2 + h * 11 + 10);
        }
        for (int d = 0; d < days; d += 5) {
            g.drawString(Integer.toString(d + 1), (int) Math.round(left + (d + 0.5) * cw) - 4, top2 + h2 + 14);
        }
        g.drawString("day of the month", left + (right - left) / 2 - 40, top2 + h2 + 30);
        g.setColor(new Color(0x555555));
        g.drawString("Source: LiChain scheduler (OR-Tools MIP) on the embedded plant models and tariffs "
                + "(lichain schedule)", 8, DAY_H - 8);
    }
}
