package io.sentimentconsumer.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every record counts once where it ended, so the records in are the sum of the places they can end. */
class RecordCountsTest {

    @Test
    void recordsInIsEveryPlaceARecordCanEndButNotTheTruncatedOrRepeatedPosts() {
        RecordCounts counts = RecordCounts.builder().positive(12).negative(9).neutral(4).unscored(2).invalid(1)
                .handedBack(2).reused(3).truncated(5).duplicates(7).build();

        assertThat(counts.scored()).isEqualTo(25);
        assertThat(counts.recordsIn()).isEqualTo(33);
    }

    @Test
    void eachCallOfTheBuilderAddsToItsCount() {
        RecordCounts counts = RecordCounts.builder().positive(1).positive(1).unscored(1).positive(1).build();

        assertThat(counts.positive()).isEqualTo(3);
        assertThat(counts.unscored()).isEqualTo(1);
        assertThat(counts.recordsIn()).isEqualTo(4);
    }

    @Test
    void countsOfTwoDeliveriesAddUpPerPlace() {
        RecordCounts first = RecordCounts.builder().positive(2).invalid(1).truncated(1).build();
        RecordCounts second = RecordCounts.builder().negative(3).invalid(1).reused(4).duplicates(2).build();

        RecordCounts both = first.plus(second);

        assertThat(both).isEqualTo(new RecordCounts(2, 3, 0, 0, 2, 0, 1, 2, 4));
        assertThat(both.recordsIn()).isEqualTo(11);
        assertThat(RecordCounts.NONE.recordsIn()).isZero();
    }
}
