package org.lichain.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lichain.report.xlsx.JsonWorkbook;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --xlsx FILE} option (a mixin): the command's JSON output as an Excel workbook, one sheet per table, the
 * JSON field names (with their units) as headers, and a {@code sources_parameters} sheet (docs/exports.md).
 */
public final class XlsxOption {
    @Option(names = "--xlsx", paramLabel = "FILE",
            description = "Also write the result as an Excel workbook: one sheet per table, units in the headers, "
                    + "a sheet with the sources and parameters.")
    Path xlsx;

    /** Writes the workbook when the option was given; returns whether it did. */
    boolean write(CommandSpec spec, ObjectNode json, String indexField, DataOptions data) {
        if (xlsx == null) {
            return false;
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("command", "lichain " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        extra.put("generated_by", "lichain 0.1.0");
        extra.put("dataset", data == null || data.dataDir == null ? "embedded dataset (lichain dataset export DIR "
                + "writes it with a source on every row)" : data.dataDir.toString());
        extra.put("units", "in each column name: t_lce = tonnes of lithium carbonate equivalent, usd_per_t_lce = "
                + "USD per t LCE ex-VAT, cny_per_t_incl_vat = CNY per t including 13% VAT, pct = percent");
        JsonWorkbook.write(xlsx, json, indexField, extra);
        return true;
    }
}
