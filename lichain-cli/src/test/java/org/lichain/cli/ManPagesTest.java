package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The man pages the build writes come from the same model as --help: one per command, NAME = the summary. */
class ManPagesTest {
    @Test
    void onePagePerCommand_withTheSummaryAsName(@TempDir Path dir) throws Exception {
        ManPages.main(new String[] {dir.toString()});
        assertThat(dir.resolve("lichain.1")).exists();
        String curve = Files.readString(dir.resolve("lichain-curve.1"));
        assertThat(curve).startsWith(".TH LICHAIN-CURVE 1")
                .contains(".SH NAME\nlichain-curve \\- Shows the cost curve of mined lithium supply")
                .contains(".SH SYNOPSIS").contains("--price-usd").contains(".SH OPTIONS");
        assertThat(Files.readString(dir.resolve("lichain-env.1"))).contains("\\fBlichain-env-attribute\\fR(1)");
        long pages;
        try (var s = Files.list(dir)) {
            pages = s.count();
        }
        // every command and subcommand except picocli's own 'help'
        assertThat(pages).isEqualTo(ManPages.commands(new CommandLine(new Main())).size());
        assertThat(pages).isGreaterThanOrEqualTo(25);
    }

    @Test
    void troffControlCharactersAreEscaped() {
        assertThat(ManPages.escape(".dot\n'quote\nback\\slash")).isEqualTo("\\&.dot\n\\&'quote\nback\\eslash");
    }
}
