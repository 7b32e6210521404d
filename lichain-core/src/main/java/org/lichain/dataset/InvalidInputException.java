package org.lichain.dataset;

/**
 * The one user-error type of LiChain: bad input (a file, an option, a request field, an unknown id) that the user
 * can fix. Its message names where the problem is (file:line:column and field, the option, or the request field)
 * and why; the CLI prints it and exits 2, the server answers 400. Every other exception is a bug (exit 1, HTTP 500
 * with an opaque id). It extends {@link IllegalArgumentException} so that code catching the broad type keeps
 * working, but only this type (and its subclass {@link DatasetException}) counts as a user error.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
