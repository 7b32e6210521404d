package org.lichain.server.jobs;

import java.util.concurrent.CancellationException;

/** What a running job sees: report progress, and notice cancellation ({@code DELETE /api/jobs/{id}}). */
public interface JobContext {
    /** Reports progress as {@code done} of {@code total} units (runs, months), with an optional message. */
    void progress(long done, long total, String message);

    /** True once the job was cancelled; long loops should check it and stop. */
    boolean cancelled();

    /** Throws {@link CancellationException} if the job was cancelled. */
    default void checkCancelled() {
        if (cancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("job cancelled");
        }
    }
}
