package org.lichain.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.Map;
import org.lichain.cost.CostCurve;

/**
 * A real cost curve: one bar per asset, width = capacity (kt LCE/yr), height = unit cost on the curve's basis
 * (USD/t LCE), colour = resource type, a horizontal price line, and labels on the wider bars.
 */
public final class CostCurveChart {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;
    /** Colours by resource type (colour-blind-friendly Okabe–Ito palette). */
    /** Resource type colours: {@link ChartStyle#RESOURCE_COLOURS}, the same in every chart and the dashboard. */
    public static final Map<String, Color> COLOURS = ChartStyle.RESOURCE_COLOURS;

    private CostCurveChart() {
    }

    public static byte[] png(CostCurve c) {
        return Canvas.png(WIDTH, HEIGHT, g -> draw(g, WIDTH, HEIGHT, c));
    }

    public static byte[] svg(CostCurve c) {
        return Canvas.svg(WIDTH, HEIGHT, g -> draw(g, WIDTH, HEIGHT, c));
    }

    public static void draw(Graphics2D g, int w, int h, CostCurve c) {
        int left = 90;
        int right = 30;
        int top = 70;
        int bottom = 70;
        int pw = w - left - right;
        int ph = h - top - bottom;
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double totalKt = Math.max(1.0, c.totalCapacityTLce() / 1000.0);
        double maxCost = c.priceUsdPerTLce();
        for (CostCurve.Entry e : c.entries()) {
            maxCost = Math.max(maxCost, e.cost(c.basis()));
        }
        double yMax = niceCeil(maxCost * 1.08);
        if (!Double.isFinite(totalKt) || !Double.isFinite(yMax) || yMax <= 0) {
            // input validation refuses such data first; this guard keeps the tick loops below finite regardless
            throw new IllegalArgumentException("cannot draw a cost curve with capacity " + c.totalCapacityTLce()
                    + " t LCE and cost axis " + yMax + " USD/t LCE");
        }
        double xStep = niceStep(totalKt / 8);
        double yStep = niceStep(yMax / 6);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        Font normal = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font title = new Font(Font.SANS_SERIF, Font.BOLD, 17);
        // grid and axes
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        for (int iy = 0; iy <= MAX_TICKS && iy * yStep <= yMax + 1e-9; iy++) {
            double y = iy * yStep;
            int py = top + ph - (int) Math.round(y / yMax * ph);
            g.setColor(new Color(0xE5E5E5));
            g.drawLine(left, py, left + pw, py);
            g.setColor(Color.DARK_GRAY);
            String s = String.format(Locale.ROOT, "%,.0f", y);
            g.drawString(s, left - 8 - fm.stringWidth(s), py + 4);
        }
        for (int ix = 0; ix <= MAX_TICKS && ix * xStep <= totalKt + 1e-9; ix++) {
            double x = ix * xStep;
            int px = left + (int) Math.round(x / totalKt * pw);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(px, top + ph, px, top + ph + 4);
            String s = String.format(Locale.ROOT, "%,.0f", x);
            g.drawString(s, px - fm.stringWidth(s) / 2, top + ph + 17);
        }
        // bars
        double x0 = 0;
        for (CostCurve.Entry e : c.entries()) {
            double widthKt = e.capacityTLce() / 1000.0;
            double cost = e.cost(c.basis());
            int px0 = left + (int) Math.round(x0 / totalKt * pw);
            int px1 = left + (int) Math.round((x0 + widthKt) / totalKt * pw);
            int py = top + ph - (int) Math.round(Math.max(0, cost) / yMax * ph);
            Color col = COLOURS.getOrDefault(e.resourceType(), Color.GRAY);
            g.setColor(col);
            g.fillRect(px0, py, Math.max(1, px1 - px0), top + ph - py);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(0.6f));
            g.drawRect(px0, py, Math.max(1, px1 - px0), top + ph - py);
            if (px1 - px0 >= 13) { // label bars wide enough to carry one, rotated
                String label = label(e);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                int textLen = g.getFontMetrics().stringWidth(label);
                // above the bar when there is room, else inside it from the top
                double ty = py - 4 - textLen < top - 20 ? py + 4 + textLen : py - 4;
                AffineTransform old = g.getTransform();
                g.translate(px0 + (px1 - px0) / 2.0 + 4, ty);
                g.rotate(-Math.PI / 2);
                g.setColor(new Color(0x333333));
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                g.drawString(label, 0, 0);
                g.setTransform(old);
            }
            x0 += widthKt;
        }
        // axes lines
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawLine(left, top + ph, left + pw, top + ph);
        g.drawLine(left, top, left, top + ph);
        // price line
        int priceY = top + ph - (int) Math.round(c.priceUsdPerTLce() / yMax * ph);
        g.setColor(new Color(0xD55E00));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
        g.drawLine(left, priceY, left + pw, priceY);
        g.setFont(normal);
        FontMetrics nfm = g.getFontMetrics();
        String priceLabel = String.format(Locale.ROOT, "price %,.0f USD/t LCE (%,.0f CNY/t incl. VAT) — %.0f%% of output above it",
                c.priceUsdPerTLce(), c.priceCnyPerTInclVat(), c.shareAtLoss() * 100);
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(left + 4, priceY - 6 - nfm.getAscent(), nfm.stringWidth(priceLabel) + 8, nfm.getHeight());
        g.setColor(new Color(0xD55E00));
        g.drawString(priceLabel, left + 8, priceY - 6);
        // titles
        g.setColor(Color.BLACK);
        g.setFont(title);
        String period = c.month() != null ? c.month() : Integer.toString(c.year());
        g.drawString("Lithium cost curve " + period + " — " + c.basis().id().toUpperCase(Locale.ROOT)
                + ", chemical basis (mined supply)", left, 30);
        g.setFont(normal);
        g.drawString("cumulative capacity, kt LCE per year", left + pw / 2 - 110, h - 22);
        AffineTransform old = g.getTransform();
        g.translate(22, top + ph / 2.0 + 70);
        g.rotate(-Math.PI / 2);
        g.drawString(c.basis().id().toUpperCase(Locale.ROOT) + ", USD per t LCE (ex-VAT)", 0, 0);
        g.setTransform(old);
        // legend: one row between the title and the plot, so it never covers a bar
        int lx = left;
        int ly = 44;
        g.setFont(small);
        FontMetrics sfm = g.getFontMetrics();
        for (Map.Entry<String, Color> e : COLOURS.entrySet()) {
            if (!c.byResourceType().containsKey(e.getKey())) {
                continue;
            }
            g.setColor(e.getValue());
            g.fill(new Rectangle2D.Double(lx, ly, 12, 12));
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), lx + 18, ly + 10);
            lx += 18 + sfm.stringWidth(e.getKey()) + 16;
        }
        // source line
        g.setColor(new Color(0x555555));
        String src = "Source: LiChain cost model, embedded dataset (lichain assets show ID); price: " + c.priceSource();
        while (sfm.stringWidth(src) > w - 16 && src.length() > 10) {
            src = src.substring(0, src.length() - 2);
        }
        g.drawString(src, 8, h - 6);
    }

    /** A bar label: the name when short, else the id (names of aggregates are long). */
    static String label(CostCurve.Entry e) {
        String n = e.name();
        int cut = n.indexOf(" (");
        if (cut > 0) {
            n = n.substring(0, cut);
        }
        return n.length() <= 26 ? n : e.id();
    }

    /** Most ticks an axis gets: the loops over ticks are bounded by count, not by adding a step to a double. */
    static final int MAX_TICKS = 20;

    static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        double nice = r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10;
        return nice * mag;
    }

    static double niceCeil(double v) {
        double step = niceStep(v / 6);
        return Math.ceil(v / step) * step;
    }
}
