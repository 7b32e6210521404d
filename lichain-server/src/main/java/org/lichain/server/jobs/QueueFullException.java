package org.lichain.server.jobs;

/** The job queue is full: the API answers 429 with Retry-After. */
public final class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }
}
