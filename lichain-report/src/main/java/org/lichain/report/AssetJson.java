package org.lichain.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.lichain.process.ProcessBalance;
import org.lichain.process.Reagent;
import org.lichain.world.Asset;
import org.lichain.world.CapacityEvent;
import org.lichain.world.ParameterValue;
import org.lichain.world.ProcessParameter;
import org.lichain.world.Production;
import org.lichain.world.Stake;
import org.lichain.world.World;

/**
 * The JSON of an asset, shared by {@code lichain assets --json} / {@code assets show --json} and the API's
 * {@code /api/assets} and {@code /api/assets/{id}}: identity, owners, capacity events, production, parameters and
 * the process balance per t LCE, each written into a node the caller owns (so each front end keeps its own layout).
 */
public final class AssetJson {
    private AssetJson() {
    }

    /** id, name, country, region, resource_type, route, kind, status_2025, lat, lon, aggregate. */
    public static void identity(ObjectNode o, Asset a) {
        o.put("id", a.id());
        o.put("name", a.name());
        o.put("country", a.country());
        o.put("region", a.region());
        o.put("resource_type", a.resourceType().id());
        o.put("route", a.route().id());
        o.put("kind", a.kind().id());
        o.put("status_2025", a.status2025().id());
        o.put("lat", a.lat());
        o.put("lon", a.lon());
        o.put("aggregate", a.aggregate());
    }

    /** One object per owner: owner, stake_pct, source. */
    public static void owners(ArrayNode arr, Asset a) {
        for (Stake s : a.owners()) {
            arr.addObject().put("owner", s.ownerId()).put("stake_pct", s.stakePct()).put("source", s.source());
        }
    }

    /** One object per capacity event: kind, cause, from, to, capacity_t_lce_per_year, ramp_months, source. */
    public static void capacityEvents(ArrayNode arr, Asset a) {
        for (CapacityEvent e : a.capacity().events()) {
            ObjectNode n = arr.addObject();
            n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            n.put("cause", e.cause().name().toLowerCase(Locale.ROOT));
            n.put("from", e.from().toString());
            n.put("to", e.to() == null ? null : e.to().toString());
            n.put("capacity_t_lce_per_year", e.capacityTLcePerYear());
            n.put("ramp_months", e.rampMonths());
            n.put("source", e.source());
        }
    }

    /** One object per production row: year, production_t_lce, basis, source. */
    public static void production(ArrayNode arr, World w, Asset a) {
        for (Production p : w.productionOf(a.id())) {
            arr.addObject().put("year", p.year()).put("production_t_lce", p.productionTLce())
                    .put("basis", p.basis().name().toLowerCase(Locale.ROOT)).put("source", p.source());
        }
    }

    /** The asset's process parameters (route defaults overridden by its own): id → {value, unit, source}. */
    public static void parameters(ObjectNode params, World w, Asset a) {
        for (Map.Entry<ProcessParameter, ParameterValue> e : w.parametersOf(a).asMap().entrySet()) {
            ObjectNode p = params.putObject(e.getKey().id());
            if (e.getValue().text() != null) {
                p.put("value", e.getValue().text());
            } else {
                p.put("value", e.getValue().value());
            }
            p.put("unit", e.getKey().unit());
            p.put("source", e.getValue().source());
        }
    }

    /** The process balance per t LCE (inputs, energy, water, residue, CO2e with its boundary, thallium, lithium). */
    public static void balance(ObjectNode bal, ProcessBalance b) {
        bal.put("ore_t", CurveJson.r4(b.oreT()));
        bal.put("concentrate_t", CurveJson.r4(b.concentrateT()));
        bal.put("brine_m3", CurveJson.r2(b.brineM3()));
        ObjectNode reag = bal.putObject("reagents_t");
        for (Reagent r : Reagent.values()) {
            if (b.reagent(r) > 0) {
                reag.put(r.priceItem(), CurveJson.r4(b.reagent(r)));
            }
        }
        bal.put("mine_kwh", CurveJson.r2(b.mineKwh()));
        bal.put("refinery_kwh", CurveJson.r2(b.refineryKwh()));
        bal.put("coal_gj", CurveJson.r2(b.coalGj()));
        bal.put("natural_gas_gj", CurveJson.r2(b.naturalGasGj()));
        bal.put("diesel_gj", CurveJson.r2(b.dieselGj()));
        bal.put("water_m3", CurveJson.r2(b.waterM3()));
        bal.put("leach_residue_t", CurveJson.r4(b.leachResidueT()));
        bal.put("tailings_t", CurveJson.r4(b.tailingsT()));
        bal.put("co2e_scope1_t", CurveJson.r4(b.co2eScope1T()));
        bal.put("co2e_scope2_t", CurveJson.r4(b.co2eScope2T()));
        bal.put("co2e_mine_e0_t", CurveJson.r4(b.co2eMineT()));
        bal.put("co2e_boundary", "scope 1+2, mine to chemical (E1); grid factor of where each stage runs");
        bal.put("thallium_to_residue_g", CurveJson.r4(b.thalliumToResidueG()));
        bal.put("thallium_to_water_g", CurveJson.r4(b.thalliumToWaterG()));
        bal.put("lithium_in_t_lce", b.lithiumInTLce());
        bal.put("lithium_residual_t_lce", b.lithiumResidualTLce());
    }
}
