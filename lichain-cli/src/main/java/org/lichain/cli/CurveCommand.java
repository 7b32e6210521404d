package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurve;
import org.lichain.cost.CostCurves;
import org.lichain.report.Canvas;
import org.lichain.report.CostCurveChart;
import org.lichain.report.CurveJson;
import org.lichain.world.World;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lichain curve}: the industry cost curve for a year or month. */
@Command(name = "curve", mixinStandardHelpOptions = true,
        header = "Shows the cost curve of mined lithium supply and the share of output that costs more than the price.",
        description = {"The cost curve of mined lithium supply: assets sorted by unit cost (chemical basis),",
                "cumulative capacity, the share of output at a loss at a price, by resource type and country.",
                "Without a price option the latest known price is used: the year's average of the monthly China spot",
                "record (SMM), or its latest month when the year is incomplete; the output names it and its source."})
public final class CurveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--year", paramLabel = "Y", description = "Year of the curve (default: ${DEFAULT-VALUE}).",
            defaultValue = "2025")
    int year;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "A monthly curve instead of the annual one.")
    String month;

    static final class PriceOption {
        @Option(names = "--price-usd", paramLabel = "P", description = "Price in USD per t LCE, ex-VAT.")
        Double usd;

        @Option(names = "--price-cny-incl-vat", paramLabel = "P",
                description = "Chinese spot price in CNY per t including 13%% VAT (e.g. 75000).")
        Double cny;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    PriceOption price;

    @Option(names = "--basis", paramLabel = "c1|aisc", description = "Cost basis (default: ${DEFAULT-VALUE}).",
            defaultValue = "c1")
    String basis;

    @Mixin
    PowerPriceOption powerPrice;

    @Option(names = "--demand-t-lce", paramLabel = "D",
            description = "Also report the marginal cost at this annual demand (t LCE): the cost of the bar where cumulative capacity reaches it.")
    Double demand;

    @Mixin
    XlsxOption xlsx;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the chart as PNG.")
    Path png;

    @Option(names = "--svg", paramLabel = "FILE", description = "Write the chart as SVG.")
    Path svg;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for the schedules of "
            + "--power-price scheduled (default: all cores; the result is the same for any count).")
    Integer threads;

    @Option(names = "--json", description = "Print the curve as JSON (fields in docs/dataset.md and README).")
    boolean json;

    @Override
    public Integer call() {
        int t = CliThreads.of(threads);
        World w = data.world();
        Double usd = price == null ? null : price.usd;
        Double cny = price == null ? null : price.cny;
        CostCurve c;
        if (powerPrice.mode() == org.lichain.operations.EffectivePowerPrice.Mode.SCHEDULED) {
            // a monthly curve schedules its month; an annual curve schedules the first month of each quarter and
            // applies it to the quarter (named simplification: 4 solves per plant instead of 12)
            boolean annual = month == null;
            org.lichain.cost.PowerPriceRatio power = (a, m) -> org.lichain.operations.EffectivePowerPrice.of(w,
                    a.id(), annual ? YearMonth.of(m.getYear(), (m.getMonthValue() - 1) / 3 * 3 + 1) : m).ratioToFlat();
            // a bad --month is refused before the schedules are solved; a --year out of range by build(), below
            YearMonth ymOrNull = annual ? null : CliMonths.parse("--month", month);
            if (year >= 2015 && year <= 2040) {
                scheduleAll(w, ymOrNull, year, t);
            }
            c = build(w, year, ymOrNull, usd, cny, parseBasis(basis), power);
        } else {
            c = build(w, year, month, usd, cny, parseBasis(basis));
        }
        if (png != null) {
            Canvas.write(png, CostCurveChart.png(c));
        }
        if (svg != null) {
            Canvas.write(svg, CostCurveChart.svg(c));
        }
        if (demand != null && !(demand >= 0)) {
            throw new InvalidInputException("--demand-t-lce " + demand + ": must be a non-negative number");
        }
        PrintWriter out = spec.commandLine().getOut();
        var node = CurveJson.of(c);
        node.put("power_price", powerPrice.mode().name().toLowerCase(Locale.ROOT));
        if (demand != null) {
            node.put("demand_t_lce", demand);
            node.put("marginal_cost_usd_per_t_lce", CurveJson.r2(c.marginalCostAt(demand)));
        }
        boolean wroteXlsx = xlsx.write(spec, node, null, data);
        if (json) {
            Json.print(out, node);
        } else {
            if (demand != null) {
                out.printf(Locale.ROOT, "Marginal %s cost at a demand of %,.0f t LCE: %,.0f USD/t LCE%s%n%n",
                        c.basis().id().toUpperCase(Locale.ROOT), demand, c.marginalCostAt(demand),
                        demand > c.totalCapacityTLce() ? " (demand exceeds capacity: the last bar's cost)" : "");
            }
            printSummary(out, c, 0);
            if (png != null) {
                out.println("chart: " + png);
            }
            if (svg != null) {
                out.println("chart: " + svg);
            }
            if (wroteXlsx) {
                out.println("workbook: " + xlsx.xlsx);
            }
        }
        return 0;
    }

    /**
     * Solves the schedules the curve will ask for, one LP per plant and month, under a progress bar with ETA (the
     * results are cached, so the curve then reads them). {@code monthOrNull} is the parsed --month (null: the
     * quarters of year {@code y}).
     */
    private void scheduleAll(World w, YearMonth monthOrNull, int y, int t) {
        java.util.List<String> plants = new java.util.ArrayList<>();
        java.util.List<YearMonth> months = new java.util.ArrayList<>();
        int curveYear = monthOrNull != null ? monthOrNull.getYear() : y;
        for (org.lichain.world.Asset a : w.assets()) {
            boolean on = a.kind().minedSupply() && (monthOrNull != null
                    ? a.capacity().capacityTLcePerYear(monthOrNull) > 0
                    : a.capacity().averageCapacityTLcePerYear(curveYear) > 0
                    || w.productionOf(a.id(), curveYear).isPresent());
            if (on) {
                plants.add(a.id());
            }
        }
        if (monthOrNull != null) {
            months.add(monthOrNull);
        } else {
            for (int q = 0; q < 4; q++) {
                months.add(YearMonth.of(curveYear, q * 3 + 1));
            }
        }
        Console.note(spec.commandLine().getErr(), String.format(Locale.ROOT, "lichain: scheduling %d plants on their "
                + "time-of-use tariffs for %d month(s) on %d thread(s)", plants.size(), months.size(), t));
        try (WorkProgress bar = new WorkProgress("schedules", (long) plants.size() * months.size(), "plants")) {
            org.lichain.operations.EffectivePowerPrice.ofAll(w, plants, months, t, () -> {
                synchronized (bar) {
                    bar.step();
                }
            });
        }
    }

    static CostBreakdown.Basis parseBasis(String s) {
        try {
            return CostBreakdown.Basis.parse(s);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--basis: " + e.getMessage());
        }
    }

    /**
     * Builds a curve from CLI-style options (shared with {@code run}) at the flat power price: --year is checked
     * before the --month text is parsed.
     */
    static CostCurve build(World w, int year, String month, Double usd, Double cny, CostBreakdown.Basis basis) {
        checkYear(year);
        return build(w, year, month == null ? null : CliMonths.parse("--month", month), usd, cny, basis,
                org.lichain.cost.PowerPriceRatio.FLAT);
    }

    /** Builds the curve of month {@code ym}, or of {@code year} when {@code ym} is null. */
    static CostCurve build(World w, int year, YearMonth ym, Double usd, Double cny, CostBreakdown.Basis basis,
                           org.lichain.cost.PowerPriceRatio power) {
        checkYear(year);
        int y = ym != null ? ym.getYear() : year;
        CostCurves.Price p;
        if (usd != null) {
            if (!(usd >= 0) || usd.isInfinite()) {
                throw new InvalidInputException("--price-usd " + usd + ": must be a non-negative number");
            }
            p = new CostCurves.Price(usd, "given (--price-usd)");
        } else if (cny != null) {
            if (!(cny >= 0) || cny.isInfinite()) {
                throw new InvalidInputException("--price-cny-incl-vat " + cny + ": must be a non-negative number");
            }
            double u = ym != null ? cny / (1 + w.fiscal().chinaVatPct() / 100) / w.fx().cnyPerUsd(ym)
                    : CostCurves.usdFromCnyInclVat(w, y, cny);
            p = new CostCurves.Price(u, String.format(Locale.ROOT,
                    "given (--price-cny-incl-vat %.0f, converted ex-VAT at the %s average CNY/USD)", cny,
                    ym != null ? ym.toString() : Integer.toString(y)));
        } else {
            p = (ym != null ? CostCurves.referencePrice(w, ym) : CostCurves.referencePrice(w, y))
                    .orElseThrow(() -> new InvalidInputException("no reference price at or before " + y
                            + " in the dataset; give --price-usd or --price-cny-incl-vat"));
        }
        return ym != null ? CostCurves.monthly(w, ym, p, basis, power) : CostCurves.annual(w, y, p, basis, power);
    }

    private static void checkYear(int year) {
        if (year < 2015 || year > 2040) {
            throw new InvalidInputException("--year " + year + ": must be between 2015 and 2040");
        }
    }

    /** Human summary: price, groups, and the assets (all, or the first {@code maxAssets} if > 0). */
    static void printSummary(PrintWriter out, CostCurve c, int maxAssets) {
        printSummary(out, c, maxAssets, false);
    }

    /**
     * Human summary on the curve's basis (C1 or AISC): price, groups (share at a loss and the production-weighted
     * median of the basis cost), then the assets. With {@code underWaterFirst}, every asset whose basis cost is above
     * the price comes first, most under water first, then the cheapest others up to {@code maxAssets}.
     */
    static void printSummary(PrintWriter out, CostCurve c, int maxAssets, boolean underWaterFirst) {
        String period = c.month() != null ? c.month() : Integer.toString(c.year());
        String b = c.basis().id().toUpperCase(Locale.ROOT);
        out.printf(Locale.ROOT, "Cost curve %s, basis %s, mined supply on a chemical basis%n", period, b);
        out.printf(Locale.ROOT, "Price: %,.0f USD/t LCE ex-VAT = %,.0f CNY/t incl. VAT (%s)%n", c.priceUsdPerTLce(),
                c.priceCnyPerTInclVat(), c.priceSource());
        out.printf(Locale.ROOT, "Capacity %,.0f t LCE/yr; production %,.0f t LCE; %.1f%% of output costs more than the "
                        + "price (%s)%n", c.totalCapacityTLce(), c.totalProductionTLce(), 100 * c.shareAtLoss(), b);
        out.println();
        printGroups(out, "resource type", c, CostCurve.Entry::resourceType);
        out.println();
        printGroups(out, "country", c, CostCurve.Entry::country);
        out.println();
        java.util.List<CostCurve.Entry> shown = new java.util.ArrayList<>(c.entries());
        int under = 0;
        if (underWaterFirst) {
            java.util.List<CostCurve.Entry> loss = new java.util.ArrayList<>();
            java.util.List<CostCurve.Entry> rest = new java.util.ArrayList<>();
            for (CostCurve.Entry e : c.entries()) {
                (e.cost(c.basis()) > c.priceUsdPerTLce() ? loss : rest).add(e);
            }
            java.util.Collections.reverse(loss); // entries are cost-sorted: most under water first
            under = loss.size();
            shown = new java.util.ArrayList<>(loss);
            shown.addAll(rest);
            out.printf(Locale.ROOT, "%d asset(s) under water (%s cost above the price) first, then the cheapest:%n",
                    under, b);
        }
        out.printf(Locale.ROOT, "%-12s %-44s %-3s %-11s %12s %12s %10s %10s %14s%n", "id", "name", "cc", "type",
                "capacity_t", "production_t", "c1_usd", "aisc_usd", "cumulative_t");
        int limit = maxAssets > 0 ? Math.max(maxAssets, under) : shown.size();
        for (int i = 0; i < shown.size(); i++) {
            if (i >= limit) {
                out.printf(Locale.ROOT, "... %d more (use --json for all)%n", shown.size() - limit);
                break;
            }
            if (underWaterFirst && i == under && under > 0) {
                out.println("-- above water --");
            }
            CostCurve.Entry e = shown.get(i);
            out.printf(Locale.ROOT, "%-12s %-44s %-3s %-11s %,12.0f %,12.0f %,10.0f %,10.0f %,14.0f%n", e.id(),
                    e.name().length() > 44 ? e.name().substring(0, 43) + "…" : e.name(), e.country(),
                    e.resourceType(), e.capacityTLce(), e.productionTLce(), e.c1UsdPerTLce(), e.aiscUsdPerTLce(),
                    e.cumulativeTLce());
        }
    }

    /** Groups with the share at a loss and the production-weighted median of the curve's basis cost. */
    static void printGroups(PrintWriter out, String what, CostCurve c,
                            java.util.function.Function<CostCurve.Entry, String> key) {
        String b = c.basis().id();
        out.printf(Locale.ROOT, "%-12s %14s %14s %14s %16s%n", what, "capacity_t", "production_t", "share_at_loss",
                "median_" + b + "_usd");
        Map<String, CostCurve.Group> groups = what.equals("country") ? c.byCountry() : c.byResourceType();
        groups.forEach((k, g) -> {
            java.util.List<CostCurve.Entry> in = c.entries().stream().filter(e -> key.apply(e).equals(k)).toList();
            double[] cost = new double[in.size()];
            double[] w = new double[in.size()];
            for (int i = 0; i < cost.length; i++) {
                cost[i] = in.get(i).cost(c.basis());
                w[i] = in.get(i).productionTLce();
            }
            double median = org.lichain.cost.CurveKernel.weightedMedian(org.lichain.cost.CurveKernel.order(cost), cost,
                    w);
            out.printf(Locale.ROOT, "%-12s %,14.0f %,14.0f %13.1f%% %,16.0f%n", k, g.capacityTLce(),
                    g.productionTLce(), 100 * g.shareAtLoss(), median);
        });
    }
}
