package org.lichain.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way LiChain writes a file: to a temporary file beside the target named after it
 * ({@code .<name>.<random>.tmp}), flushed to disk (fsync), given normal permissions ({@code rw-r--r--} where the file
 * system is POSIX), then renamed over the target in one step, and the folder synced. A reader sees the old file or
 * the new one, never a part; a kill leaves at most a {@code .tmp} file that no reader looks at. On failure the
 * temporary file is removed and an {@link UncheckedIOException} naming the target is thrown (its cause, e.g.
 * {@link java.nio.file.AccessDeniedException}, tells the CLI it is the user's to fix).
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes a stream's worth of content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, Content content) {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = parent.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                    .nextLong() & Long.MAX_VALUE) + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch),
                         1 << 16)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            normalPermissions(tmp);
            move(tmp, target);
            tmp = null;
            syncFolder(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; a stray .tmp file is harmless and named after its target
                }
            }
        }
    }

    /** Renames in one step where the file system can (else a plain replace). */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code rw-r--r--}: results and reports are meant to be read by others. No-op off POSIX. */
    public static void normalPermissions(Path p) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Makes a rename durable (fsync of the folder); best effort where the platform cannot open a folder. */
    public static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // e.g. Windows cannot open a directory as a channel; the rename itself is still atomic
        }
    }
}
