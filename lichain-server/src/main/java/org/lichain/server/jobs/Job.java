package org.lichain.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.Future;

/** One asynchronous job: its state, progress and (once succeeded) result. Mutated only by {@link JobManager}. */
public final class Job implements JobContext {
    /** Life cycle of a job. Terminal: SUCCEEDED, FAILED, CANCELLED. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean terminal() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    private final String id;
    private final String kind;
    private final int runs;
    private final Instant createdAt;
    private volatile State state = State.QUEUED;
    private volatile long done;
    private volatile long total;
    private volatile String message = "";
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile JsonNode result;
    private volatile String error;
    private volatile boolean cancelRequested;
    private volatile Future<?> future;

    Job(String id, String kind, int runs, Instant createdAt) {
        this.id = id;
        this.kind = kind;
        this.runs = runs;
        this.createdAt = createdAt;
    }

    /** A finished job read back from the {@link JobStore} after a restart (its result stays in the store). */
    static Job restored(JobStore.Row r) {
        Job j = new Job(r.id(), r.kind(), r.runs(), r.createdAt());
        j.state = State.valueOf(r.state().toUpperCase(java.util.Locale.ROOT));
        j.startedAt = r.startedAt();
        j.finishedAt = r.finishedAt();
        j.error = r.error();
        j.resultBytes = r.resultBytes();
        return j;
    }

    private volatile long resultBytes;

    /** Size of the serialised result, bytes (0 until it succeeded). */
    public long resultBytes() {
        return resultBytes;
    }

    /** Moves the result off the heap once the store holds it. */
    void dropResult(long bytes) {
        this.resultBytes = bytes;
        this.result = null;
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public int runs() {
        return runs;
    }

    public State state() {
        return state;
    }

    public long done() {
        return done;
    }

    public long total() {
        return total;
    }

    /** Progress in [0, 1]; 1 once succeeded. */
    public double fraction() {
        if (state == State.SUCCEEDED) {
            return 1.0;
        }
        long t = total;
        return t > 0 ? Math.min(1.0, (double) done / t) : 0.0;
    }

    public String message() {
        return message;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public JsonNode result() {
        return result;
    }

    public String error() {
        return error;
    }

    @Override
    public void progress(long doneUnits, long totalUnits, String msg) {
        this.total = Math.max(0, totalUnits);
        this.done = Math.max(0, Math.min(doneUnits, this.total));
        this.message = msg == null ? "" : msg;
    }

    @Override
    public boolean cancelled() {
        return cancelRequested;
    }

    synchronized boolean markRunning() {
        if (state != State.QUEUED) {
            return false;
        }
        state = State.RUNNING;
        startedAt = Instant.now();
        return true;
    }

    synchronized void finish(State s, JsonNode res, String err) {
        if (state.terminal()) {
            return;
        }
        result = res;
        error = err;
        finishedAt = Instant.now();
        state = s;
    }

    /** Ends the job without a result (a restart or shutdown interrupted it). */
    void forceFinish(State s, String err) {
        finish(s, null, err);
    }

    void future(Future<?> f) {
        this.future = f;
    }

    /** Requests cancellation; returns false when the job had already finished. */
    synchronized boolean cancel() {
        if (state.terminal()) {
            return false;
        }
        cancelRequested = true;
        Future<?> f = future;
        if (state == State.QUEUED) {
            finish(State.CANCELLED, null, "cancelled before it started");
            if (f != null) {
                f.cancel(false);
            }
        } else if (f != null) {
            f.cancel(true);
        }
        return true;
    }
}
