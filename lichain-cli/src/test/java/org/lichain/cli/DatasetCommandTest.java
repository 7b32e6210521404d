package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {

    @Test
    void exportThenCheck_isValid_andUsableWithData(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("ds");
        assertThat(CliTestSupport.run("dataset", "export", d.toString()).status()).isZero();
        assertThat(d.resolve("assets.csv")).exists();
        CliTestSupport.Result check = CliTestSupport.run("dataset", "check", d.toString());
        assertThat(check.status()).as(check.err()).isZero();
        assertThat(check.out()).contains("ok");
        CliTestSupport.Result viaData = CliTestSupport.run("curve", "--year", "2024", "--price-usd", "10000", "--json",
                "--data", d.toString());
        CliTestSupport.Result embedded = CliTestSupport.run("curve", "--year", "2024", "--price-usd", "10000", "--json");
        assertThat(viaData.out()).isEqualTo(embedded.out());
    }

    @Test
    void exportRefusesToOverwrite_withoutForce(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("ds");
        assertThat(CliTestSupport.run("dataset", "export", d.toString()).status()).isZero();
        Files.writeString(d.resolve("fx.csv"), "edited by the user\n");
        CliTestSupport.Result again = CliTestSupport.run("dataset", "export", d.toString());
        assertThat(again.status()).isEqualTo(2);
        assertThat(Files.readString(d.resolve("fx.csv"))).isEqualTo("edited by the user\n");
    }

    @Test
    void checkOfBrokenFolder_listsEveryProblem_exitTwo_andCommandsRefuseIt(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("ds");
        CliTestSupport.run("dataset", "export", d.toString());
        // break the capacity of the first event row
        String cap = Files.readString(d.resolve("capacity_events.csv"));
        String[] caplines = cap.split("\n", -1);
        String[] fields = caplines[1].split(",", -1);
        fields[3] = "-5";
        caplines[1] = String.join(",", fields);
        Files.writeString(d.resolve("capacity_events.csv"), String.join("\n", caplines));
        CliTestSupport.Result r = CliTestSupport.run("dataset", "check", d.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("capacity_events.csv:2:").contains("capacity_t_lce_per_year")
                .contains("must not be negative");
        CliTestSupport.Result curve = CliTestSupport.run("curve", "--data", d.toString(), "--json");
        assertThat(curve.status()).isEqualTo(2);
        assertThat(curve.out()).isEmpty();
    }
}
