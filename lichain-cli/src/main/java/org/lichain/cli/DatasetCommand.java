package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lichain.dataset.DatasetException;
import org.lichain.dataset.DatasetLoader;
import org.lichain.dataset.DatasetSource;
import org.lichain.dataset.Problem;
import org.lichain.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lichain dataset export|check}: write the embedded dataset as editable files, validate a folder. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        subcommands = {DatasetCommand.Export.class, DatasetCommand.Check.class},
        description = "Export the embedded dataset to a folder you can edit, or check such a folder.")
public final class DatasetCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code lichain dataset export DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the embedded dataset (all CSV files) to DIR. Refuses to overwrite files unless --force.")
    public static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR")
        Path dir;

        @Option(names = "--force", description = "Overwrite files that already exist in DIR.")
        boolean force;

        @Override
        public Integer call() {
            DatasetSource src = DatasetSource.embedded();
            List<String> files = DatasetLoader.allFiles();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new InvalidInputException(dir + ": exists and is not a folder");
            }
            if (!force) {
                for (String f : files) {
                    if (Files.exists(dir.resolve(f))) {
                        throw new InvalidInputException(dir.resolve(f) + ": already exists (use --force to overwrite)");
                    }
                }
            }
            int n = 0;
            try {
                Files.createDirectories(dir);
                for (String f : files) {
                    Optional<String> text = src.read(f);
                    if (text.isEmpty()) {
                        continue;
                    }
                    org.lichain.dataset.AtomicFile.write(dir.resolve(f), text.get());
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
            }
            spec.commandLine().getOut().printf("wrote %d dataset files to %s (schema: docs/dataset.md)%n", n, dir);
            return 0;
        }
    }

    /** {@code lichain dataset check DIR}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a dataset folder: every problem is listed as file:line:column, field, value and reason; exit 2 if any.")
    public static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR")
        Path dir;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException(dir + ": not a folder");
            }
            PrintWriter out = spec.commandLine().getOut();
            List<Problem> problems = new ArrayList<>();
            World w = null;
            try {
                w = DatasetLoader.load(DatasetSource.directory(dir));
            } catch (DatasetException e) {
                problems.addAll(e.problems());
            }
            if (json) {
                var o = Json.object();
                o.put("ok", problems.isEmpty());
                o.put("assets", w == null ? 0 : w.assets().size());
                var arr = o.putArray("problems");
                for (Problem p : problems) {
                    arr.addObject().put("file", p.file()).put("line", p.line()).put("column", p.column())
                            .put("field", p.field()).put("value", p.value()).put("reason", p.reason());
                }
                Json.print(out, o);
            } else if (problems.isEmpty()) {
                out.printf("ok: %s is a valid dataset (%d assets)%n", dir, w.assets().size());
            } else {
                PrintWriter err = spec.commandLine().getErr();
                err.printf("%s: %d problem%s%n", dir, problems.size(), problems.size() == 1 ? "" : "s");
                for (Problem p : problems) {
                    err.println("  " + p);
                }
            }
            return problems.isEmpty() ? 0 : Main.EXIT_INVALID_INPUT;
        }
    }
}
