package org.lichain.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: the one atomic-write helper: whole file or old file, normal permissions, nothing left on failure. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesReplaces_withNormalPermissions_andNoTemporaryFileLeft() throws Exception {
        Path f = dir.resolve("sub/out.json");
        AtomicFile.write(f, "one");
        AtomicFile.write(f, "two");
        assertThat(Files.readString(f)).isEqualTo("two");
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
        }
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("out.json");
        }
    }

    @Test
    void aFailingWriter_leavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("out.csv");
        AtomicFile.write(f, "old");
        assertThatThrownBy(() -> AtomicFile.write(f, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining(f.toString());
        assertThat(Files.readString(f)).isEqualTo("old");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("out.csv");
        }
    }

    @Test
    void aFileWhereAFolderIsNeeded_isAFileSystemRefusal() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> AtomicFile.write(file.resolve("child.txt"), "y"))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(java.nio.file.FileSystemException.class);
    }
}
