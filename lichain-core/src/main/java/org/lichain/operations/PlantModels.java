package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.lichain.process.ProcessBalance;
import org.lichain.process.ProcessModel;
import org.lichain.world.Asset;
import org.lichain.world.AssetKind;
import org.lichain.world.World;

/**
 * Builds each plant's {@link PlantModel} from the dataset: the asset's own stage rows if it has any, otherwise
 * its route's defaults; sizes from the asset's capacity in the month; stage power from its process balance
 * (so the schedule's kWh are the cost model's kWh); its region's default tariff.
 */
public final class PlantModels {
    /** Flat price used where a region has neither a TOU tariff nor an electricity input price, CNY/kWh. */
    public static final double FALLBACK_FLAT_CNY_PER_KWH = 0.63; // energy.md §2c: US$0.088/kWh x 7.2 [D]

    private PlantModels() {
    }

    /** True for assets that run a chemical plant (converters, integrated mines-and-refineries, brine plants). */
    public static boolean hasModel(Asset a) {
        return a.kind() != AssetKind.MINE_CONCENTRATE;
    }

    /** Every asset with a plant model, in dataset order. */
    public static List<Asset> plants(World world) {
        List<Asset> out = new ArrayList<>();
        for (Asset a : world.assets()) {
            if (hasModel(a)) {
                out.add(a);
            }
        }
        return out;
    }

    static OperationsData data(World world) {
        return world.extension(OperationsData.class).orElse(OperationsData.empty());
    }

    /**
     * The plant model of an asset in a month.
     *
     * @throws IllegalArgumentException for an unknown asset, a mine without a plant, no capacity in the month,
     *                                  or a route without stage data
     */
    public static PlantModel of(World world, String assetId, YearMonth month) {
        Asset a = world.findAsset(assetId).orElseThrow(() -> new InvalidInputException(
                "unknown plant '" + assetId + "' (see 'lichain schedule --list')"));
        if (!hasModel(a)) {
            throw new InvalidInputException("asset " + assetId + " sells concentrate and has no chemical plant "
                    + "to schedule (see 'lichain schedule --list')");
        }
        double capacity = a.capacity().capacityTLcePerYear(month);
        if (!(capacity > 0)) {
            throw new InvalidInputException("plant " + assetId + " has no capacity in " + month + " (status "
                    + a.status2025() + "); nothing to schedule");
        }
        return build(world, a, month, a.kind() == AssetKind.CONVERTER ? "converter" : "integrated", a.region(),
                capacity);
    }

    /**
     * The plant that makes an asset's chemical, for its effective power price: the asset's own plant, or for a
     * concentrate seller a route-default converter in its conversion region (as the cost model converts it).
     * An asset without capacity in the month is sized at 1,000 t LCE/yr: the price per kWh hardly depends on
     * size (restart costs are the only fixed term).
     */
    static PlantModel pricingModel(World world, Asset a, YearMonth month) {
        double capacity = a.capacity().capacityTLcePerYear(month);
        if (!(capacity > 0)) {
            capacity = 1000.0;
        }
        if (a.kind() == AssetKind.MINE_CONCENTRATE) {
            String region = ProcessModel.refineryRegion(a, world.parametersOf(a));
            return build(world, a, month, "converter", region, capacity);
        }
        return build(world, a, month, a.kind() == AssetKind.CONVERTER ? "converter" : "integrated", a.region(),
                capacity);
    }

    private static PlantModel build(World world, Asset a, YearMonth month, String kind, String region,
                                    double capacity) {
        String assetId = a.id();
        OperationsData data = data(world);
        List<StageTemplate> templates = data.stagesOf(a.id());
        if (templates.isEmpty()) {
            templates = data.stagesOf(a.route().id());
        }
        templates = templates.stream().filter(t -> t.appliesTo(kind)).toList();
        if (templates.isEmpty()) {
            throw new InvalidInputException("no plant stages for asset " + assetId + " or its route "
                    + a.route().id() + " in " + OperationsDatasetExtension.STAGES);
        }
        double nominal = capacity / 8760.0; // t LCE per hour at nameplate
        ProcessBalance b = ProcessModel.balance(world, a, month.getYear());
        List<Stage> stages = new ArrayList<>();
        List<Buffer> buffers = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            StageTemplate t = templates.get(i);
            double basisKwh = t.powerBasis().equals("mine") ? b.mineKwh() : b.refineryKwh();
            double tPer = switch (t.throughput()) {
                case "ore" -> b.oreT();
                case "concentrate" -> b.concentrateT();
                default -> 1.0;
            };
            if (!(tPer > 0)) {
                tPer = 1.0;
            }
            double max = t.maxRatePct() / 100.0 * nominal;
            stages.add(new Stage(t.stageId(), t.name(), t.kwhSharePct() / 100.0 * basisKwh, tPer, max,
                    t.minStableLoadPct() / 100.0 * max, t.rampPctPerH() / 100.0 * max, t.mayStop(),
                    t.restartCostCny()));
            if (i > 0) {
                double cap = t.bufferCapacityH() * nominal;
                String id = t.bufferId().isEmpty() ? "before_" + t.stageId() : t.bufferId();
                buffers.add(new Buffer(id, t.bufferName().isEmpty() ? id : t.bufferName(), cap,
                        t.bufferStartPct() / 100.0 * cap));
            }
        }
        OperationsData.TargetRow target = data.targetOf(a.id()).or(() -> data.targetOf(a.route().id()))
                .orElse(new OperationsData.TargetRow(a.route().id(), 24, 90.0,
                        "estimate: no target row; 90 % of nameplate per day"));
        double perPeriod = target.utilisationPct() / 100.0 * nominal * target.periodHours();
        List<MaintenanceWindow> maintenance = new ArrayList<>();
        for (OperationsData.MaintenanceRow m : data.maintenance()) {
            if ((m.plant().equals(a.id()) || m.plant().equals(a.route().id()))
                    && stages.stream().anyMatch(s -> s.id().equals(m.stageId()))) {
                maintenance.add(new MaintenanceWindow(m.stageId(), m.start(), m.hours(), m.source()));
            }
        }
        String source = (data.stagesOf(a.id()).isEmpty() ? "route defaults (" + a.route().id() + ")"
                : "asset-specific stages") + "; target: " + target.source();
        return new PlantModel(a.id(), a.name(), a.route().id(), region, stages, buffers,
                new OutputTarget(target.periodHours(), perPeriod), maintenance, source);
    }

    /**
     * The region's default TOU tariff, or a flat tariff at the region's electricity input price (or
     * {@link #FALLBACK_FLAT_CNY_PER_KWH}) where the dataset has no time-of-use data for the region.
     */
    public static Tariff tariffFor(World world, Asset a, YearMonth month) {
        return tariffFor(world, a.region(), month);
    }

    /** The default tariff of a region (see {@link #tariffFor(World, Asset, YearMonth)}). */
    public static Tariff tariffFor(World world, String region, YearMonth month) {
        var tou = data(world).tariffForRegion(region);
        if (tou.isPresent()) {
            return tou.get();
        }
        var price = world.inputPrices().find("electricity", region, month);
        if (price.isPresent() && world.fx() != null) {
            double usd = world.inputPrices().usd("electricity", region, month, world.fx());
            double cny = usd * world.fx().cnyPerUsd(month);
            if (cny > 0) {
                return Tariff.flat("FLAT-" + region, region, cny, "no time-of-use tariff for " + region
                        + " in the dataset; flat at the electricity input price (" + price.get().source() + ")");
            }
        }
        return Tariff.flat("FLAT-" + region, region, FALLBACK_FLAT_CNY_PER_KWH,
                "estimate: no tariff or electricity price for " + region
                        + "; China average industrial price (CHINABRIEFING) x 7.2 CNY/USD");
    }

    /** A tariff by id from the dataset. */
    public static Tariff tariff(World world, String id) {
        return data(world).tariff(id).orElseThrow(() -> new InvalidInputException("unknown tariff '" + id
                + "'; known: " + data(world).tariffs().stream().map(Tariff::id).toList()
                + " (or give a tariff file in the tariffs.csv form)"));
    }

    /**
     * Schedules a plant over {@code days} days from {@code start} (a day, a week, ...): sizes and target from the
     * start's month, tariff as given or the region's default when {@code tariff} is null.
     */
    public static Schedule schedule(World world, String assetId, java.time.LocalDate start, int days, Tariff tariff) {
        if (days <= 0) {
            throw new InvalidInputException("days must be positive");
        }
        YearMonth month = YearMonth.from(start);
        PlantModel plant = of(world, assetId, month);
        Tariff t = tariff != null ? tariff : tariffFor(world, world.asset(assetId), month);
        return Scheduler.solve(plant, t.hourly(start.atStartOfDay(), 24 * days));
    }

    /** Schedules a plant for a month with the given tariff, or its region's default when {@code tariff} is null. */
    public static Schedule schedule(World world, String assetId, YearMonth month, Tariff tariff) {
        PlantModel plant = of(world, assetId, month);
        Tariff t = tariff != null ? tariff : tariffFor(world, world.asset(assetId), month);
        return Scheduler.solve(plant, t.hourly(month));
    }
}
