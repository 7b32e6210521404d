package org.lichain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The 2023 cost curve of the embedded dataset at its reference price, compared with a stored golden file.
 * When a change of model or data is intended, refresh it with
 * {@code ./mvnw -pl lichain-cli -am test -Dtest=GoldenCurveTest -Dsurefire.failIfNoSpecifiedTests=false -Dlichain.updateGolden=true}
 * and review the diff of {@code lichain-cli/src/test/resources/golden/curve-2023.json} before committing.
 */
class GoldenCurveTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/curve-2023.json");

    @Test
    void curve2023_matchesGolden() throws IOException {
        CliTestSupport.Result r = CliTestSupport.run("curve", "--year", "2023", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        if (Boolean.getBoolean("lichain.updateGolden")) {
            Files.writeString(GOLDEN, r.out(), StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).as("golden file; see the class comment to create or refresh it").exists();
        assertThat(r.out()).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }
}
