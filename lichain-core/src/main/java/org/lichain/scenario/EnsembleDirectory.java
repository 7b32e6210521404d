package org.lichain.scenario;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.lichain.dataset.AtomicFile;

/**
 * Runs an ensemble into an output folder, safely. While it runs, everything lives in
 * {@code DIR/.lichain-partial/} (a manifest and one atomically written file per finished chunk). The results
 * are built in {@code .lichain-partial/stage/} as the chunks come (in chunk order, while later chunks are still
 * being computed); at the end each file is moved into DIR with an atomic rename, {@code summary.json} last;
 * then the partial folder is removed. So a kill at any moment
 * leaves DIR with only complete files, and {@code resume} recomputes exactly the chunks that are missing.
 */
public final class EnsembleDirectory {
    /** Name of the working folder inside DIR while an ensemble is unfinished. */
    public static final String PARTIAL = ".lichain-partial";
    /** The completion marker, moved into DIR last. */
    public static final String SUMMARY = "summary.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Hears about progress (from worker threads: must be thread-safe). */
    public interface Listener {
        /** Before computing: total runs, and runs already done by an earlier, interrupted attempt. */
        default void started(int totalRuns, int runsAlreadyDone) {
        }

        /** A chunk of {@code runs} runs has been computed and stored. */
        default void runsDone(int runs) {
        }

        /** All runs computed; the results are being written. */
        default void finalising() {
        }
    }

    /** Adds files (charts, tables) to the stage folder before it is moved into DIR. */
    public interface Extras {
        void write(Path stage, EnsembleSummary summary) throws IOException;
    }

    /** The outcome: the summary (null if there was nothing to do), and runs computed now vs. resumed. */
    public record Result(EnsembleSummary summary, int runsComputed, int runsResumed, boolean alreadyComplete,
            Path dir) {
    }

    private EnsembleDirectory() {
    }

    /** Name of the lock file in DIR while an ensemble runs into it (removed when it ends). */
    public static final String LOCK = ".lichain-lock";
    /** Written into the partial folder when an ensemble fails with an error (not when it is killed). */
    static final String FAILED = "failed.json";

    public static Result run(ScenarioSpec spec, EnsembleModel model, EnsembleRunner.Options o, Path dir,
            boolean resume, Listener listener, Extras extras) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("ensemble output " + dir + ": " + e.getMessage(), e);
        }
        try (FolderLock lock = FolderLock.acquire(dir, "lichain mc (scenario " + spec.name() + ")")) {
            try {
                return runLocked(spec, model, o, dir, resume, listener, extras);
            } catch (InvalidInputException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                markFailed(dir, e);
                throw e;
            }
        }
    }

    /**
     * Removes the unfinished ensemble in {@code dir} (its partial folder: manifest, computed chunks, staged files),
     * after taking the folder's lock; finished result files are left alone. Returns false when there was none.
     */
    public static boolean clean(Path dir) {
        if (!Files.isDirectory(dir.resolve(PARTIAL))) {
            return false;
        }
        try (FolderLock lock = FolderLock.acquire(dir, "lichain mc --clean")) {
            deleteRecursively(dir.resolve(PARTIAL));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("ensemble output " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Records why an ensemble failed, so that the next run may start over instead of refusing the folder. */
    private static void markFailed(Path dir, Throwable e) {
        Path partial = dir.resolve(PARTIAL);
        if (!Files.isDirectory(partial)) {
            return;
        }
        try {
            ObjectNode f = MAPPER.createObjectNode();
            f.put("failed_at", java.time.Instant.now().toString());
            f.put("error", e.getClass().getSimpleName());
            writeAtomically(partial.resolve(FAILED), MAPPER.writeValueAsBytes(f));
        } catch (IOException | RuntimeException ignored) {
            // best effort: without the marker the folder needs --resume or --clean, as after a kill
        }
    }

    private static Result runLocked(ScenarioSpec spec, EnsembleModel model, EnsembleRunner.Options o, Path dir,
            boolean resume, Listener listener, Extras extras) {
        Path partial = dir.resolve(PARTIAL);
        Path manifest = partial.resolve("manifest.json");
        ObjectNode expected = manifest(spec, model, o);
        try {
            boolean failedBefore = Files.exists(partial.resolve(FAILED));
            if (failedBefore && Files.exists(manifest) && !(resume && sameManifest(manifest, expected))) {
                // an ensemble that failed with an error (e.g. a bad input found mid-run) does not lock its folder:
                // once the file is fixed a plain run (or --resume with other settings) starts over
                deleteRecursively(partial);
            }
            if (Files.isDirectory(partial) && Files.exists(manifest)) {
                if (!resume) {
                    throw new InvalidInputException(dir + " holds an unfinished ensemble; add --resume to "
                            + "continue it, run 'lichain mc --clean --out " + dir + "' to discard it, or choose "
                            + "another --out folder");
                }
                JsonNode found;
                try {
                    found = MAPPER.readTree(manifest.toFile());
                } catch (IOException e) {
                    throw new InvalidInputException(manifest + ": unreadable resume manifest (damaged); run "
                            + "'lichain mc --clean --out " + dir + "' to discard the unfinished ensemble");
                }
                List<String> diffs = manifestDiffs(found, expected);
                if (!diffs.isEmpty()) {
                    throw new InvalidInputException("--resume: the unfinished ensemble in " + dir
                            + " was started with other settings: " + String.join("; ", diffs)
                            + "; run 'lichain mc --clean --out " + dir + "' to discard it");
                }
            } else {
                if (resume && Files.exists(dir.resolve(SUMMARY))) {
                    return new Result(null, 0, 0, true, dir);
                }
                deleteRecursively(partial);
                Files.createDirectories(partial);
                writeAtomically(manifest, MAPPER.writeValueAsBytes(expected));
            }
            ChunkStore store = new ChunkStore(partial.resolve("chunks"));
            BitSet done = store.completed(o.chunks());
            int resumed = 0;
            for (int c = done.nextSetBit(0); c >= 0; c = done.nextSetBit(c + 1)) {
                resumed += o.count(c);
            }
            listener.started(o.runs(), resumed);
            // results are written into the stage folder while the workers compute (chunk order, on this thread);
            // a kill leaves only the stage, which the next attempt discards and rebuilds from the journal
            Path stage = partial.resolve("stage");
            deleteRecursively(stage);
            Files.createDirectories(stage);
            EnsembleLayout layout = new EnsembleLayout(spec, model.metrics());
            EnsembleSummary summary;
            try (EnsembleOutput.Writer w = EnsembleOutput.open(stage, layout, o.seed(), o.runs())) {
                EnsembleRunner.run(spec, model, o, done, store::write, listener::runsDone, store::read, w::add);
                listener.finalising();
                summary = w.finish();
            }
            writeAtomically(stage.resolve(SUMMARY), (MAPPER.writeValueAsString(summary.toJson(MAPPER)) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            extras.write(stage, summary);
            List<Path> files;
            try (Stream<Path> s = Files.list(stage)) {
                files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
            }
            files.sort(Comparator.comparing(p -> p.getFileName().toString().equals(SUMMARY)));
            // an older summary.json must not vouch for a mix of old and new files if a kill hits the moves below
            Files.deleteIfExists(dir.resolve(SUMMARY));
            AtomicFile.syncFolder(dir);
            for (Path f : files) {
                move(f, dir.resolve(f.getFileName().toString()));
            }
            AtomicFile.syncFolder(dir);
            deleteRecursively(partial);
            return new Result(summary, o.runs() - resumed, resumed, false, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("ensemble output " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameManifest(Path manifest, ObjectNode expected) {
        try {
            return manifestDiffs(MAPPER.readTree(manifest.toFile()), expected).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The settings in which a stored manifest differs from the expected one ("k was X, now Y"), in its order. */
    private static List<String> manifestDiffs(JsonNode found, ObjectNode expected) {
        List<String> diffs = new ArrayList<>();
        expected.fieldNames().forEachRemaining(k -> {
            if (found.get(k) == null || !expected.get(k).asText().equals(found.get(k).asText())) {
                diffs.add(k + " was " + found.get(k) + ", now " + expected.get(k));
            }
        });
        return diffs;
    }

    /** What a resumed run must agree on: model, scenario content, seed, runs and chunking. */
    static ObjectNode manifest(ScenarioSpec spec, EnsembleModel model, EnsembleRunner.Options o) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("format", 1);
        m.put("scenario", spec.name());
        m.put("scenario_sha256", fingerprint(spec));
        m.put("model", spec.model());
        m.put("metrics", String.join(",", model.metrics().stream().map(Metric::name).toList()));
        m.put("data", model.dataId());
        m.put("seed", o.seed());
        m.put("runs", o.runs());
        m.put("chunk_runs", o.chunkRuns());
        return m;
    }

    /** A hash of everything in the spec that changes results (not the file's path). */
    public static String fingerprint(ScenarioSpec spec) {
        String text = String.join("\n", spec.name(), spec.model(), spec.from().toString(), spec.to().toString(),
                spec.parameters().toString(), spec.correlations().stream()
                        .map(c -> c.a() + "~" + c.b() + "=" + c.rho()).toList().toString(), spec.baseYaml());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeAtomically(Path target, byte[] bytes) {
        org.lichain.dataset.AtomicFile.write(target, bytes);
    }

    private static void move(Path from, Path to) throws IOException {
        org.lichain.dataset.AtomicFile.move(from, to);
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
