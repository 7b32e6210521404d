package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;

/**
 * One time-of-use window: in the months of {@code monthMask} (bit m-1 set for month m), on the days of
 * {@code dayType}, from {@code startMinute} (inclusive) to {@code endMinute} (exclusive) after midnight,
 * the price is the tariff's flat price times {@code multiplier}.
 */
public record TariffRule(Band band, int monthMask, DayType dayType, int startMinute, int endMinute,
                         double multiplier, String source) {

    /** Which days a rule applies to. */
    public enum DayType {
        ALL, HOLIDAY;

        public static DayType parse(String s) {
            return switch (s) {
                case "", "all" -> ALL;
                case "holiday" -> HOLIDAY;
                default -> throw new InvalidInputException("unknown day_type '" + s + "'; expected all or holiday");
            };
        }
    }

    public TariffRule {
        if (startMinute < 0 || endMinute > 24 * 60 || startMinute >= endMinute) {
            throw new InvalidInputException("a window must have 00:00 <= start < end <= 24:00");
        }
        if (!(multiplier >= 0)) {
            throw new InvalidInputException("a multiplier must not be negative");
        }
    }

    public boolean appliesIn(int month) {
        return (monthMask & (1 << (month - 1))) != 0;
    }

    public boolean covers(int minuteOfDay) {
        return minuteOfDay >= startMinute && minuteOfDay < endMinute;
    }
}
