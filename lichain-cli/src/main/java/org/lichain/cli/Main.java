package org.lichain.cli;

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
                SimulateCommand.class, BacktestCommand.class, CalibrateCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** Exit status for invalid input (bad files, unknown ids, bad options). */
    public static final int EXIT_INVALID_INPUT = 2;

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

    /** Runs the CLI with the given streams; returns the exit status (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Console.set(Console.Level.NORMAL);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Throwable t = ex;
            if (t instanceof DatasetException de) {
                cmd.getErr().println("lichain: " + de.getMessage());
                return EXIT_INVALID_INPUT;
            }
            if (t instanceof InvalidInputException || t instanceof IllegalArgumentException
                    || t instanceof java.util.NoSuchElementException) {
                cmd.getErr().println("lichain: " + t.getMessage());
                return EXIT_INVALID_INPUT;
            }
            cmd.getErr().println("lichain: internal error: " + t);
            t.printStackTrace(cmd.getErr());
            return 1;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("lichain: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return EXIT_INVALID_INPUT;
        });
        return cl.execute(args);
    }
}
