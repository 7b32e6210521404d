package org.lichain.server;

import java.nio.file.Path;
import org.lichain.dataset.DatasetLoader;

/**
 * A server in its own JVM for the load tests (so that its heap limit is the one under test): the embedded
 * dataset, the monitoring store given as the first argument, an ephemeral loopback port printed as
 * {@code PORT <n>}; it stops when its standard input closes.
 */
public final class ServerChild {
    private ServerChild() {
    }

    public static void main(String[] args) throws Exception {
        try (LichainServer s = LichainServer.start(DatasetLoader.loadEmbedded(), Fixture.config()
                .withMonitoringDb(Path.of(args[0])))) {
            System.out.println("PORT " + s.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our input
            }
        }
    }
}
