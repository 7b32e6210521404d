package org.lichain.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.lichain.dataset.InvalidInputException;

/**
 * An exclusive lock on an output folder ({@code DIR/.lichain-lock}, an OS file lock, released by the OS if the
 * process dies), so that two ensembles never write into one folder. The lock file names its holder (command,
 * process id, start time); a second run is refused with that name. The file is removed while still locked when the
 * holder finishes; a waiter that locked the removed file retries on the new one.
 */
final class FolderLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static FolderLock acquire(Path dir, String holder) {
        Path file = dir.resolve(EnsembleDirectory.LOCK);
        for (int attempt = 0; attempt < 10; attempt++) {
            FileChannel ch = null;
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // held by this JVM
                }
                if (l == null) {
                    String who = readHolder(ch);
                    ch.close();
                    throw new InvalidInputException(dir + " is in use by another run: " + (who.isBlank()
                            ? "a lichain process" : who) + "; wait for it to finish or choose another --out folder");
                }
                if (!Files.exists(file)) {
                    l.release(); // the previous holder removed the file we locked: lock the new one
                    ch.close();
                    continue;
                }
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((holder + ", process " + ProcessHandle.current().pid() + ", since "
                        + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(true);
                return new FolderLock(file, ch, l);
            } catch (IOException e) {
                closeQuietly(ch);
                throw new UncheckedIOException("cannot lock " + dir + ": " + e.getMessage(), e);
            }
        }
        throw new InvalidInputException(dir + " is in use by another run (its lock keeps changing); try again");
    }

    private static String readHolder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(ch.size(), 512));
            ch.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale lock file is harmless: an OS lock, not the file, is what excludes
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // released with the channel
        }
        closeQuietly(channel);
    }
}
