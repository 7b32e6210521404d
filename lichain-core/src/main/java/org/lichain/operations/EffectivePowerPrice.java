package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import org.lichain.world.World;

/**
 * Each plant's effective power price in a month, for the unit-cost model: the month's power cost divided by its
 * kWh, for the optimised schedule and for the flat schedule under the plant's regional tariff (CNY/kWh).
 * Results are cached per World, plant and month (a month's schedule takes a solve). Every asset has a price:
 * a concentrate seller's is that of a route-default converter in its conversion region (as the cost model
 * converts its concentrate), an asset without capacity in the month is priced at 1,000 t LCE/yr.
 *
 * <p>A cost model that keeps its own electricity price can use {@link Result#ratioToFlat()} instead: the
 * scheduled price as a share of the flat-schedule price.
 */
public final class EffectivePowerPrice {
    /** Which schedule the cost model assumes ({@code --power-price scheduled|flat}). */
    public enum Mode {
        SCHEDULED, FLAT;

        public static Mode parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "scheduled" -> SCHEDULED;
                case "flat" -> FLAT;
                default -> throw new InvalidInputException("unknown power price mode '" + s
                        + "'; expected scheduled or flat");
            };
        }
    }

    /** A plant's effective prices in one month, CNY/kWh. */
    public record Result(String plantId, YearMonth month, String tariffId, double scheduledCnyPerKwh,
                         double flatCnyPerKwh, double savingPct, double valleyKwhShare) {
        public double cnyPerKwh(Mode mode) {
            return mode == Mode.SCHEDULED ? scheduledCnyPerKwh : flatCnyPerKwh;
        }

        /** Scheduled over flat effective price (1 where nothing can be shifted). */
        public double ratioToFlat() {
            return flatCnyPerKwh > 0 ? scheduledCnyPerKwh / flatCnyPerKwh : 1.0;
        }
    }

    private static final Map<World, Map<String, Result>> CACHE = new WeakHashMap<>();

    private EffectivePowerPrice() {
    }

    /** The effective power price of a plant in a month under the given mode, CNY/kWh. */
    public static double cnyPerKwh(World world, String plantId, YearMonth month, Mode mode) {
        return of(world, plantId, month).cnyPerKwh(mode);
    }

    /** Scheduled and flat effective prices of a plant in a month (cached). */
    public static Result of(World world, String plantId, YearMonth month) {
        String key = plantId + "|" + month;
        synchronized (CACHE) {
            Result r = CACHE.computeIfAbsent(world, w -> new HashMap<>()).get(key);
            if (r != null) {
                return r;
            }
        }
        org.lichain.world.Asset a = world.findAsset(plantId).orElseThrow(() -> new InvalidInputException(
                "unknown asset '" + plantId + "'"));
        PlantModel plant = PlantModels.pricingModel(world, a, month);
        Schedule s = Scheduler.solve(plant, PlantModels.tariffFor(world, plant.region(), month).hourly(month));
        Result r = new Result(plantId, month, s.tariff().tariffId(), s.effectiveCnyPerKwh(),
                s.flatEffectiveCnyPerKwh(), s.savingPct(), s.valleyKwhShare());
        synchronized (CACHE) {
            CACHE.computeIfAbsent(world, w -> new HashMap<>()).put(key, r);
        }
        return r;
    }
}
