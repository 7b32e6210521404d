package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;

/** The {@code --threads} option of every command that has one: all cores when not given, at least 1. */
final class CliThreads {
    private CliThreads() {
    }

    /** The worker threads {@code --threads} asks for; a user error below 1. */
    static int of(Integer threads) {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new InvalidInputException("--threads " + t + ": must be at least 1");
        }
        return t;
    }
}
