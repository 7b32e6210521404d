package org.lichain.server.jobs;

import org.lichain.dataset.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded job executor: {@code threads} workers and a queue of {@code queueCapacity} waiting jobs; a job
 * beyond that is refused with {@link QueueFullException} (HTTP 429). Keeps the last {@code retained} jobs
 * for status queries, evicting the oldest finished ones first; running and queued jobs are never evicted.
 */
public final class JobManager implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JobManager.class);
    private final ThreadPoolExecutor executor;
    private final int retained;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final JobStore store;
    /** Finished jobs older than this are evicted (with their results). */
    public static final java.time.Duration MAX_AGE = java.time.Duration.ofDays(7);
    /** Results kept in all, bytes: beyond it the oldest finished jobs are evicted. */
    public static final long MAX_RESULT_BYTES = 512L << 20;

    public JobManager(int threads, int queueCapacity, int retained) {
        this(threads, queueCapacity, retained, null);
    }

    /**
     * @param store where jobs and results are kept across restarts; null = in memory only (results on the heap)
     */
    public JobManager(int threads, int queueCapacity, int retained, JobStore store) {
        this.store = store;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
                queueCapacity == 0 ? new java.util.concurrent.SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(queueCapacity),
                r -> {
                    Thread t = new Thread(r, "lichain-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.retained = retained;
    }

    /** Queues the work; throws {@link QueueFullException} when every worker is busy and the queue is full. */
    public Job submit(String kind, int runs, JobRunner.Work work) {
        return submit(kind, runs, work, "{}");
    }

    /** As {@link #submit(String, int, JobRunner.Work)}; {@code request} (JSON) lets a restarted server rerun it. */
    public Job submit(String kind, int runs, JobRunner.Work work, String request) {
        return submit(new Job(UUID.randomUUID().toString(), kind, runs, Instant.now()), work, request, true);
    }

    private Job submit(Job job, JobRunner.Work work, String request, boolean insert) {
        synchronized (jobs) {
            // stored and listed before a worker can touch it (a fast job may finish before submit returns)
            if (insert && store != null) {
                store.insert(job, request);
            }
            jobs.put(job.id(), job);
            try {
                Future<?> f = executor.submit(() -> execute(job, work));
                job.future(f);
            } catch (RejectedExecutionException e) {
                jobs.remove(job.id());
                if (insert && store != null) {
                    store.delete(job.id());
                }
                throw new QueueFullException("the job queue is full (" + executor.getMaximumPoolSize()
                        + " running, " + executor.getQueue().size() + " waiting); retry later");
            }
            evict();
        }
        return job;
    }

    /** Why a job that was running when the server stopped failed. */
    private static final String INTERRUPTED = "interrupted: the server stopped while this job ran";

    /** A restored job that cannot run: failed with {@code why}, stored, and listed. */
    private void restoreFailed(Job j, String why) {
        j.forceFinish(Job.State.FAILED, why);
        store.finished(j, null);
        synchronized (jobs) {
            jobs.put(j.id(), j);
        }
    }

    /**
     * After a restart: finished jobs are served again (results from the store), jobs that were queued run again
     * ({@code prepare} rebuilds their work from the stored request; one it refuses is marked failed), jobs that were
     * running are marked failed: the server stopped while they ran.
     */
    public void recover(java.util.function.BiFunction<JobStore.Row, Job, JobRunner.Work> prepare) {
        if (store == null) {
            return;
        }
        for (JobStore.Row r : store.all()) {
            Job j = Job.restored(r);
            switch (j.state()) {
                case RUNNING -> {
                    restoreFailed(j, INTERRUPTED);
                }
                case QUEUED -> {
                    JobRunner.Work w;
                    try {
                        w = prepare.apply(r, j);
                    } catch (RuntimeException e) {
                        restoreFailed(j, "not rerun after a restart: its request is no longer valid");
                        continue;
                    }
                    try {
                        submit(j, w, r.request(), false);
                    } catch (QueueFullException e) {
                        restoreFailed(j, "not rerun after a restart: the queue was full");
                    }
                }
                default -> {
                    synchronized (jobs) {
                        jobs.put(j.id(), j);
                    }
                }
            }
        }
        synchronized (jobs) {
            evict();
        }
    }

    /** The stored result of a succeeded job whose result is off the heap, as JSON bytes; null if none. */
    public byte[] storedResult(Job job) {
        return store == null ? null : store.result(job.id());
    }

    private void execute(Job job, JobRunner.Work work) {
        if (!job.markRunning()) {
            return; // cancelled while queued
        }
        if (store != null) {
            store.started(job);
        }
        try {
            run(job, work);
        } finally {
            if (store != null && job.state().terminal()) {
                byte[] bytes = job.result() == null ? null : resultBytes(job.result());
                store.finished(job, bytes);
                job.dropResult(bytes == null ? 0 : bytes.length);
            }
            synchronized (jobs) {
                evict();
            }
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper RESULT_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static byte[] resultBytes(com.fasterxml.jackson.databind.JsonNode n) {
        try {
            return RESULT_JSON.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(Job job, JobRunner.Work work) {
        try {
            var result = work.run(job);
            if (job.cancelled() || Thread.currentThread().isInterrupted()) {
                job.finish(Job.State.CANCELLED, null, "cancelled");
            } else {
                job.finish(Job.State.SUCCEEDED, result, null);
            }
        } catch (CancellationException | InterruptedException e) {
            job.finish(Job.State.CANCELLED, null, "cancelled");
        } catch (org.lichain.dataset.InvalidInputException e) {
            job.finish(job.cancelled() ? Job.State.CANCELLED : Job.State.FAILED, null, e.getMessage());
        } catch (Exception e) {
            String errorId = org.lichain.server.ApiProblem.errorId();
            LOG.error("job {} failed with internal error {}", job.id(), errorId, e);
            job.finish(job.cancelled() ? Job.State.CANCELLED : Job.State.FAILED, null,
                    "internal error " + errorId + ": the server's log holds the details under this id");
        }
    }

    /**
     * Retention: at most {@code retained} jobs, no finished job older than {@link #MAX_AGE}, finished results of at
     * most {@link #MAX_RESULT_BYTES} in all; the oldest finished jobs go first (from the store too). Running and
     * queued jobs are never evicted.
     */
    private void evict() {
        Instant oldest = Instant.now().minus(MAX_AGE);
        long bytes = 0;
        for (Job j : jobs.values()) {
            bytes += j.resultBytes();
        }
        Iterator<Job> it = jobs.values().iterator();
        while (it.hasNext()) {
            Job j = it.next();
            boolean over = jobs.size() > retained || bytes > MAX_RESULT_BYTES
                    || (j.finishedAt() != null && j.finishedAt().isBefore(oldest));
            if (!over) {
                break;
            }
            if (j.state().terminal()) {
                it.remove();
                bytes -= j.resultBytes();
                if (store != null) {
                    store.delete(j.id());
                }
            }
        }
    }

    public Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** All retained jobs, oldest first. */
    public List<Job> list() {
        synchronized (jobs) {
            return new ArrayList<>(jobs.values());
        }
    }

    /** Cancels a job (and frees its queue slot if it was waiting); false when it had already finished. */
    public boolean cancel(Job job) {
        boolean changed = job.cancel();
        executor.purge();
        return changed;
    }

    /** Jobs waiting for a worker. */
    public int queued() {
        return executor.getQueue().size();
    }

    /**
     * Graceful stop: no new job starts; running jobs are cancelled and given {@code grace} to end; jobs still
     * queued stay queued in the store and run after a restart.
     */
    @Override
    public void close() {
        java.util.List<Runnable> waiting = new java.util.ArrayList<>();
        executor.getQueue().drainTo(waiting); // queued jobs do not start; they stay "queued" in the store
        synchronized (jobs) {
            for (Job j : jobs.values()) {
                if (j.state() == Job.State.RUNNING && store != null) {
                    j.forceFinish(Job.State.FAILED, INTERRUPTED);
                    store.finished(j, null);
                }
                if (j.state() == Job.State.RUNNING || store == null) {
                    j.cancel();
                }
            }
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (store != null) {
            store.close();
        }
        waiting.clear(); // with a store they run after a restart; in memory they were cancelled above
    }
}
