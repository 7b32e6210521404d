package org.lichain.report.company;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.lichain.company.AssetVerdict;
import org.lichain.company.CompanyPnl;
import org.lichain.company.Offtake;
import org.lichain.company.Segment;
import org.lichain.company.SegmentPnl;

/**
 * The JSON body of a company P&L (issue 6 contract: company, year, segments with revenue/cost/margin,
 * integrated_margin_usd, assets with id, stake, standalone_margin_usd, kept_by_group), plus extra fields.
 * {@code stake} is a fraction (0–1); {@code stake_pct} gives the same in percent. Numbers are rounded to 0.01.
 */
public final class CompanyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CompanyJson() {
    }

    public static ObjectNode of(CompanyPnl p, List<Offtake> offtakes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("company", p.companyId());
        root.put("year", p.year());
        ArrayNode segs = root.putArray("segments");
        for (Segment s : Segment.values()) {
            SegmentPnl sp = p.segment(s);
            ObjectNode o = segs.addObject();
            o.put("segment", s.id());
            o.put("revenue_usd", r2(sp.revenueUsd()));
            o.put("cost_usd", r2(sp.costUsd()));
            o.put("margin_usd", r2(sp.marginUsd()));
            o.put("volume", r2(sp.volume()));
            o.put("volume_unit", s.volumeUnit());
        }
        root.put("integrated_margin_usd", r2(p.integratedMarginUsd()));
        ArrayNode assets = root.putArray("assets");
        for (AssetVerdict a : p.assets()) {
            ObjectNode o = assets.addObject();
            o.put("id", a.id());
            o.put("stake", r4(a.stakePct() / 100.0));
            o.put("standalone_margin_usd", r2(a.standaloneMarginUsd()));
            o.put("kept_by_group", a.keptByGroup());
            o.put("name", a.name());
            o.put("kind", a.kind());
            o.put("stake_pct", r4(a.stakePct()));
            o.put("production_t_lce", r2(a.productionTLce()));
            o.put("standalone_revenue_usd", r2(a.standaloneRevenueUsd()));
            o.put("standalone_cost_usd", r2(a.standaloneCostUsd()));
            o.put("standalone_fixed_cost_usd", r2(a.standaloneFixedCostUsd()));
            o.put("capacity_t_lce", r2(a.capacityTLce()));
            if (a.capacityTLce() > 0) {
                o.put("utilisation_pct", r2(a.utilisationPct()));
            } else {
                o.putNull("utilisation_pct");
            }
            if (a.productionTLce() > 0) {
                o.put("standalone_margin_usd_per_t_lce", r2(a.standaloneMarginUsdPerTLce()));
            } else {
                o.putNull("standalone_margin_usd_per_t_lce");
            }
            o.put("standalone_all_in_margin_usd", r2(a.standaloneAllInMarginUsd()));
            o.put("standalone_margin_attributable_usd", r2(a.standaloneMarginAttributableUsd()));
            o.put("curtail_standalone", a.curtailStandalone());
            o.put("chain_margin_usd", r2(a.chainMarginUsd()));
        }
        root.put("name", p.companyName());
        root.put("transfer_pricing", p.transferPricing().id());
        root.put("price_path", p.pricePath());
        root.put("carbonate_usd_per_t_lce_avg", r2(p.averageCarbonateUsdPerTLce()));
        root.put("sc6_usd_per_t_avg", r2(p.averageSc6UsdPerT()));
        ArrayNode months = root.putArray("months");
        for (CompanyPnl.Month m : p.months()) {
            ObjectNode o = months.addObject();
            o.put("month", m.month().toString());
            o.put("carbonate_usd_per_t_lce", r2(m.carbonateUsdPerTLce()));
            o.put("sc6_usd_per_t", r2(m.sc6UsdPerT()));
            ObjectNode margins = o.putObject("margin_usd");
            for (Segment s : Segment.values()) {
                margins.put(s.id(), r2(m.segments().get(s).marginUsd()));
            }
            o.put("integrated_margin_usd", r2(m.integratedMarginUsd()));
        }
        ArrayNode off = root.putArray("offtakes");
        for (Offtake t : offtakes) {
            ObjectNode o = off.addObject();
            o.put("asset_id", t.assetId());
            o.put("share_pct", t.sharePct());
            o.put("from_year", t.fromYear());
            if (t.toYear() > 0) {
                o.put("to_year", t.toYear());
            }
            o.put("source", t.source());
        }
        return root;
    }

    /** {@code lichain company compare --json}: the year and one body per company. */
    public static ObjectNode compare(int year, List<CompanyPnl> pnls, List<List<Offtake>> offtakes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("year", year);
        ArrayNode cs = root.putArray("companies");
        for (int i = 0; i < pnls.size(); i++) {
            cs.add(of(pnls.get(i), offtakes.get(i)));
        }
        return root;
    }

    /** Rounded to cents and written in plain notation (no exponent), so that output is stable and readable. */
    static BigDecimal r2(double v) {
        return BigDecimal.valueOf(Math.round(v * 100.0), 2);
    }

    static BigDecimal r4(double v) {
        BigDecimal b = BigDecimal.valueOf(Math.round(v * 10_000.0), 4).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
