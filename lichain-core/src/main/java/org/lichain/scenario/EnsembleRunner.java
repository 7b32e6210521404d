package org.lichain.scenario;

import org.lichain.dataset.InvalidInputException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs the chunks of an ensemble on a fixed thread pool. Chunk c holds runs
 * [c·chunkRuns, min((c+1)·chunkRuns, runs)); the split depends on the options only, never on the thread
 * count, and each run draws from its own (seed, run) stream, so results are identical for any thread count.
 */
public final class EnsembleRunner {
    /** How many runs, on how many threads, with which seed, in chunks of how many runs. */
    public record Options(int runs, int threads, long seed, int chunkRuns) implements java.io.Serializable {
        /** Default chunk size: small enough for an even spread over cores and a cheap resume. */
        public static final int DEFAULT_CHUNK_RUNS = 25;

        public Options {
            if (runs < 1) {
                throw new InvalidInputException("--runs must be at least 1, got " + runs);
            }
            if (threads < 1) {
                throw new InvalidInputException("--threads must be at least 1, got " + threads);
            }
            if (chunkRuns < 1) {
                throw new InvalidInputException("chunk size must be at least 1, got " + chunkRuns);
            }
        }

        public int chunks() {
            return (runs + chunkRuns - 1) / chunkRuns;
        }

        public int firstRun(int chunk) {
            return chunk * chunkRuns;
        }

        public int count(int chunk) {
            return Math.min(chunkRuns, runs - chunk * chunkRuns);
        }
    }

    private EnsembleRunner() {
    }

    /**
     * Computes every chunk not in {@code done} and hands each finished batch to {@code sink} (called from
     * worker threads; must be thread-safe). {@code progress} receives the number of runs of each finished chunk.
     */
    public static void run(ScenarioSpec spec, EnsembleModel model, Options o, BitSet done,
            Consumer<RunBatch> sink, Consumer<Integer> progress) {
        run(spec, model, o, done, sink, progress, null, null);
    }

    /**
     * As {@link #run(ScenarioSpec, EnsembleModel, Options, BitSet, Consumer, Consumer)}, and also hands every chunk
     * 0..chunks−1, in chunk order, to {@code ordered} on the calling thread while the workers go on computing
     * (so results can be written as they come): a computed chunk as soon as it and all earlier chunks are
     * available, a chunk of {@code done} through {@code stored}. With {@code ordered == null} nothing is handed on.
     */
    public static void run(ScenarioSpec spec, EnsembleModel model, Options o, BitSet done,
            Consumer<RunBatch> sink, Consumer<Integer> progress, IntFunction<RunBatch> stored,
            Consumer<RunBatch> ordered) {
        Sampler sampler = new Sampler(spec);
        int chunks = o.chunks();
        if (o.threads() == 1) {
            for (int c = 0; c < chunks; c++) {
                if (done.get(c)) {
                    if (ordered != null) {
                        ordered.accept(stored.apply(c));
                    }
                    continue;
                }
                RunBatch b = RunBatch.compute(spec, model, sampler, o.seed(), c, o.firstRun(c), o.count(c));
                sink.accept(b);
                progress.accept(b.count());
                if (ordered != null) {
                    ordered.accept(b);
                }
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "lichain-mc");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunBatch>> futures = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                if (done.get(c)) {
                    futures.add(null);
                    continue;
                }
                int chunk = c;
                futures.add(pool.submit(() -> {
                    RunBatch b = RunBatch.compute(spec, model, sampler, o.seed(), chunk, o.firstRun(chunk),
                            o.count(chunk));
                    sink.accept(b);
                    progress.accept(b.count());
                    return ordered == null ? null : b;
                }));
            }
            for (int c = 0; c < chunks; c++) {
                Future<RunBatch> f = futures.get(c);
                if (f == null) {
                    if (ordered != null) {
                        ordered.accept(stored.apply(c));
                    }
                    continue;
                }
                RunBatch b = f.get();
                futures.set(c, null); // let the batch go once written
                if (ordered != null) {
                    ordered.accept(b);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ensemble interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("ensemble run failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
