package org.lichain.operations;

import java.time.LocalDateTime;

/** A stage is down for maintenance for {@code hours} hours from {@code start} (local plant time). */
public record MaintenanceWindow(String stageId, LocalDateTime start, int hours, String source) {
    public MaintenanceWindow {
        if (hours <= 0) {
            throw new IllegalArgumentException("maintenance of " + stageId + ": hours must be positive");
        }
    }
}
