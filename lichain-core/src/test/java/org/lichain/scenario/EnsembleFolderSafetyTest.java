package org.lichain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lichain.dataset.InvalidInputException;

/** Issue 16: an ensemble folder is locked while a run writes it; a failed ensemble does not lock it for good. */
class EnsembleFolderSafetyTest {
    static ScenarioSpec toy;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        toy = ScenarioFile.parse("toy.yaml", "toy", ScenarioFileTest.resource("toy.yaml"));
    }

    /** The toy model, failing with a bug-like exception from its {@code failAt}-th run on. */
    static EnsembleModel failing(int failAt) {
        EnsembleModel m = EnsembleModels.create(toy);
        AtomicInteger n = new AtomicInteger();
        return new EnsembleModel() {
            @Override
            public List<Metric> metrics() {
                return m.metrics();
            }

            @Override
            public void run(Draw draw, double[][] out) {
                if (n.incrementAndGet() >= failAt) {
                    throw new IllegalStateException("model failed");
                }
                m.run(draw, out);
            }
        };
    }

    static EnsembleDirectory.Result run(Path dir, EnsembleModel model, boolean resume) {
        return EnsembleDirectory.run(toy, model, new EnsembleRunner.Options(100, 1, 7, 25), dir, resume,
                new EnsembleDirectory.Listener() { }, (stage, summary) -> { });
    }

    @Test
    void afterAFailure_aPlainRunStartsOver_andGivesTheSameResultAsAFreshRun() throws Exception {
        Path dir = tmp.resolve("a");
        assertThatThrownBy(() -> run(dir, failing(60), false)).isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve(EnsembleDirectory.PARTIAL).resolve(EnsembleDirectory.FAILED)).exists();
        assertThat(dir.resolve(EnsembleDirectory.SUMMARY)).doesNotExist();
        assertThat(dir.resolve(EnsembleDirectory.LOCK)).doesNotExist();
        EnsembleDirectory.Result r = run(dir, EnsembleModels.create(toy), false);
        assertThat(r.runsComputed()).isEqualTo(100);
        run(tmp.resolve("fresh"), EnsembleModels.create(toy), false);
        assertThat(Files.readString(dir.resolve(EnsembleDirectory.SUMMARY)))
                .isEqualTo(Files.readString(tmp.resolve("fresh").resolve(EnsembleDirectory.SUMMARY)));
        assertThat(dir.resolve(EnsembleDirectory.PARTIAL)).doesNotExist();
    }

    @Test
    void afterAFailure_resumeKeepsTheChunksAlreadyComputed() {
        Path dir = tmp.resolve("b");
        assertThatThrownBy(() -> run(dir, failing(60), false)).isInstanceOf(IllegalStateException.class);
        EnsembleDirectory.Result r = run(dir, EnsembleModels.create(toy), true);
        // chunks of 25 runs on one thread: runs 1-59 succeeded, so chunks 0 and 1 (50 runs) were stored
        assertThat(r.runsResumed()).isEqualTo(50);
        assertThat(r.runsComputed()).isEqualTo(50);
    }

    @Test
    void aSecondRunIntoALockedFolder_isRefusedNamingTheHolder() throws Exception {
        Path dir = tmp.resolve("c");
        Files.createDirectories(dir);
        try (FolderLock held = FolderLock.acquire(dir, "lichain mc (scenario other)")) {
            assertThatThrownBy(() -> run(dir, EnsembleModels.create(toy), false))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is in use by another run")
                    .hasMessageContaining("lichain mc (scenario other), process " + ProcessHandle.current().pid());
            Files.createDirectories(dir.resolve(EnsembleDirectory.PARTIAL));
            assertThatThrownBy(() -> EnsembleDirectory.clean(dir)).isInstanceOf(InvalidInputException.class);
            assertThat(dir.resolve(EnsembleDirectory.PARTIAL)).exists();
        }
        assertThat(run(dir, EnsembleModels.create(toy), false).runsComputed()).isEqualTo(100);
    }

    @Test
    void clean_removesTheUnfinishedEnsemble_only() throws Exception {
        Path dir = tmp.resolve("d");
        run(dir, EnsembleModels.create(toy), false);
        String finished = Files.readString(dir.resolve(EnsembleDirectory.SUMMARY));
        assertThat(EnsembleDirectory.clean(dir)).isFalse();
        Files.createDirectories(dir.resolve(EnsembleDirectory.PARTIAL).resolve("chunks"));
        Files.writeString(dir.resolve(EnsembleDirectory.PARTIAL).resolve("manifest.json"), "{\"garbage");
        assertThatThrownBy(() -> run(dir, EnsembleModels.create(toy), true)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("damaged").hasMessageContaining("--clean");
        assertThat(EnsembleDirectory.clean(dir)).isTrue();
        assertThat(dir.resolve(EnsembleDirectory.PARTIAL)).doesNotExist();
        assertThat(Files.readString(dir.resolve(EnsembleDirectory.SUMMARY))).isEqualTo(finished);
    }
}
