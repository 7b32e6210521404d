package org.lichain.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.lichain.environment.MonitoringStore;

/**
 * Where a bug's stack trace goes: a file {@code error-<time>-<id>.log} in the log folder (the system property
 * {@code lichain.log.dir}, else {@code lichain/logs} beside the default monitoring store, e.g.
 * {@code ~/.local/share/lichain/logs}; the temp folder if that cannot be written). The terminal gets one line
 * naming that file: no stack trace, no exception internals.
 */
final class InternalErrorLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private InternalErrorLog() {
    }

    static Path folder() {
        String prop = System.getProperty("lichain.log.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        return MonitoringStore.defaultPath().getParent().resolve("logs");
    }

    /** Writes the trace of {@code t} with the command line; returns the one line to show the user. */
    static String record(Throwable t, String[] args) {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        String name = "error-" + STAMP.format(Instant.now()) + "-" + id + ".log";
        StringWriter trace = new StringWriter();
        try (PrintWriter pw = new PrintWriter(trace)) {
            pw.println("lichain internal error " + id + " at " + Instant.now());
            pw.println("command: lichain " + String.join(" ", args));
            pw.println("java: " + System.getProperty("java.version") + " on " + System.getProperty("os.name"));
            t.printStackTrace(pw);
        }
        for (Path dir : new Path[] {folder(), Path.of(System.getProperty("java.io.tmpdir"))}) {
            try {
                Files.createDirectories(dir);
                Path f = dir.resolve(name);
                Files.writeString(f, trace.toString(), StandardCharsets.UTF_8);
                return "lichain: internal error " + id + " (a bug, not a problem with your input); "
                        + "the details are in " + f + " (please attach it to a bug report)";
            } catch (IOException | RuntimeException e) {
                // try the next folder
            }
        }
        return "lichain: internal error " + id + " (a bug, not a problem with your input); "
                + "the details could not be written to a log file";
    }
}
