package org.lichain.company;

/**
 * One segment's P&L over a period, USD (attributable to the group by stake): revenue, cash cost and volume
 * ({@link Segment#volumeUnit()}). Internal sales and purchases are at the transfer price.
 */
public record SegmentPnl(Segment segment, double revenueUsd, double costUsd, double volume) {
    public double marginUsd() {
        return revenueUsd - costUsd;
    }

    SegmentPnl plus(SegmentPnl o) {
        return new SegmentPnl(segment, revenueUsd + o.revenueUsd, costUsd + o.costUsd, volume + o.volume);
    }
}
