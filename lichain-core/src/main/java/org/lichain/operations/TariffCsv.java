package org.lichain.operations;

import org.lichain.dataset.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lichain.dataset.CsvTable;
import org.lichain.dataset.Problems;
import org.lichain.dataset.RowReader;

/**
 * Reads tariffs from the {@code tariffs.csv} form (the dataset's file and user tariff files alike): columns
 * {@code tariff, region, rule, months, day_type, start, end, value, unit, source}; see the file's header comment.
 */
public final class TariffCsv {
    public static final String FILE = "tariffs.csv";
    private static final Pattern HHMM = Pattern.compile("(\\d{2}):(\\d{2})");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private TariffCsv() {
    }

    /** Parses tariffs; every problem goes to {@code problems} with file, line, column and field. */
    public static List<Tariff> parse(String file, String text, Problems problems) {
        CsvTable t = CsvTable.parse(file, text, problems);
        List<Tariff> out = new ArrayList<>();
        if (!t.requireColumns(problems, "tariff", "region", "rule", "months", "day_type", "start", "end", "value",
                "unit", "source")) {
            return out;
        }
        Map<String, Acc> acc = new LinkedHashMap<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String id = r.required("tariff");
            if (!id.isEmpty() && !ID.matcher(id).matches()) {
                r.fail("tariff", id, "must be letters, digits, '_', '.' or '-'");
            }
            String region = r.required("region");
            String rule = r.required("rule");
            String source = r.source();
            Acc a = acc.computeIfAbsent(id, k -> new Acc(region));
            if (!a.region.equals(region)) {
                r.fail("region", region, "tariff " + id + " was given region " + a.region + " before");
            }
            switch (rule) {
                case "flat_price" -> {
                    double v = r.number("value", true);
                    if (!r.text("value").isEmpty() && !(v > 0)) {
                        r.fail("value", r.text("value"), "a flat price must be positive");
                    }
                    if (!r.text("unit").equals("cny_per_kwh")) {
                        r.fail("unit", r.text("unit"), "a flat price must be in cny_per_kwh");
                    }
                    if (a.flat != null) {
                        r.fail("rule", rule, "tariff " + id + " has a second flat_price");
                    }
                    if (r.ok()) {
                        a.flat = v;
                        a.flatSource = source;
                    }
                }
                case "holiday" -> {
                    LocalDate from = date(r, "start");
                    LocalDate to = date(r, "end");
                    if (from != null && to != null && to.isBefore(from)) {
                        r.fail("end", r.text("end"), "is before start " + from);
                    }
                    if (r.ok()) {
                        a.holidays.add(new Tariff.Holiday(from, to, source));
                    }
                }
                default -> {
                    Band band = r.parsed("rule", s -> {
                        try {
                            return Band.parse(s);
                        } catch (IllegalArgumentException e) {
                            throw new InvalidInputException("unknown rule '" + s + "'; expected flat_price, holiday, "
                                    + "peak, critical_peak, flat, valley or deep_valley");
                        }
                    });
                    int months = months(r);
                    TariffRule.DayType dayType = null;
                    try {
                        dayType = TariffRule.DayType.parse(r.text("day_type"));
                    } catch (IllegalArgumentException e) {
                        r.fail("day_type", r.text("day_type"), e.getMessage());
                    }
                    int start = minute(r, "start");
                    int end = minute(r, "end");
                    if (start >= 0 && end >= 0 && start >= end) {
                        r.fail("end", r.text("end"), "must be after start " + r.text("start")
                                + " (split a window across midnight into two rows)");
                    }
                    double mult = r.number("value", true);
                    if (!Double.isNaN(mult) && (mult < 0 || mult > 10)) {
                        r.fail("value", r.text("value"), "a multiplier must be between 0 and 10");
                    }
                    if (!r.text("unit").equals("multiplier")) {
                        r.fail("unit", r.text("unit"), "a window's value must be a multiplier (unit 'multiplier')");
                    }
                    if (r.ok()) {
                        a.rules.add(new TariffRule(band, months, dayType, start, end, mult, source));
                    }
                }
            }
        }
        for (Map.Entry<String, Acc> e : acc.entrySet()) {
            Acc a = e.getValue();
            if (a.flat == null) {
                problems.add(file, 0, 0, "rule", e.getKey(), "tariff " + e.getKey() + " has no flat_price row");
                continue;
            }
            out.add(new Tariff(e.getKey(), a.region, a.flat, a.flatSource, a.rules, a.holidays));
        }
        return out;
    }

    private static final class Acc {
        final String region;
        Double flat;
        String flatSource;
        final List<TariffRule> rules = new ArrayList<>();
        final List<Tariff.Holiday> holidays = new ArrayList<>();

        Acc(String region) {
            this.region = region;
        }
    }

    private static LocalDate date(RowReader r, String field) {
        String v = r.text(field);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            r.fail(field, v, "is not a date YYYY-MM-DD");
            return null;
        }
    }

    private static int minute(RowReader r, String field) {
        String v = r.text(field);
        Matcher m = HHMM.matcher(v);
        if (!m.matches()) {
            r.fail(field, v, "is not a time HH:MM");
            return -1;
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        if (h > 24 || min > 59 || (h == 24 && min > 0)) {
            r.fail(field, v, "is not a time between 00:00 and 24:00");
            return -1;
        }
        return h * 60 + min;
    }

    /** Month mask from "1|12", "3-6|10-11" or "*". */
    private static int months(RowReader r) {
        String v = r.text("months");
        if (v.isEmpty() || v.equals("*")) {
            return 0xFFF;
        }
        int mask = 0;
        for (String part : v.split("\\|")) {
            String[] ab = part.trim().split("-");
            try {
                int a = Integer.parseInt(ab[0].trim());
                int b = ab.length > 1 ? Integer.parseInt(ab[1].trim()) : a;
                if (ab.length > 2 || a < 1 || b > 12 || a > b) {
                    throw new NumberFormatException();
                }
                for (int m = a; m <= b; m++) {
                    mask |= 1 << (m - 1);
                }
            } catch (NumberFormatException e) {
                r.fail("months", v, "must be months 1-12 as a list joined by | with ranges a-b (e.g. 3-6|10-11) or *");
                return 0;
            }
        }
        return mask;
    }
}
