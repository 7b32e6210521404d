package org.lichain.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lichain.cost.CostCurve;

/**
 * A self-contained HTML report: sections of text, tables and charts (PNG files written beside the HTML).
 * Written atomically; no scripts, no network.
 */
public final class HtmlReport {
    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final Map<String, byte[]> images = new LinkedHashMap<>();

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(esc(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    /** Adds a chart; {@code fileName} is written beside the HTML. */
    public HtmlReport image(String fileName, byte[] png, String alt) {
        images.put(fileName, png);
        body.append("<figure><img src=\"").append(esc(fileName)).append("\" alt=\"").append(esc(alt))
                .append("\" style=\"max-width:100%\"><figcaption>").append(esc(alt)).append("</figcaption></figure>\n");
        return this;
    }

    /** Adds a table; numbers are right-aligned. */
    public HtmlReport table(List<String> header, List<List<Object>> rows) {
        body.append("<table><thead><tr>");
        for (String h : header) {
            body.append("<th>").append(esc(h)).append("</th>");
        }
        body.append("</tr></thead><tbody>\n");
        for (List<Object> r : rows) {
            body.append("<tr>");
            for (int col = 0; col < r.size(); col++) {
                Object v = r.get(col);
                if (v instanceof Number n) {
                    double d = n.doubleValue();
                    boolean yearColumn = col < header.size() && header.get(col).toLowerCase(Locale.ROOT).contains("year")
                            && d == Math.rint(d);
                    String s = yearColumn ? String.format(Locale.ROOT, "%.0f", d) // 2020, never "2,020"
                            : Math.abs(d) < 10 && d != Math.rint(d) ? String.format(Locale.ROOT, "%.3f", d)
                            : String.format(Locale.ROOT, "%,.0f", d);
                    if (s.matches("-0(\\.0*)?")) {
                        s = s.substring(1); // never "-0"
                    }
                    body.append("<td class=\"num\">").append(s).append("</td>");
                } else {
                    body.append("<td>").append(esc(String.valueOf(v))).append("</td>");
                }
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    /** The standard cost-curve section: chart, group tables and the asset table. */
    public HtmlReport costCurve(CostCurve c, String imageName) {
        String period = c.month() != null ? c.month() : Integer.toString(c.year());
        heading("Cost curve " + period + " (" + c.basis().id().toUpperCase(Locale.ROOT) + ", chemical basis)");
        paragraph(String.format(Locale.ROOT,
                "Price %,.0f USD/t LCE ex-VAT = %,.0f CNY/t incl. VAT (%s). %.1f%% of mined output costs more than this.",
                c.priceUsdPerTLce(), c.priceCnyPerTInclVat(), c.priceSource(), 100 * c.shareAtLoss()));
        image(imageName, CostCurveChart.png(c), "Cost curve " + period + ": bar width = capacity, colour = resource type");
        List<List<Object>> rows = new ArrayList<>();
        c.byResourceType().forEach((k, g) -> rows.add(List.of(k, g.capacityTLce(), g.productionTLce(),
                String.format(Locale.ROOT, "%.1f%%", 100 * g.shareAtLoss()), g.medianC1UsdPerTLce())));
        table(List.of("resource type", "capacity t LCE", "production t LCE", "share at loss", "median C1 USD/t"), rows);
        List<List<Object>> crow = new ArrayList<>();
        c.byCountry().forEach((k, g) -> crow.add(List.of(k, g.capacityTLce(), g.productionTLce(),
                String.format(Locale.ROOT, "%.1f%%", 100 * g.shareAtLoss()), g.medianC1UsdPerTLce())));
        table(List.of("country", "capacity t LCE", "production t LCE", "share at loss", "median C1 USD/t"), crow);
        List<List<Object>> arow = new ArrayList<>();
        for (CostCurve.Entry e : c.entries()) {
            arow.add(List.of(e.id(), e.name(), e.country(), e.resourceType(), e.capacityTLce(), e.productionTLce(),
                    e.c1UsdPerTLce(), e.aiscUsdPerTLce(), e.c1CnyPerTInclVat(), e.cumulativeTLce()));
        }
        table(List.of("id", "name", "country", "type", "capacity t LCE", "production t LCE", "C1 USD/t", "AISC USD/t",
                "C1 CNY/t incl. VAT", "cumulative t LCE"), arow);
        return this;
    }

    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:1250px;margin:2em auto;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0;font-size:13px}th,td{border:1px solid #ccc;padding:3px 6px}"
                + "th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}"
                + "figcaption{font-size:12px;color:#555}</style></head><body>\n<h1>" + esc(title) + "</h1>\n" + body
                + "</body></html>\n";
    }

    /** Writes {@code report.html} (or the given name) and the images into {@code dir}. */
    public Path write(Path dir, String fileName) {
        for (Map.Entry<String, byte[]> e : images.entrySet()) {
            Canvas.write(dir.resolve(e.getKey()), e.getValue());
        }
        Path html = dir.resolve(fileName);
        Canvas.write(html, html().getBytes(StandardCharsets.UTF_8));
        return html;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
