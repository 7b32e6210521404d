package org.lichain.server.jobs;

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
    private final ThreadPoolExecutor executor;
    private final int retained;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public JobManager(int threads, int queueCapacity, int retained) {
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
        Job job = new Job(UUID.randomUUID().toString(), kind, runs, Instant.now());
        synchronized (jobs) {
            try {
                Future<?> f = executor.submit(() -> execute(job, work));
                job.future(f);
            } catch (RejectedExecutionException e) {
                throw new QueueFullException("the job queue is full (" + executor.getMaximumPoolSize()
                        + " running, " + executor.getQueue().size() + " waiting); retry later");
            }
            jobs.put(job.id(), job);
            evict();
        }
        return job;
    }

    private static void execute(Job job, JobRunner.Work work) {
        if (!job.markRunning()) {
            return; // cancelled while queued
        }
        try {
            var result = work.run(job);
            if (job.cancelled() || Thread.currentThread().isInterrupted()) {
                job.finish(Job.State.CANCELLED, null, "cancelled");
            } else {
                job.finish(Job.State.SUCCEEDED, result, null);
            }
        } catch (CancellationException | InterruptedException e) {
            job.finish(Job.State.CANCELLED, null, "cancelled");
        } catch (Exception e) {
            job.finish(job.cancelled() ? Job.State.CANCELLED : Job.State.FAILED, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void evict() {
        if (jobs.size() <= retained) {
            return;
        }
        Iterator<Job> it = jobs.values().iterator();
        while (jobs.size() > retained && it.hasNext()) {
            if (it.next().state().terminal()) {
                it.remove();
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

    @Override
    public void close() {
        synchronized (jobs) {
            jobs.values().forEach(Job::cancel);
        }
        executor.shutdownNow();
    }
}
