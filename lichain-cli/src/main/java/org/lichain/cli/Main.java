package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import java.io.PrintWriter;
import org.lichain.dataset.DatasetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lichain} command: entry point of the CLI. Subcommands are registered here. */
@Command(name = "lichain", mixinStandardHelpOptions = true, version = "lichain 0.1.0",
        description = "LiChain: an open lithium supply-chain simulator (assets, costs, market, companies, "
                + "operations, environment).",
        subcommands = {
                RunCommand.class,
                CurveCommand.class,
                ScheduleCommand.class,
                AssetsCommand.class,
                DatasetCommand.class,
                EnvCommand.class,
                CompanyCommand.class,
                ServeCommand.class,
                McCommand.class,
                CompareCommand.class,
                SimulateCommand.class, BacktestCommand.class, CalibrateCommand.class, ForecastCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** Exit status for invalid input (bad files, unknown ids, bad options). */
    public static final int EXIT_INVALID_INPUT = 2;
    /** Exit status for a bug (anything that is not a user error): one line on stderr naming the log of the trace. */
    public static final int EXIT_BUG = 1;

    @CommandLine.Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Print results and errors only: no progress bars or notes on stderr.")
    void quiet(boolean on) {
        if (on) {
            Console.set(Console.Level.QUIET);
        }
    }

    @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Also print timings and details of the work on stderr.")
    void verbose(boolean on) {
        if (on) {
            Console.set(Console.Level.VERBOSE);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // charts without a display, also under java -jar
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * The user error behind {@code t}, or null for a bug. Besides {@link InvalidInputException} (and its
     * {@link org.lichain.dataset.DatasetException}), a file-system refusal on a path the user named (no such file,
     * permission denied, a file where a folder is needed, no space left) is the user's to fix: it is reported with
     * the path and the reason, never with the exception's name.
     */
    static InvalidInputException userError(Throwable t) {
        if (t instanceof InvalidInputException e) {
            return e;
        }
        Throwable c = t instanceof java.io.UncheckedIOException ? t.getCause() : t;
        if (c instanceof java.nio.file.FileSystemException fse) {
            return new InvalidInputException(fileSystemMessage(fse), fse);
        }
        if (c instanceof java.io.IOException io && io.getMessage() != null
                && io.getMessage().contains("No space left on device")) {
            return new InvalidInputException("cannot write: no space left on device", io);
        }
        return null;
    }

    private static String fileSystemMessage(java.nio.file.FileSystemException e) {
        String file = e.getFile() == null ? "a file" : e.getFile();
        String reason;
        if (e instanceof java.nio.file.NoSuchFileException) {
            reason = "no such file or folder";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            reason = "already exists (and is in the way)";
        } else if (e instanceof java.nio.file.NotDirectoryException) {
            reason = "is not a folder";
        } else if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            reason = "is a folder that is not empty";
        } else {
            reason = e.getReason() == null ? "cannot be accessed" : e.getReason();
        }
        return file + ": " + reason;
    }

    /** Runs the CLI with the given streams; returns the exit status (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Console.set(Console.Level.NORMAL);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Throwable t = ex;
            InvalidInputException user = userError(t);
            if (user != null) {
                cmd.getErr().println("lichain: " + user.getMessage());
                return EXIT_INVALID_INPUT;
            }
            cmd.getErr().println(InternalErrorLog.record(t, args));
            return EXIT_BUG;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("lichain: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return EXIT_INVALID_INPUT;
        });
        return cl.execute(args);
    }
}
