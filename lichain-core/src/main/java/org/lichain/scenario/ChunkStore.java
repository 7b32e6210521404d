package org.lichain.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * The journal of a running ensemble: one file per finished chunk, each written to a temporary name and
 * renamed atomically, so that after a crash or SIGKILL every chunk file present is complete and a resumed
 * run recomputes exactly the missing chunks (no duplicate, no gap).
 */
public final class ChunkStore {
    private final Path dir;

    public ChunkStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    private Path file(int chunk) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "chunk-%07d.bin", chunk));
    }

    /** Stores one chunk atomically (temporary file + rename). Safe to call from several threads. */
    public void write(RunBatch batch) {
        Path target = file(batch.chunk());
        org.lichain.dataset.AtomicFile.write(target, batch.encode());
    }

    /** Chunks whose file is present and intact; damaged files and stray temporary files are deleted. */
    public BitSet completed(int chunks) {
        BitSet done = new BitSet(chunks);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(".chunk-")) {
                    Files.deleteIfExists(p);
                    continue;
                }
                if (!n.startsWith("chunk-") || !n.endsWith(".bin")) {
                    continue;
                }
                int c = Integer.parseInt(n.substring(6, n.length() - 4));
                try {
                    RunBatch b = RunBatch.decode(Files.readAllBytes(p));
                    if (b.chunk() == c && c < chunks) {
                        done.set(c);
                    } else {
                        Files.delete(p);
                    }
                } catch (IOException e) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return done;
    }

    /** Reads one stored chunk. */
    public RunBatch read(int chunk) {
        Path p = file(chunk);
        try {
            return RunBatch.decode(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
