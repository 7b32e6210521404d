package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 14: help that reads well, carries no internal labels, and agrees with the README. */
class HelpAndDocsTest {

    static CommandLine cli() {
        return new CommandLine(new Main());
    }

    static List<CommandLine> all(CommandLine c) {
        List<CommandLine> out = new ArrayList<>();
        out.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!out.contains(sub)) {
                out.addAll(all(sub));
            }
        }
        return out;
    }

    /** Each row of {@code lichain --help}'s command list, wrapped lines joined, is a whole sentence. */
    @Test
    void topLevelHelp_everySummaryIsAWholeSentence() {
        StringWriter sw = new StringWriter();
        cli().usage(new PrintWriter(sw, true), CommandLine.Help.Ansi.OFF);
        String help = sw.toString();
        String list = help.substring(help.indexOf("Commands:") + "Commands:".length());
        List<String> rows = new ArrayList<>();
        for (String line : list.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.matches("  \\S.*")) {
                rows.add(line.trim());
            } else {
                rows.set(rows.size() - 1, rows.get(rows.size() - 1) + " " + line.trim());
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(13);
        for (String row : rows) {
            String summary = row.replaceFirst("^\\S+\\s+", "");
            assertThat(summary).as(row).matches("[A-Z].*\\.");
            assertThat(summary).as(row).doesNotEndWith(",.").doesNotContain("(.");
        }
    }

    /** Every command's and subcommand's summary is a sentence, and no help text leaks internal issue labels. */
    @Test
    void everyCommand_hasASentenceSummary_andNoInternalLabels() {
        Pattern internal = Pattern.compile("(?i)issue\\s*#?\\s*\\d|contract\\)");
        for (CommandLine c : all(cli())) {
            String[] header = c.getCommandSpec().usageMessage().header();
            String[] description = c.getCommandSpec().usageMessage().description();
            String summary = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
            assertThat(summary).as(c.getCommandName()).matches("[A-Z].*\\.");
            String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(internal.matcher(usage).find()).as(c.getCommandName() + ":\n" + usage).isFalse();
        }
    }

    /** Every {@code lichain X [Y]} named in README.md and docs/ is a command (and Y a subcommand where X has some). */
    @Test
    void everyCommandNamedInTheDocs_exists() throws IOException {
        CommandLine root = cli();
        List<Path> docs = new ArrayList<>(List.of(Path.of("../README.md")));
        try (var s = Files.list(Path.of("../docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        Pattern code = Pattern.compile("`(?:\\./)?lichain ([^`]*)`");
        int checked = 0;
        for (Path doc : docs) {
            Matcher m = code.matcher(Files.readString(doc));
            while (m.find()) {
                String[] words = m.group(1).trim().split("\\s+");
                if (words.length == 0 || !words[0].matches("[a-z][a-z-]*")) {
                    continue;
                }
                CommandLine cmd = root.getSubcommands().get(words[0]);
                assertThat(cmd).as(doc + ": `lichain " + m.group(1) + "`").isNotNull();
                checked++;
                if (words.length > 1 && !cmd.getSubcommands().isEmpty()) {
                    for (String alt : words[1].split("\\\\?\\|")) {
                        if (alt.matches("[a-z][a-z-]*")) {
                            assertThat(cmd.getSubcommands()).as(doc + ": `lichain " + m.group(1) + "`")
                                    .containsKey(alt);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    /** Ids ignore case, and a miss says what was probably meant. */
    @Test
    void ids_ignoreCase_andAMissSuggestsTheClosest() {
        CliTestSupport.Result ok = CliTestSupport.run("assets", "show", "cn-jx-01", "--json");
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("\"id\" : \"CN-JX-01\"");
        CliTestSupport.Result miss = CliTestSupport.run("assets", "show", "CN-JX-1");
        assertThat(miss.status()).isEqualTo(2);
        assertThat(miss.err()).contains("unknown asset id 'CN-JX-1'; did you mean 'CN-JX-01'");
        CliTestSupport.Result company = CliTestSupport.run("company", "CTAL", "--year", "2025");
        assertThat(company.status()).isEqualTo(2);
        assertThat(company.err()).contains("did you mean 'CATL'");
        assertThat(CliTestSupport.run("company", "catl", "--year", "2025", "--json").status()).isZero();
    }

    /** --quiet leaves results and errors only; it is accepted after any subcommand. */
    @Test
    void quiet_isAGlobalOption() {
        CliTestSupport.Result r = CliTestSupport.run("assets", "--quiet", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(CliTestSupport.run("--verbose", "assets", "--json").status()).isZero();
    }
}
