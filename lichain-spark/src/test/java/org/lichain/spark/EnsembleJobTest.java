package org.lichain.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lichain.scenario.EnsembleDirectory;
import org.lichain.scenario.EnsembleModels;
import org.lichain.scenario.EnsembleRunner;
import org.lichain.scenario.ParquetRows;
import org.lichain.scenario.ScenarioFile;
import org.lichain.scenario.ScenarioSpec;

/** The Spark job gives the same per-run results as the local runner (Spark local[2], loopback only). */
@Tag("spark")
class EnsembleJobTest {
    static List<String> rows(String parquetGlob) throws Exception {
        return ParquetRows.of(parquetGlob, true);
    }

    @Test
    void twoHundredRunsOnSpark_equalTheLocalRunner(@TempDir Path tmp) throws Exception {
        Path scenario = tmp.resolve("toy.yaml");
        try (InputStream in = EnsembleJobTest.class.getResourceAsStream("/org/lichain/scenario/toy.yaml")) {
            Files.write(scenario, in.readAllBytes());
        }
        ScenarioSpec spec = ScenarioFile.read(scenario);
        Path local = tmp.resolve("local");
        EnsembleDirectory.run(spec, EnsembleModels.create(spec), new EnsembleRunner.Options(200, 2, 7,
                EnsembleRunner.Options.DEFAULT_CHUNK_RUNS), local, false, new EnsembleDirectory.Listener() { },
                (stage, summary) -> { });

        Path sparkOut = tmp.resolve("spark");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("lichain-test")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        try {
            EnsembleJob.run(spark, EnsembleJob.Args.parse(new String[] {"--scenario", scenario.toString(), "--runs",
                    "200", "--seed", "7", "--out", sparkOut.toUri().toString(), "--partitions", "3"}));
        } finally {
            spark.stop();
        }
        List<String> expected = rows(local.resolve("runs.parquet").toString());
        assertThat(expected).hasSize(200);
        assertThat(rows(sparkOut.resolve("runs.parquet") + "/*.parquet")).containsExactlyElementsOf(expected);
        assertThat(rows(sparkOut.resolve("months.parquet") + "/*.parquet"))
                .containsExactlyElementsOf(rows(local.resolve("months.parquet").toString()));
        assertThat(Files.readString(sparkOut.resolve("summary.json")))
                .isEqualTo(Files.readString(local.resolve("summary.json")));
    }
}
