package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** Drops a World's cached results (tests that must solve again on the shared embedded World). */
    static void forget(World world) {
        synchronized (CACHE) {
            CACHE.remove(world);
        }
    }

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
        Problem p = problem(world, plantId, month);
        Result r = p.solve().as(plantId);
        synchronized (CACHE) {
            CACHE.computeIfAbsent(world, w -> new HashMap<>()).put(key, r);
        }
        return r;
    }

    /**
     * Scheduled and flat prices of many plants and months (cached like {@link #of}), keyed {@code plantId|month}
     * in the order of the arguments (plants, then months). Plants whose schedules are the same problem (same
     * stages, buffers, target, maintenance, tariff and month; only the id differs) are solved once. The distinct
     * problems are solved on {@code threads} threads; each solve is a pure function of its problem, and results
     * are collected by key, not by completion order, so the map is the same on any thread count.
     *
     * @param onEach called once per plant and month when its price is known (progress), from any thread
     */
    public static Map<String, Result> ofAll(World world, List<String> plantIds, List<YearMonth> months, int threads,
                                            Runnable onEach) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Map<String, Result> out = new LinkedHashMap<>();
        Map<ProblemKey, Problem> distinct = new LinkedHashMap<>();
        Map<String, ProblemKey> keyOf = new LinkedHashMap<>();
        Map<ProblemKey, Integer> uses = new HashMap<>(); // plant-months per distinct problem (progress ticks)
        for (String id : plantIds) {
            for (YearMonth m : months) {
                String key = id + "|" + m;
                synchronized (CACHE) {
                    Result r = CACHE.computeIfAbsent(world, w -> new HashMap<>()).get(key);
                    if (r != null) {
                        out.put(key, r);
                        continue;
                    }
                }
                out.put(key, null);
                Problem p = problem(world, id, m);
                distinct.putIfAbsent(p.key(), p);
                if (keyOf.put(key, p.key()) == null) { // a plant-month given twice is one tick
                    uses.merge(p.key(), 1, Integer::sum);
                }
            }
        }
        Map<ProblemKey, Solved> solved = new HashMap<>();
        List<Problem> todo = new ArrayList<>(distinct.values());
        if (threads == 1 || todo.size() <= 1) {
            for (Problem p : todo) {
                solved.put(p.key(), p.solve());
                tick(uses.get(p.key()), onEach);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, todo.size()), r -> {
                Thread t = new Thread(r, "lichain-schedule");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Solved>> futures = new ArrayList<>();
                for (Problem p : todo) {
                    futures.add(pool.submit(() -> {
                        Solved sv = p.solve();
                        tick(uses.get(p.key()), onEach);
                        return sv;
                    }));
                }
                for (int i = 0; i < todo.size(); i++) {
                    solved.put(todo.get(i).key(), get(futures.get(i)));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        for (Map.Entry<String, ProblemKey> e : keyOf.entrySet()) {
            String plantId = e.getKey().substring(0, e.getKey().lastIndexOf('|'));
            Result r = solved.get(e.getValue()).as(plantId);
            out.put(e.getKey(), r);
            synchronized (CACHE) {
                CACHE.computeIfAbsent(world, w -> new HashMap<>()).put(e.getKey(), r);
            }
        }
        if (onEach != null) {
            for (int i = keyOf.size(); i < out.size(); i++) {
                onEach.run(); // the cached ones
            }
        }
        return out;
    }

    /** One progress tick per plant-month the solved problem answers. */
    private static void tick(int plantMonths, Runnable onEach) {
        if (onEach == null) {
            return;
        }
        for (int i = 0; i < plantMonths; i++) {
            onEach.run();
        }
    }

    private static Solved get(Future<Solved> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scheduling", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** True when two plants' schedules in a month are the same problem (solved once by {@link #ofAll}). */
    static boolean sameProblem(World world, String plantA, String plantB, YearMonth month) {
        return problem(world, plantA, month).key().equals(problem(world, plantB, month).key());
    }

    private static Problem problem(World world, String plantId, YearMonth month) {
        org.lichain.world.Asset a = world.findAsset(plantId).orElseThrow(() -> new InvalidInputException(
                "unknown asset '" + plantId + "'"));
        PlantModel plant = PlantModels.pricingModel(world, a, month);
        HourlyTariff tariff = PlantModels.tariffFor(world, plant.region(), month).hourly(month);
        return new Problem(plant, tariff, new ProblemKey(plant.route(), plant.region(), plant.stages(),
                plant.buffers(), plant.target(), plant.maintenance(), tariff.tariffId(), tariff.start(),
                List.of(Arrays.stream(tariff.priceCnyPerKwh()).boxed()
                .toArray(Double[]::new)), List.of(Arrays.stream(tariff.valleyShare()).boxed().toArray(Double[]::new))));
    }

    /**
     * What a schedule depends on, without the plant's id and name: two plants with equal keys have the same
     * schedule (records compare their components by value, doubles bit for bit).
     */
    private record ProblemKey(String route, String region, List<Stage> stages, List<Buffer> buffers,
                              OutputTarget target, List<MaintenanceWindow> maintenance, String tariffId,
                              java.time.LocalDateTime start, List<Double> priceCnyPerKwh,
                              List<Double> valleyShare) {
    }

    private record Problem(PlantModel plant, HourlyTariff tariff, ProblemKey key) {
        Solved solve() {
            Schedule s = Scheduler.solve(plant, tariff);
            return new Solved(s.tariff().tariffId(), s.effectiveCnyPerKwh(), s.flatEffectiveCnyPerKwh(),
                    s.savingPct(), s.valleyKwhShare(), YearMonth.from(tariff.start()));
        }
    }

    private record Solved(String tariffId, double scheduled, double flat, double savingPct, double valleyShare,
                          YearMonth month) {
        Result as(String plantId) {
            return new Result(plantId, month, tariffId, scheduled, flat, savingPct, valleyShare);
        }
    }
}
