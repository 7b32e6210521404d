package org.lichain.dataset;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lichain.world.MonthlyPrices;
import org.lichain.world.World;

/**
 * Loads {@link MonthlyPrices} from {@code prices_monthly.csv} (columns series, period YYYY-MM, value, unit, kind,
 * source). A user folder without the file has no record (its {@code reference_prices.csv} then gives the default
 * prices), so the embedded SMM prices never mix silently with a user's own data. Checked: period is a month, value positive, unit matches the series, kind one of {@code monthly_avg} and
 * {@code month_end}, one value per series, month and kind, and a source on every row.
 */
public final class MonthlyPricesExtension implements DatasetExtension<MonthlyPrices> {
    public static final String FILE = "prices_monthly.csv";
    /** Allowed unit per known series; other series may use any of the units here. */
    static final Map<String, String> UNITS = Map.of(MonthlyPrices.CARBONATE_SMM, "cny_per_t_incl_vat");
    static final Set<String> ANY_UNIT = Set.of("cny_per_t_incl_vat", "cny_per_t", "usd_per_t");
    static final Set<String> KINDS = Set.of(MonthlyPrices.MONTHLY_AVG, MonthlyPrices.MONTH_END);

    @Override
    public Class<MonthlyPrices> type() {
        return MonthlyPrices.class;
    }

    @Override
    public List<String> files() {
        return List.of(FILE);
    }

    @Override
    public MonthlyPrices load(DatasetSource source, World core, Problems problems) {
        var text = source.read(FILE);
        if (text.isEmpty()) {
            return MonthlyPrices.empty();
        }
        return parse(CsvTable.parse(FILE, text.get(), problems), problems);
    }

    static MonthlyPrices parse(CsvTable t, Problems problems) {
        List<MonthlyPrices.Point> out = new ArrayList<>();
        if (!t.requireColumns(problems, "series", "period", "value", "unit", "kind", "source")) {
            return new MonthlyPrices(out);
        }
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : t.rows()) {
            RowReader r = new RowReader(t, row, problems);
            String series = r.required("series");
            YearMonth period = r.month("period", true);
            double value = r.number("value", true);
            if (r.ok() && !(value > 0)) {
                r.fail("value", r.text("value"), "must be a positive price");
            }
            String unit = r.required("unit");
            String expected = UNITS.get(series);
            if (!unit.isEmpty() && expected != null && !unit.equals(expected)) {
                r.fail("unit", unit, "series " + series + " is in " + expected);
            } else if (!unit.isEmpty() && expected == null && !ANY_UNIT.contains(unit)) {
                r.fail("unit", unit, "must be one of " + new java.util.TreeSet<>(ANY_UNIT));
            }
            String kind = r.required("kind");
            if (!kind.isEmpty() && !KINDS.contains(kind)) {
                r.fail("kind", kind, "must be monthly_avg or month_end");
            }
            String src = r.source();
            if (r.ok() && !seen.add(series + "|" + period + "|" + kind)) {
                r.fail("period", period.toString(), "duplicate " + kind + " for series " + series);
            }
            if (r.ok()) {
                out.add(new MonthlyPrices.Point(series, period, value, unit, kind, src));
            }
        }
        return new MonthlyPrices(out);
    }
}
