package org.lichain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurve;
import org.lichain.report.HtmlReport;
import org.lichain.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lichain run}: the main end-to-end job on the dataset; prints a summary and writes an HTML report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The main job: the latest cost curve (2025) at the mid-2025 Chinese spot price and at the",
                "dataset's reference price; prints the summary and writes OUT/report.html with charts and tables."})
public final class RunCommand implements Callable<Integer> {
    /**
     * Mid-2025 Chinese battery-grade carbonate spot, CNY/t incl. VAT: ~CNY 75,000 on 8–9 Aug 2025 before the
     * Jianxiawo halt (Metals-Wire; Caixin — reference/facts.md §8). Used only to display the 2025 curve.
     */
    static final double MID_2025_SPOT_CNY_INCL_VAT = 75_000;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        World w = data.world();
        PrintWriter o = spec.commandLine().getOut();
        CostCurve spot = CurveCommand.build(w, 2025, null, null, MID_2025_SPOT_CNY_INCL_VAT, CostBreakdown.Basis.C1);
        CurveCommand.printSummary(o, spot, 15);
        HtmlReport report = new HtmlReport("LiChain report");
        report.paragraph("Mined lithium supply on a chemical basis, from the embedded dataset (sources in "
                + "'lichain assets show ID'). Spot price for the 2025 curve: CNY 75,000/t incl. VAT, the August 2025 "
                + "level before the Jianxiawo halt (reference/facts.md §8).");
        report.costCurve(spot, "curve-2025.png");
        CostCurve ref2023 = CurveCommand.build(w, 2023, null, null, null, CostBreakdown.Basis.C1);
        report.costCurve(ref2023, "curve-2023.png");
        Path html = report.write(out, "report.html");
        o.println();
        o.printf(Locale.ROOT, "report: %s%n", html);
        return 0;
    }
}
