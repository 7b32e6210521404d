package org.lichain.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Writes a man page (troff, section 1) for {@code lichain} and each of its commands from picocli's model of the CLI
 * — the same text as {@code --help} — so the pages cannot drift from the code. Run by the Maven build
 * ({@code lichain-cli/target/man/}); {@code man -l target/man/lichain-curve.1} shows one.
 */
public final class ManPages {
    private ManPages() {
    }

    /** {@code ManPages DIR}: writes DIR/lichain.1 and DIR/lichain-COMMAND[-SUB].1. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/man");
        Files.createDirectories(dir);
        for (CommandLine c : commands(new CommandLine(new Main()))) {
            String name = c.getCommandSpec().qualifiedName("-");
            Files.writeString(dir.resolve(name + ".1"), page(c), StandardCharsets.UTF_8);
        }
    }

    static List<CommandLine> commands(CommandLine c) {
        List<CommandLine> out = new ArrayList<>();
        out.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help") && !out.contains(sub)) {
                out.addAll(commands(sub));
            }
        }
        return out;
    }

    /** One page: NAME (the one-sentence summary), SYNOPSIS, DESCRIPTION, OPTIONS and COMMANDS as --help shows them. */
    static String page(CommandLine c) {
        CommandLine.Model.CommandSpec spec = c.getCommandSpec();
        String name = spec.qualifiedName("-");
        String[] header = spec.usageMessage().header();
        String[] description = spec.usageMessage().description();
        String summary = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
        CommandLine.Help help = c.getHelp();
        StringBuilder sb = new StringBuilder();
        sb.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"lichain 0.1.0\" \"LiChain manual\"\n");
        sb.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(summary)).append('\n');
        sb.append(".SH SYNOPSIS\n.nf\n").append(escape(help.synopsis(0).strip())).append("\n.fi\n");
        if (description.length > 0) {
            sb.append(".SH DESCRIPTION\n");
            for (String d : description) {
                sb.append(escape(String.format(d.replace("%n", "\n")))).append('\n');
            }
        }
        if (!spec.options().isEmpty()) {
            sb.append(".SH OPTIONS\n.nf\n").append(escape(strip(help.optionList()))).append(".fi\n");
        }
        if (!c.getSubcommands().isEmpty()) {
            sb.append(".SH COMMANDS\n.nf\n").append(escape(strip(help.commandList()))).append(".fi\n");
            sb.append(".SH SEE ALSO\n");
            List<String> refs = new ArrayList<>();
            for (CommandLine sub : c.getSubcommands().values()) {
                if (!sub.getCommandName().equals("help")) {
                    refs.add("\\fB" + sub.getCommandSpec().qualifiedName("-") + "\\fR(1)");
                }
            }
            sb.append(String.join(", ", refs)).append('\n');
        }
        return sb.toString();
    }

    private static String strip(String s) {
        StringWriter w = new StringWriter();
        PrintWriter p = new PrintWriter(w);
        for (String line : s.split("\n")) {
            p.println(line.stripTrailing());
        }
        p.flush();
        return w.toString();
    }

    /** Troff escapes: backslashes, and a leading dot or quote on a line. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.replace("\\", "\\e").split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return sb.toString();
    }
}
