package org.lichain.environment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/** Damages a DuckDB store as a disk fault would (tests of issue 16; shared with the cli and server tests). */
public final class StoreDamage {
    private StoreDamage() {
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive) of a measurement CSV without its header: thallium at
     * {@code station} every 10 minutes from 2023-01-01 00:00, values 0.010–0.106 µg/L, lab L1. 50,000 rows make a
     * store of about 1 MB (enough blocks for {@link #corruptDataBlocks}).
     */
    public static String measurementRows(String station, int from, int to) {
        StringBuilder sb = new StringBuilder();
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2023, 1, 1, 0, 0);
        for (int i = from; i < to; i++) {
            sb.append(station).append(',').append(t.plusMinutes(10L * i)).append(",thallium,")
                    .append(0.010 + (i % 97) * 0.001).append(",ug/L,,,L1\n");
        }
        return sb.toString();
    }

    /**
     * Overwrites 4 kB inside every 256 kB DuckDB block after the file's headers (DuckDB 1.x: 3 headers of 4 kB, then
     * blocks of 256 kB, each starting with its checksum); the file's size is unchanged. A store of 50,000
     * measurements (about 1 MB) then fails its checksum on the first read of its rows.
     */
    public static void corruptDataBlocks(Path db) throws IOException {
        long size = Files.size(db);
        byte[] junk = new byte[4096];
        new Random(16).nextBytes(junk);
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.WRITE)) {
            for (long block = 12_288 + 262_144; block + 100 + junk.length < size; block += 262_144) {
                ch.write(ByteBuffer.wrap(junk), block + 100);
            }
        }
        if (Files.size(db) != size) {
            throw new IllegalStateException("the damage changed the file's size");
        }
    }
}
