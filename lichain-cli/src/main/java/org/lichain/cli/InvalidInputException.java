package org.lichain.cli;

/** A user error (bad option value, unknown id, unreadable file): printed without a stack trace, exit 2. */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
