package org.lichain.environment;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Set;

/**
 * Fuzzes the measurement CSV reader: whatever the bytes, it never throws, and every data line is either accepted or
 * rejected exactly once (no line lost, none counted twice). CI runs the stored inputs (regression mode); fuzz by hand
 * with {@code JAZZER_FUZZ=1 ./mvnw -pl lichain-core test -Dtest=MeasurementCsvFuzzTest}.
 */
class MeasurementCsvFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void everyLineIsAcceptedOrRejectedExactlyOnce(@NotNull String body) throws Exception {
        String text = "station,time,analyte,value,unit,detection_limit,qualifier,lab\n" + body;
        long[] accepted = {0};
        long[] rejected = {0};
        long seen = MeasurementCsv.read(new BufferedReader(new StringReader(text)),
                Set.of("ST-INTAKE-GAOAN", "ST-BND-YIFENG"), new MeasurementCsv.Sink() {
                    @Override
                    public void accept(MeasurementCsv.Row row) {
                        assertThat(row.valueUgPerL()).isFinite().isGreaterThanOrEqualTo(0);
                        assertThat(row.station()).isIn("ST-INTAKE-GAOAN", "ST-BND-YIFENG");
                        accepted[0]++;
                    }

                    @Override
                    public void reject(MeasurementCsv.Rejected r) {
                        assertThat(r.line()).isGreaterThan(1);
                        assertThat(r.reason()).isNotBlank();
                        rejected[0]++;
                    }
                });
        assertThat(accepted[0] + rejected[0]).isEqualTo(seen);
    }

    @FuzzTest(maxDuration = "30s")
    void timeParserNeverThrows(@NotNull String s) {
        long v = MeasurementCsv.parseTimeMicros(s);
        if (v != Long.MIN_VALUE) {
            assertThat(s.length()).isIn(10, 16, 19);
        }
    }
}
