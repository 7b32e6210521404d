package org.lichain.company;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A group's P&L for one year: per month and per segment, the annual sums, the integrated margin (= the sum
 * of segment margins, whatever the transfer pricing) and the keep-or-close verdict of each lithium asset.
 */
public record CompanyPnl(String companyId, String companyName, int year, TransferPricing transferPricing,
                         String pricePath, List<Month> months, Map<Segment, SegmentPnl> annual,
                         List<AssetVerdict> assets) {

    /** One month: the prices used and each segment's P&L. */
    public record Month(YearMonth month, double carbonateUsdPerTLce, double sc6UsdPerT,
                        Map<Segment, SegmentPnl> segments) {
        public double integratedMarginUsd() {
            double s = 0;
            for (SegmentPnl p : segments.values()) {
                s += p.marginUsd();
            }
            return s;
        }
    }

    public CompanyPnl {
        months = List.copyOf(months);
        annual = Map.copyOf(annual);
        assets = List.copyOf(assets);
    }

    public SegmentPnl segment(Segment s) {
        return annual.get(s);
    }

    /** Sum of the annual segment margins, USD. */
    public double integratedMarginUsd() {
        double s = 0;
        for (Segment seg : Segment.values()) {
            s += annual.get(seg).marginUsd();
        }
        return s;
    }

    /** Mean of the monthly carbonate prices, USD/t LCE. */
    public double averageCarbonateUsdPerTLce() {
        return months.stream().mapToDouble(Month::carbonateUsdPerTLce).average().orElse(Double.NaN);
    }

    public double averageSc6UsdPerT() {
        return months.stream().mapToDouble(Month::sc6UsdPerT).average().orElse(Double.NaN);
    }

    public AssetVerdict asset(String id) {
        return assets.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no asset " + id + " in " + companyId));
    }
}
