package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;
import java.time.LocalDateTime;

/** A stage is down for maintenance for {@code hours} hours from {@code start} (local plant time). */
public record MaintenanceWindow(String stageId, LocalDateTime start, int hours, String source) {
    public MaintenanceWindow {
        if (hours <= 0) {
            throw new InvalidInputException("maintenance of " + stageId + ": hours must be positive");
        }
    }
}
