package org.lichain.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The one look of LiChain's charts (PNG here; the dashboard's {@code TYPE_COLOURS} in app.js are the same hex values,
 * checked by a test): one colour per resource type everywhere (Okabe–Ito colour-blind-safe palette),
 * legends outside the plot so they never cover data, readable numbers (thousands separators, years without them,
 * no "-0" and no "6E5"), and a source line under every chart.
 */
public final class ChartStyle {
    /** Resource type → colour, the same in every chart and in the dashboard. */
    public static final Map<String, Color> RESOURCE_COLOURS;

    static {
        Map<String, Color> m = new LinkedHashMap<>();
        m.put("brine", new Color(0x0072B2));      // blue
        m.put("spodumene", new Color(0x009E73));  // green
        m.put("lepidolite", new Color(0xCC79A7)); // reddish purple
        m.put("clay", new Color(0xE69F00));       // orange
        m.put("other", new Color(0x999999));      // grey
        RESOURCE_COLOURS = Collections.unmodifiableMap(m);
    }

    /** Height of the source line added under a chart, px. */
    public static final int SOURCE_LINE_PX = 22;

    private ChartStyle() {
    }

    public static Color colour(String resourceType) {
        return RESOURCE_COLOURS.getOrDefault(resourceType, Color.GRAY);
    }

    /** {@code #rrggbb} of a resource type (for the dashboard). */
    public static String hex(String resourceType) {
        return String.format(Locale.ROOT, "#%06x", colour(resourceType).getRGB() & 0xFFFFFF);
    }

    /**
     * Applies the common look to a time chart whose x axis is in (fractional) years: legend below the plot,
     * x ticks as plain years, y ticks with thousands separators and never "-0" or scientific notation.
     */
    public static void timeAxes(XYChart c) {
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setxAxisTickLabelsFormattingFunction(ChartStyle::year);
        c.getStyler().setyAxisTickLabelsFormattingFunction(ChartStyle::number);
    }

    /** A year tick: 2020, not "2,020" or "2020.0". */
    public static String year(Double x) {
        return String.format(Locale.ROOT, "%.0f", x);
    }

    /**
     * A readable number: thousands separators ("600,000"), up to two decimals below 10 ("0.25"), and zero for
     * anything that rounds to zero (never "-0").
     */
    public static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "";
        }
        double a = Math.abs(v);
        String s = a >= 10 || a == 0 ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%,.2f", v).replaceAll("\\.?0+$", "");
        return s.matches("-0(\\.0*)?") ? "0" : s;
    }

    /** The chart as PNG with a source line under it ("Source: ..."), in small grey type. */
    public static byte[] png(Chart<?, ?> chart, String source) {
        BufferedImage img = BitmapEncoder.getBufferedImage(chart);
        int extra = SOURCE_LINE_PX;
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight() + extra, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(img, 0, 0, null);
            g.setColor(new Color(0x555555));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            String text = "Source: " + source;
            while (g.getFontMetrics().stringWidth(text) > out.getWidth() - 16 && text.length() > 10) {
                text = text.substring(0, text.length() - 2);
            }
            g.drawString(text, 8, img.getHeight() + 15);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
