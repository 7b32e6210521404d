package org.lichain.cli;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lichain.cost.CostBreakdown;
import org.lichain.cost.CostCurves;
import org.lichain.cost.CostModel;
import org.lichain.process.ProcessBalance;
import org.lichain.process.ProcessModel;
import org.lichain.report.AssetJson;
import org.lichain.report.CurveJson;
import org.lichain.world.Asset;
import org.lichain.world.CapacityEvent;
import org.lichain.world.ParameterValue;
import org.lichain.world.ProcessParameter;
import org.lichain.world.Production;
import org.lichain.world.ResourceType;
import org.lichain.world.Stake;
import org.lichain.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lichain assets}: list assets, or show one with its balance, cost breakdown and sources. */
@Command(name = "assets", mixinStandardHelpOptions = true, subcommands = AssetsCommand.Show.class,
        description = "List the assets of the dataset (mines, brines, converters and named aggregates).")
public final class AssetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--country", paramLabel = "CC", description = "Only this country (ISO alpha-2, e.g. CN).")
    String country;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this resource type: lepidolite, spodumene, brine, clay, other.")
    String type;

    @Option(names = "--year", paramLabel = "Y", defaultValue = "2025", description = "Year for capacity (default: ${DEFAULT-VALUE}).")
    int year;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        World w = data.world();
        ResourceType t = null;
        if (type != null) {
            try {
                t = ResourceType.parse(type);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("--type: " + e.getMessage());
            }
        }
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw new InvalidInputException("--country '" + country + "': expected an ISO 3166-1 alpha-2 code such as CN");
        }
        List<Asset> list = new ArrayList<>();
        for (Asset a : w.assets()) {
            if ((country == null || a.country().equalsIgnoreCase(country)) && (t == null || a.resourceType() == t)) {
                list.add(a);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode arr = Json.MAPPER.createArrayNode();
            for (Asset a : list) {
                ObjectNode o = arr.addObject();
                AssetJson.identity(o, a);
                o.put("capacity_t_lce_per_year", CurveJson.r2(a.capacity().averageCapacityTLcePerYear(year)));
            }
            Json.print(out, arr);
        } else {
            out.printf(Locale.ROOT, "%-12s %-50s %-3s %-6s %-11s %-24s %-16s %16s%n", "id", "name", "cc", "region",
                    "type", "route", "kind", "capacity_" + year + "_t");
            for (Asset a : list) {
                out.printf(Locale.ROOT, "%-12s %-50s %-3s %-6s %-11s %-24s %-16s %,16.0f%n", a.id(),
                        a.name().length() > 50 ? a.name().substring(0, 49) + "…" : a.name(), a.country(), a.region(),
                        a.resourceType().id(), a.route().id(), a.kind().id(),
                        a.capacity().averageCapacityTLcePerYear(year));
            }
            out.printf(Locale.ROOT, "%d assets%n", list.size());
        }
        return 0;
    }

    /** {@code lichain assets show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One asset in full: owners, capacity timeline, production, process balance, cost breakdown and sources.")
    public static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Parameters(paramLabel = "ID", description = "Asset id, e.g. CN-JX-01.")
        String id;

        @Option(names = "--year", paramLabel = "Y", defaultValue = "2025", description = "Year (default: ${DEFAULT-VALUE}).")
        int year;

        @Option(names = "--price-usd", paramLabel = "P", description = "Price for royalties, USD/t LCE ex-VAT (default: the year's average of the monthly China spot record, or its latest month).")
        Double priceUsd;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            World w = data.world();
            String canonical = Ids.resolve(id, w.assets().stream().map(Asset::id).toList(), "asset id",
                    "list them with 'lichain assets'");
            Asset a = w.findAsset(canonical).orElseThrow(() -> new InvalidInputException("unknown asset id '" + id
                    + "' (see 'lichain assets')"));
            CostCurves.Price price = priceUsd != null ? new CostCurves.Price(priceUsd, "given (--price-usd)")
                    : CostCurves.referencePrice(w, year).orElseThrow(() -> new InvalidInputException(
                            "no reference price at or before " + year + " in the dataset; give --price-usd"));
            ProcessBalance b = ProcessModel.balance(w, a, year);
            CostBreakdown c = CostModel.unitCost(w, a, b, YearMonth.of(year, 7), price.usdPerTLce());
            ObjectNode o = describe(w, a, b, c, year);
            ((ObjectNode) o.get("cost_usd_per_t_lce")).put("price_source", price.source());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, o);
            } else {
                printHuman(out, w, a, b, c);
                out.printf(Locale.ROOT, "  price: %,.0f USD/t LCE ex-VAT (%s)%n", price.usdPerTLce(), price.source());
            }
            return 0;
        }

        private void printHuman(PrintWriter out, World w, Asset a, ProcessBalance b, CostBreakdown c) {
            out.printf(Locale.ROOT, "%s — %s%n", a.id(), a.name());
            out.printf(Locale.ROOT, "  %s / %s, %s, route %s, kind %s, status 2025: %s%s%n", a.country(), a.region(),
                    a.resourceType().id(), a.route().id(), a.kind().id(), a.status2025().id(),
                    a.aggregate() ? " (aggregate)" : "");
            out.printf(Locale.ROOT, "  source: %s%n", a.source());
            for (Stake s : a.owners()) {
                out.printf(Locale.ROOT, "  owner %-12s %5.1f%%  (%s)%n", s.ownerId(), s.stakePct(), s.source());
            }
            out.println("  capacity timeline (t LCE/yr):");
            for (CapacityEvent e : a.capacity().events()) {
                out.printf(Locale.ROOT, "    %s%s %-11s %,10.0f ramp %2d mo  (%s)%n", e.from(),
                        e.to() == null ? "        " : ".." + e.to(), e.kind().name().toLowerCase(Locale.ROOT),
                        e.capacityTLcePerYear(), e.rampMonths(), e.source());
            }
            for (Production p : w.productionOf(a.id())) {
                out.printf(Locale.ROOT, "  production %d: %,.0f t LCE (%s)  (%s)%n", p.year(), p.productionTLce(),
                        p.basis().name().toLowerCase(Locale.ROOT), p.source());
            }
            out.printf(Locale.ROOT, "  balance per t LCE (%d): ore %.1f t, concentrate %.2f t, brine %.0f m3, power %,.0f kWh,"
                            + " coal %.1f GJ, gas %.1f GJ, water %.1f m3, leach residue %.1f t, tailings %.1f t,"
                            + " CO2e %.2f t (scope 1 %.2f, scope 2 %.2f; mine E0 %.2f), Tl to residue %.1f g, to water %.2f g%n",
                    year, b.oreT(), b.concentrateT(), b.brineM3(), b.kwh(), b.coalGj(), b.naturalGasGj(), b.waterM3(),
                    b.leachResidueT(), b.tailingsT(), b.co2eT(), b.co2eScope1T(), b.co2eScope2T(), b.co2eMineT(),
                    b.thalliumToResidueG(), b.thalliumToWaterG());
            out.printf(Locale.ROOT, "  cost %s at %,.0f USD/t (USD/t LCE ex-VAT): mining %,.0f, beneficiation %,.0f,"
                            + " reagents %,.0f, energy %,.0f, labour %,.0f, residue/env %,.0f, royalties/taxes %,.0f,"
                            + " freight %,.0f, conversion %,.0f, by-product credits -%,.0f => C1 %,.0f (CNY %,.0f/t incl. VAT),"
                            + " AISC %,.0f%s%n",
                    c.month(), c.priceUsdPerTLce(), c.miningUsdPerTLce(), c.beneficiationUsdPerTLce(),
                    c.reagentsUsdPerTLce(), c.energyUsdPerTLce(), c.labourUsdPerTLce(),
                    c.residueEnvironmentalUsdPerTLce(), c.royaltiesTaxesUsdPerTLce(), c.freightUsdPerTLce(),
                    c.conversionUsdPerTLce(), c.byproductCreditsUsdPerTLce(), c.c1UsdPerTLce(),
                    c.c1CnyPerTInclVat(), c.aiscUsdPerTLce(),
                    c.upstreamCalibrated() ? " (mining = residual to the reported site cash cost)" : "");
            out.println("  parameters (route defaults overridden by the asset's own):");
            for (Map.Entry<ProcessParameter, ParameterValue> e : w.parametersOf(a).asMap().entrySet()) {
                ParameterValue v = e.getValue();
                out.printf(Locale.ROOT, "    %-44s %12s %-20s %s%n", e.getKey().id(),
                        v.text() != null ? v.text() : String.format(Locale.ROOT, "%.4g", v.value()), e.getKey().unit(),
                        v.source());
            }
        }
    }

    static ObjectNode describe(World w, Asset a, ProcessBalance b, CostBreakdown c, int year) {
        ObjectNode o = Json.object();
        AssetJson.identity(o, a);
        o.put("source", a.source());
        o.put("note", a.note());
        AssetJson.owners(o.putArray("owners"), a);
        AssetJson.capacityEvents(o.putArray("capacity_events"), a);
        o.put("capacity_t_lce_per_year_avg", CurveJson.r2(a.capacity().averageCapacityTLcePerYear(year)));
        AssetJson.production(o.putArray("production"), w, a);
        ObjectNode bal = o.putObject("balance_per_t_lce");
        bal.put("year", year);
        AssetJson.balance(bal, b);
        ObjectNode cost = CurveJson.breakdown(c);
        cost.put("month", c.month());
        cost.put("price_usd_per_t_lce", c.priceUsdPerTLce());
        cost.put("c1_cny_per_t_incl_vat", CurveJson.r2(c.c1CnyPerTInclVat()));
        o.set("cost_usd_per_t_lce", cost);
        AssetJson.parameters(o.putObject("parameters"), w, a);
        return o;
    }
}
