package org.lichain.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.From;

/** The dataset CSV reader against arbitrary and adversarial text (a property-based fuzz of the parser). */
class CsvTablePropertyTest {

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.strings().withChars("ab ,\"\n\r#é1").ofMinLength(0).ofMaxLength(12);
    }

    static String quote(String f) {
        return "\"" + f.replace("\"", "\"\"") + "\"";
    }

    /** Any table of fields written with RFC 4180 quoting reads back the same (fields are trimmed). */
    @Property(tries = 400)
    void quotedFields_roundTrip(@ForAll @Size(min = 1, max = 6) List<@Size(min = 3, max = 3) List<@From("fields") String>> rows) {
        StringBuilder sb = new StringBuilder("a,b,c\n");
        for (List<String> r : rows) {
            sb.append(quote(r.get(0))).append(',').append(quote(r.get(1))).append(',').append(quote(r.get(2))).append('\n');
        }
        Problems p = new Problems();
        CsvTable t = CsvTable.parse("f.csv", sb.toString(), p);
        assertThat(p.list()).isEmpty();
        int k = 0;
        for (List<String> r : rows) {
            CsvTable.Row row = t.rows().get(k++);
            for (int i = 0; i < 3; i++) {
                assertThat(row.fields()[i]).isEqualTo(r.get(i).trim());
            }
        }
        assertThat(t.rows()).hasSize(rows.size());
    }

    /** Arbitrary text never makes the reader throw: it either parses or reports located problems. */
    @Property(tries = 1000)
    void arbitraryText_neverThrows(@ForAll @net.jqwik.api.constraints.StringLength(max = 200) String text) {
        Problems p = new Problems();
        CsvTable t = CsvTable.parse("f.csv", text, p);
        for (Problem problem : p.list()) {
            assertThat(problem.file()).isEqualTo("f.csv");
            assertThat(problem.line()).isBetween(0, text.split("\n", -1).length + 1);
        }
        for (CsvTable.Row r : t.rows()) {
            assertThat(r.fields()).hasSize(t.header().size());
        }
    }
}
