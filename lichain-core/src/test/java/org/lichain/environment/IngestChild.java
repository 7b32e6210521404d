package org.lichain.environment;

import java.nio.file.Path;
import java.util.Set;

/** Child process for {@link MonitoringStoreTest}: ingests a file and hangs just before the commit until killed. */
public final class IngestChild {
    private IngestChild() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> stations = Set.of(args[2].split(","));
        try (MonitoringStore store = MonitoringStore.open(Path.of(args[0]))) {
            store.ingest(Path.of(args[1]), stations, new MonitoringStore.Listener() {
                @Override
                public void beforeCommit() {
                    System.out.println("READY");
                    System.out.flush();
                    try {
                        Thread.sleep(600_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }
    }
}
