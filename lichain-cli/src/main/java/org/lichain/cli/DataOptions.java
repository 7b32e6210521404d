package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lichain.dataset.DatasetLoader;
import org.lichain.dataset.DatasetSource;
import org.lichain.world.World;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by every command that reads the dataset. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Dataset folder (as written by 'lichain dataset export'); default: the embedded dataset.")
    Path dataDir;

    /** Loads the world from {@code --data} or the embedded dataset. */
    public World world() {
        if (dataDir == null) {
            return DatasetLoader.loadEmbedded();
        }
        if (!Files.isDirectory(dataDir)) {
            throw new InvalidInputException("--data " + dataDir + ": not a folder");
        }
        return DatasetLoader.load(DatasetSource.directory(dataDir));
    }
}
