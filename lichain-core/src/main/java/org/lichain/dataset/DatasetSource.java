package org.lichain.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where dataset files come from: the embedded resources or a folder the user edits. */
public interface DatasetSource {
    /** Human-readable name for messages ("embedded dataset", a folder path). */
    String name();

    /** The text of a file, or empty if the source has no such file. */
    Optional<String> read(String file);

    /**
     * This source with the given files' text replaced and the others read from it, under another name (a variant of
     * a dataset: one value changed, a row left out).
     */
    default DatasetSource withFiles(String variantName, java.util.Map<String, String> replaced) {
        DatasetSource base = this;
        java.util.Map<String, String> files = java.util.Map.copyOf(replaced);
        return new DatasetSource() {
            @Override
            public String name() {
                return variantName;
            }

            @Override
            public Optional<String> read(String file) {
                String text = files.get(file);
                return text != null ? Optional.of(text) : base.read(file);
            }
        };
    }

    /** The embedded default dataset (classpath resources). */
    static DatasetSource embedded() {
        return new DatasetSource() {
            @Override
            public String name() {
                return "embedded dataset";
            }

            @Override
            public Optional<String> read(String file) {
                try (InputStream in = DatasetSource.class.getResourceAsStream("/org/lichain/dataset/default/" + file)) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    return Optional.of(TextInput.decode(file, in.readAllBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read embedded " + file, e);
                }
            }
        };
    }

    /** A folder of dataset files ({@code --data DIR}). */
    static DatasetSource directory(Path dir) {
        return new DatasetSource() {
            @Override
            public String name() {
                return dir.toString();
            }

            @Override
            public Optional<String> read(String file) {
                Path p = dir.resolve(file);
                if (!Files.isRegularFile(p)) {
                    return Optional.empty();
                }
                return Optional.of(TextInput.read(p));
            }
        };
    }
}
