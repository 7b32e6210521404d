package org.lichain.server;

import java.util.List;

/**
 * How a {@link LichainServer} runs. Defaults are the safe ones: loopback bind, no CORS, 1 MiB bodies,
 * one job worker with a queue of 8.
 *
 * @param bind              interface address to bind (default 127.0.0.1: loopback only)
 * @param port              TCP port; 0 picks a free ephemeral port (tests)
 * @param token             bearer token required by every mutating endpoint (POST, PUT, PATCH, DELETE)
 * @param corsOrigins       origins allowed by CORS; empty = CORS off (no Access-Control headers)
 * @param maxBodyBytes      largest request body accepted; larger gets 413
 * @param jobThreads        job worker threads
 * @param jobQueueCapacity  jobs that may wait for a worker; one more gets 429
 * @param retainedJobs      finished jobs kept for status and result queries (oldest finished evicted first)
 * @param monitoringDb      the environment monitoring store (DuckDB file); null = the CLI's default location
 */
public record ServerConfig(String bind, int port, String token, List<String> corsOrigins, long maxBodyBytes,
                           int jobThreads, int jobQueueCapacity, int retainedJobs, java.nio.file.Path monitoringDb) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;

    public ServerConfig {
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("bind address is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (token == null || token.length() < 12) {
            throw new IllegalArgumentException("the bearer token must have at least 12 characters");
        }
        corsOrigins = List.copyOf(corsOrigins);
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        }
        if (jobThreads < 1 || jobQueueCapacity < 0 || retainedJobs < 1) {
            throw new IllegalArgumentException("job threads and retained jobs must be >= 1, queue capacity >= 0");
        }
    }

    /** Safe defaults with the given token. */
    public static ServerConfig defaults(String token) {
        return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, token, List.of(), DEFAULT_MAX_BODY_BYTES, 1, 8, 200, null);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(bind, p, token, corsOrigins, maxBodyBytes, jobThreads, jobQueueCapacity, retainedJobs,
                monitoringDb);
    }

    public ServerConfig withBind(String b) {
        return new ServerConfig(b, port, token, corsOrigins, maxBodyBytes, jobThreads, jobQueueCapacity, retainedJobs,
                monitoringDb);
    }

    public ServerConfig withCorsOrigins(List<String> origins) {
        return new ServerConfig(bind, port, token, origins, maxBodyBytes, jobThreads, jobQueueCapacity, retainedJobs,
                monitoringDb);
    }

    public ServerConfig withJobs(int threads, int queueCapacity) {
        return new ServerConfig(bind, port, token, corsOrigins, maxBodyBytes, threads, queueCapacity, retainedJobs,
                monitoringDb);
    }

    public ServerConfig withMonitoringDb(java.nio.file.Path db) {
        return new ServerConfig(bind, port, token, corsOrigins, maxBodyBytes, jobThreads, jobQueueCapacity, retainedJobs,
                db);
    }

    public ServerConfig withMaxBodyBytes(long bytes) {
        return new ServerConfig(bind, port, token, corsOrigins, bytes, jobThreads, jobQueueCapacity, retainedJobs,
                monitoringDb);
    }

    /** True when the bind address is a loopback address (the default). */
    public boolean loopbackOnly() {
        return bind.equals("127.0.0.1") || bind.equals("::1") || bind.equals("localhost");
    }
}
