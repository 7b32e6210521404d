package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void help_listsTheSafetyOptions() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--port", "--bind", "--data", "--db", "--cors-origin", "LICHAIN_TOKEN");
    }

    @Test
    void portOutOfRange_isInvalidInput() {
        assertThat(run("serve", "--port", "70000")).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("--port 70000");
    }

    @Test
    void missingDataFolder_isInvalidInput() {
        assertThat(run("serve", "--port", "0", "--data", "/nonexistent/lichain-data")).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("not a folder");
    }
}
