package io.sentimentconsumer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final String FIRST = "49590338271490256608559692538361571095921575989136588898";
    private static final String LAST = "49590338271490256608559692540925702759324208523137515618";

    @Test
    void aRangesKeyIsItsFirstArrivalsHourAndItsStreamShardAndSequenceNumbers() {
        Instant arrival = Instant.parse("2026-12-01T07:59:59.999Z");

        assertThat(Dataset.POSTS.key(arrival, "sentiment-posts-dev", "shardId-000000000003", FIRST, LAST))
                .isEqualTo("posts/dt=2026-12-01/hour=07/sentiment-posts-dev/shardId-000000000003/" + FIRST + "-"
                        + LAST + ".jsonl.gz");
        assertThat(Dataset.POSTS.key(Instant.parse("2026-12-31T23:00:00Z"), "s", "shardId-0", "1", "2"))
                .isEqualTo("posts/dt=2026-12-31/hour=23/s/shardId-0/1-2.jsonl.gz");
    }

    @Test
    void aCallsKeyIsTheRangesNamePlusTheDeliveryThatPaidForTheCalls() {
        Instant arrival = Instant.parse("2026-12-01T07:59:59.999Z");
        String requestId = "c0ffee00-1111-4222-8333-444455556666";

        assertThat(Dataset.CALLS.key(arrival, "sentiment-posts-dev", "shardId-000000000003", FIRST, LAST, requestId))
                .isEqualTo("calls/dt=2026-12-01/hour=07/sentiment-posts-dev/shardId-000000000003/" + FIRST + "-"
                        + LAST + "." + requestId + ".jsonl.gz");
        assertThat(Dataset.CALLS.key(arrival, "s", "shardId-0", "1", "2", "redelivery"))
                .isNotEqualTo(Dataset.CALLS.key(arrival, "s", "shardId-0", "1", "2", "first-delivery"));
    }

    @Test
    void eachDatasetTakesOnlyTheKeyItsOverwriteRuleNeeds() {
        assertThat(Dataset.POSTS.keyedByDelivery()).isFalse();
        assertThat(Dataset.CALLS.keyedByDelivery()).isTrue();
        assertThatThrownBy(() -> Dataset.CALLS.key(Instant.EPOCH, "s", "shardId-0", "1", "2"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("invocationId");
        assertThatThrownBy(() -> Dataset.POSTS.key(Instant.EPOCH, "s", "shardId-0", "1", "2", "request"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("written over by a redelivery");
    }

    @Test
    void aKeyPartThatCouldEscapeItsPlaceIsRefused() {
        assertThatThrownBy(() -> Dataset.POSTS.key(Instant.EPOCH, "../other", "shardId-0", "1", "2"))
                .hasMessageContaining("was '../other'");
        assertThatThrownBy(() -> Dataset.POSTS.key(Instant.EPOCH, "s", "shard/0", "1", "2"))
                .hasMessageContaining("was 'shard/0'");
        assertThatThrownBy(() -> Dataset.CALLS.key(Instant.EPOCH, "s", "shardId-0", "1", "2", "a/b"))
                .hasMessageContaining("was 'a/b'");
    }

    @Test
    void columnNamesAreUniqueAndClearOfThePartitionKeys() {
        for (Dataset dataset : Dataset.values()) {
            assertThat(dataset.columns()).extracting(Column::name).doesNotHaveDuplicates()
                    .doesNotContain("dt", "hour");
        }
        assertThat(Dataset.PARTITION_KEYS).extracting(Column::name).containsExactly("dt", "hour");
    }

    @Test
    void timestampsAreWrittenInTheFormBothEnginesRead() {
        assertThat(Dataset.TIMESTAMP_FORMAT.format(Instant.parse("2026-12-01T07:05:09.042Z")))
                .isEqualTo("2026-12-01 07:05:09.042");
    }
}
