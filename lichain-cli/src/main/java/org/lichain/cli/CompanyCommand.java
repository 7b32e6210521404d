package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lichain.company.AssetVerdict;
import org.lichain.company.Companies;
import org.lichain.company.CompanyModel;
import org.lichain.company.CompanyPnl;
import org.lichain.company.GivenPricePath;
import org.lichain.company.Offtake;
import org.lichain.company.PricePath;
import org.lichain.company.Segment;
import org.lichain.company.SegmentPnl;
import org.lichain.company.TransferPricing;
import org.lichain.cost.CostCurves;
import org.lichain.report.Canvas;
import org.lichain.report.company.CompanyCharts;
import org.lichain.report.company.CompanyJson;
import org.lichain.world.World;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lichain company ID}: a group's segment and integrated P&L, and keep-or-close of its assets. */
@Command(name = "company", mixinStandardHelpOptions = true,
        header = "Shows a group's segment and integrated P&L for a year and which assets it would keep or close.",
        description = {"Segment (mining, conversion, cathode, cells) and integrated P&L of a group for a year,",
                "attributable by stake, with each lithium asset's stand-alone margin and whether the group keeps it.",
                "Prices: the dataset's reference prices of the year, or a flat price (--price-usd / --price-cny-incl-vat).",
                "The market simulation will be a third price source (see docs/company.md)."},
        subcommands = CompanyCommand.Compare.class)
public final class CompanyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Company id, e.g. CATL.")
    String id;

    @Mixin
    Common common;

    @Option(names = "--json", description = "Print the P&L as JSON (segments, assets, months; fields in docs/company.md).")
    boolean json;

    @Option(names = "--png", paramLabel = "FILE", description = "Write a chart of monthly margin by segment (PNG).")
    Path png;

    @Mixin
    XlsxOption xlsx;

    /** Options shared by {@code company} and {@code company compare}. */
    static final class Common {
        @Option(names = "--year", paramLabel = "Y", description = "Year (default: ${DEFAULT-VALUE}).",
                defaultValue = "2025")
        int year;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Price price;

        @Option(names = "--transfer", paramLabel = "market|cost",
                description = "Transfer pricing between the group's segments (default: ${DEFAULT-VALUE}).",
                defaultValue = "market")
        String transfer;

        PricePath path(World w, Companies c) {
            if (year < 2015 || year > 2040) {
                throw new InvalidInputException("--year " + year + ": must be between 2015 and 2040");
            }
            if (price != null && price.usd != null) {
                return GivenPricePath.flat(w, c, year, checked("--price-usd", price.usd));
            }
            if (price != null && price.cny != null) {
                double usd = CostCurves.usdFromCnyInclVat(w, year, checked("--price-cny-incl-vat", price.cny));
                return GivenPricePath.flat(w, c, year, usd);
            }
            return GivenPricePath.reference(w, c, year);
        }

        TransferPricing transferPricing() {
            try {
                return TransferPricing.parse(transfer);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("--transfer: " + e.getMessage());
            }
        }

        private static double checked(String option, double v) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new InvalidInputException(option + " " + v + ": must be a non-negative number");
            }
            return v;
        }
    }

    /** Exactly one of the price options. */
    static final class Price {
        @Option(names = "--price-usd", paramLabel = "P",
                description = "Flat carbonate price for every month, USD per t LCE ex-VAT (SC6 follows it).")
        Double usd;

        @Option(names = "--price-cny-incl-vat", paramLabel = "P",
                description = "Flat China spot carbonate price, CNY per t including VAT (e.g. 75000).")
        Double cny;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        World w = data.world();
        Companies c = CompanyModel.companies(w);
        if (id == null) {
            throw new InvalidInputException("give a company ID (e.g. lichain company CATL --year 2025) or use "
                    + "'lichain company compare ID...'; known: "
                    + String.join(", ", c.companies().stream().map(x -> x.id()).toList()));
        }
        CompanyPnl p = pnl(w, c, id, common);
        List<Offtake> off = c.offtakesOf(p.companyId());
        if (png != null) {
            Canvas.write(png, CompanyCharts.png(CompanyCharts.monthly(p)));
        }
        var node = CompanyJson.of(p, off);
        boolean wroteXlsx = xlsx.write(spec, node, null, data);
        if (json) {
            Json.print(out, node);
        } else {
            print(out, p);
            if (png != null) {
                out.println("chart: " + png);
            }
            if (wroteXlsx) {
                out.println("workbook: " + xlsx.xlsx);
            }
        }
        return 0;
    }

    static CompanyPnl pnl(World w, Companies c, String companyId, Common common) {
        java.util.List<String> ids = c.companies().stream().map(x -> x.id()).toList();
        String id = Ids.resolve(companyId, ids, "company id", "list them with 'lichain company'");
        return CompanyModel.pnl(w, c, id, common.year, common.path(w, c), common.transferPricing());
    }

    static void print(PrintWriter out, CompanyPnl p) {
        out.printf(Locale.ROOT, "%s (%s), %d — transfer pricing at %s%n", p.companyId(), p.companyName(), p.year(),
                p.transferPricing().id());
        out.printf(Locale.ROOT, "prices: %s; carbonate avg %,.0f USD/t LCE, SC6 avg %,.0f USD/t%n", p.pricePath(),
                p.averageCarbonateUsdPerTLce(), p.averageSc6UsdPerT());
        out.printf(Locale.ROOT, "%-11s %16s %16s %16s %14s%n", "segment", "revenue USD m", "cash cost USD m",
                "margin USD m", "volume");
        for (Segment s : Segment.values()) {
            SegmentPnl sp = p.segment(s);
            out.printf(Locale.ROOT, "%-11s %16.1f %16.1f %16.1f %10.1f %s%n", s.id(), sp.revenueUsd() / 1e6,
                    sp.costUsd() / 1e6, sp.marginUsd() / 1e6, sp.volume(), s.volumeUnit());
        }
        out.printf(Locale.ROOT, "%-11s %16s %16s %16.1f%n", "integrated", "", "", p.integratedMarginUsd() / 1e6);
        if (!p.assets().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "%-12s %7s %12s %6s %14s %10s %9s %14s %6s%n", "asset", "stake%", "output t",
                    "util%", "stand-alone m", "USD/t", "curtail?", "chain USD m", "kept?");
            for (AssetVerdict a : p.assets()) {
                out.printf(Locale.ROOT, "%-12s %7.2f %12.0f %6s %14.1f %10s %9s %14.1f %6s%n", a.id(), a.stakePct(),
                        a.productionTLce(), a.capacityTLce() > 0
                                ? String.format(Locale.ROOT, "%.0f", a.utilisationPct()) : "-",
                        a.standaloneMarginUsd() / 1e6, a.productionTLce() > 0
                                ? String.format(Locale.ROOT, "%.0f", a.standaloneMarginUsdPerTLce()) : "-",
                        a.curtailStandalone() ? "yes" : "no", a.chainMarginUsd() / 1e6, a.keptByGroup() ? "yes" : "no");
            }
            out.println("stand-alone margins on a 100% basis (cash, at market prices; labour and overheads fixed at");
            out.println("nameplate, so they weigh more per t at low utilisation); chain margin = the group's share of");
            out.println("it plus the cathode and cell margin earned on the lithium the asset feeds into the group's chain.");
        }
    }

    /** {@code lichain company compare ID...}: margin by segment for several groups. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            header = "Compares the segment and integrated margins of several groups in one year.",
            description = {"Margin by segment and integrated margin for several groups in one year.",
                    "Chart (--png): margin by segment per company."})
    static final class Compare implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "Company ids, e.g. CATL BYD ALBEMARLE.")
        List<String> ids;

        @Mixin
        Common common;

        @Option(names = "--json", description = "Print one issue-6 body per company as JSON.")
        boolean json;

        @Option(names = "--png", paramLabel = "FILE", description = "Write the margin-by-segment chart (PNG).")
        Path png;

        @Override
        public Integer call() {
            World w = data.world();
            Companies c = CompanyModel.companies(w);
            List<CompanyPnl> pnls = new ArrayList<>();
            List<List<Offtake>> offs = new ArrayList<>();
            for (String id : ids) {
                pnls.add(pnl(w, c, id, common));
                offs.add(c.offtakesOf(id));
            }
            if (png != null) {
                Canvas.write(png, CompanyCharts.png(CompanyCharts.compare(pnls)));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, CompanyJson.compare(common.year, pnls, offs));
                return 0;
            }
            out.printf(Locale.ROOT, "margin by segment, %d, USD million (transfer pricing at %s; %s)%n", common.year,
                    pnls.get(0).transferPricing().id(), pnls.get(0).pricePath());
            out.printf(Locale.ROOT, "%-14s %10s %11s %10s %10s %11s%n", "company", "mining", "conversion", "cathode",
                    "cells", "integrated");
            for (CompanyPnl p : pnls) {
                out.printf(Locale.ROOT, "%-14s %10.1f %11.1f %10.1f %10.1f %11.1f%n", p.companyId(),
                        p.segment(Segment.MINING).marginUsd() / 1e6, p.segment(Segment.CONVERSION).marginUsd() / 1e6,
                        p.segment(Segment.CATHODE).marginUsd() / 1e6, p.segment(Segment.CELLS).marginUsd() / 1e6,
                        p.integratedMarginUsd() / 1e6);
            }
            if (png != null) {
                out.println("chart: " + png);
            }
            return 0;
        }
    }
}
