package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lichain.server.LichainServer;
import org.lichain.server.ServerConfig;
import org.lichain.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lichain serve}: the REST API and the browser dashboard from one process, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Serves the REST API and the dashboard over HTTP.",
        description = {"Serve the REST API (/api, /openapi.json) and the dashboard (/) over HTTP.",
                "Binds to loopback by default. Every mutating request needs 'Authorization: Bearer <token>':",
                "the token comes from the LICHAIN_TOKEN environment variable, or is generated and printed at start."})
public final class ServeCommand implements Callable<Integer> {
    /** Environment variable holding the bearer token. */
    public static final String TOKEN_ENV = "LICHAIN_TOKEN";

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070",
            description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to bind (default ${DEFAULT-VALUE}: this machine only). "
                    + "Anything else exposes the API to the network.")
    String bind;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Monitoring store (DuckDB) of the environment endpoints; default: as 'lichain env ingest'.")
    Path db;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "Allow cross-origin requests from this origin (repeatable); CORS is off without it.")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--job-threads", paramLabel = "N", defaultValue = "1",
            description = "Worker threads for simulation and ensemble jobs (default ${DEFAULT-VALUE}).")
    int jobThreads;

    @Option(names = "--job-queue", paramLabel = "N", defaultValue = "8",
            description = "Jobs that may wait for a worker; more get HTTP 429 (default ${DEFAULT-VALUE}).")
    int jobQueue;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port " + port + ": must be between 0 and 65535");
        }
        if (jobThreads < 1 || jobQueue < 0) {
            throw new InvalidInputException("--job-threads must be >= 1 and --job-queue >= 0");
        }
        String envToken = System.getenv(TOKEN_ENV);
        boolean generated = envToken == null || envToken.isBlank();
        String token = generated ? LichainServer.generateToken() : envToken.trim();
        if (token.length() < 12) {
            throw new InvalidInputException(TOKEN_ENV + " must have at least 12 characters");
        }
        // keep the console to our own lines: Jetty's start-up chatter only at WARN (unless the user set a level)
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        World world = data.world();
        // the effective store: jobs are kept beside it (<store>.jobs.duckdb) so that they outlive the process
        Path store = db != null ? db : org.lichain.environment.MonitoringStore.defaultPath();
        ServerConfig config = new ServerConfig(bind, port, token, corsOrigins, ServerConfig.DEFAULT_MAX_BODY_BYTES,
                jobThreads, jobQueue, 200, store);
        LichainServer server;
        try {
            server = LichainServer.start(world, config);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException("cannot start the server on " + bind + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "lichain-serve-shutdown"));
        out.println("LiChain dashboard: " + server.url());
        out.println("API description:   " + server.url() + "openapi.json");
        out.println(generated ? "Bearer token (generated; set " + TOKEN_ENV + " to choose one): " + token
                : "Bearer token: from " + TOKEN_ENV);
        out.println("Monitoring store:  " + (db != null ? db.toAbsolutePath()
                : org.lichain.environment.MonitoringStore.defaultPath()) + " (POST /api/env/measurements, alerts)");
        out.println("Job store:         " + org.lichain.server.jobs.JobStore.besideStore(store).toAbsolutePath()
                + " (jobs and results survive a restart)");
        if (!config.loopbackOnly()) {
            err.println("lichain: warning: bound to " + bind + ": the API is reachable from other machines");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
