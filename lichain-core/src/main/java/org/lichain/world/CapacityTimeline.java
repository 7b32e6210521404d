package org.lichain.world;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An asset's available capacity over time, in t LCE per year, from its {@link CapacityEvent}s.
 * Permanent events ramp linearly from the previous level; temporary events cap it while active.
 */
public final class CapacityTimeline {
    private final List<CapacityEvent> permanent;
    private final List<CapacityEvent> temporary;

    public CapacityTimeline(List<CapacityEvent> events) {
        List<CapacityEvent> p = new ArrayList<>();
        List<CapacityEvent> t = new ArrayList<>();
        for (CapacityEvent e : events) {
            (e.temporary() ? t : p).add(e);
        }
        p.sort(Comparator.comparing(CapacityEvent::from));
        t.sort(Comparator.comparing(CapacityEvent::from));
        this.permanent = List.copyOf(p);
        this.temporary = List.copyOf(t);
    }

    public static CapacityTimeline empty() {
        return new CapacityTimeline(List.of());
    }

    public List<CapacityEvent> events() {
        List<CapacityEvent> all = new ArrayList<>(permanent);
        all.addAll(temporary);
        all.sort(Comparator.comparing(CapacityEvent::from));
        return all;
    }

    /** The same timeline without the events of a cause (e.g. {@link CapacityEvent.Cause#MARKET} for the market). */
    public CapacityTimeline without(CapacityEvent.Cause cause) {
        List<CapacityEvent> kept = new ArrayList<>();
        for (CapacityEvent e : events()) {
            if (e.cause() != cause) {
                kept.add(e);
            }
        }
        return new CapacityTimeline(kept);
    }

    /** A new timeline with one more event (used by scenario shocks). */
    public CapacityTimeline with(CapacityEvent extra) {
        List<CapacityEvent> all = events();
        all.add(extra);
        return new CapacityTimeline(all);
    }

    /** Available capacity in month {@code m}, t LCE per year. */
    public double capacityTLcePerYear(YearMonth m) {
        double level = 0.0;
        double previousNameplate = 0.0; // a ramp starts from the previous event's nameplate
        for (CapacityEvent e : permanent) {
            if (e.from().isAfter(m)) {
                break;
            }
            long monthsIn = monthsBetween(e.from(), m) + 1; // the start month produces already
            if (e.rampMonths() > 0 && monthsIn < e.rampMonths()) {
                level = previousNameplate + (e.capacityTLcePerYear() - previousNameplate) * monthsIn / e.rampMonths();
            } else {
                level = e.capacityTLcePerYear();
            }
            previousNameplate = e.capacityTLcePerYear();
        }
        for (CapacityEvent e : temporary) {
            if (!e.from().isAfter(m) && !e.to().isBefore(m)) {
                level = Math.min(level, e.capacityTLcePerYear());
            }
        }
        return level;
    }

    /** Mean of the monthly capacities of a year, t LCE per year. */
    public double averageCapacityTLcePerYear(int year) {
        double sum = 0;
        for (int month = 1; month <= 12; month++) {
            sum += capacityTLcePerYear(YearMonth.of(year, month));
        }
        return sum / 12.0;
    }

    /** Nameplate (ignoring temporary caps and ramps) at month {@code m}. */
    public double nameplateTLcePerYear(YearMonth m) {
        double level = 0.0;
        for (CapacityEvent e : permanent) {
            if (e.from().isAfter(m)) {
                break;
            }
            level = e.capacityTLcePerYear();
        }
        return level;
    }

    static long monthsBetween(YearMonth a, YearMonth b) {
        return (b.getYear() - a.getYear()) * 12L + (b.getMonthValue() - a.getMonthValue());
    }
}
