package org.lichain.cli;

import java.io.PrintWriter;

/**
 * How much the CLI says on stderr besides results and errors: {@code --quiet} (results and errors only: no progress
 * bars, no notes), the default, or {@code --verbose} (also timings and details of the work). Set once per
 * {@link Main#execute} from the global options; read by the commands.
 */
final class Console {
    enum Level { QUIET, NORMAL, VERBOSE }

    private static volatile Level level = Level.NORMAL;

    private Console() {
    }

    static void set(Level l) {
        level = l;
    }

    static Level level() {
        return level;
    }

    static boolean quiet() {
        return level == Level.QUIET;
    }

    static boolean verbose() {
        return level == Level.VERBOSE;
    }

    /** A note about the work (what is being done, what was written); not shown with --quiet. */
    static void note(PrintWriter err, String message) {
        if (level != Level.QUIET) {
            err.println(message);
            err.flush();
        }
    }

    /** A detail (timings, sizes); shown only with --verbose. */
    static void detail(PrintWriter err, String message) {
        if (level == Level.VERBOSE) {
            err.println(message);
            err.flush();
        }
    }
}
