package org.lichain.cli;

import org.lichain.operations.EffectivePowerPrice;
import picocli.CommandLine.Option;

/**
 * The {@code --power-price scheduled|flat} option (a mixin for the cost commands): which power price the unit
 * cost assumes for each plant — the effective price of its optimised time-of-use schedule, or of a flat one.
 * Use {@link #mode()} with {@link EffectivePowerPrice#cnyPerKwh} or {@link EffectivePowerPrice.Result#ratioToFlat()}.
 */
public final class PowerPriceOption {
    @Option(names = "--power-price", paramLabel = "scheduled|flat",
            description = "Power price per plant: 'scheduled' = effective price of the optimised hourly schedule "
                    + "under the region's time-of-use tariff, 'flat' = of a flat schedule (default: ${DEFAULT-VALUE}).",
            defaultValue = "flat")
    String powerPrice;

    /** The chosen mode; IllegalArgumentException (exit 2) for anything but scheduled or flat. */
    public EffectivePowerPrice.Mode mode() {
        return EffectivePowerPrice.Mode.parse(powerPrice);
    }
}
