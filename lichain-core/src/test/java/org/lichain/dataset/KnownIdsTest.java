package org.lichain.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link KnownIds}: the edit distance its suggestions rank by. */
class KnownIdsTest {

    @Test
    void distance_isTheLevenshteinDistance() {
        assertThat(org.lichain.dataset.KnownIds.distance("CN-JX-1", "CN-JX-01")).isEqualTo(1); // one insertion
        assertThat(org.lichain.dataset.KnownIds.distance("kitten", "sitting")).isEqualTo(3);  // the textbook case
    }
}
