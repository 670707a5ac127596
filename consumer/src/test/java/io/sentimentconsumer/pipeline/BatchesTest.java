package io.sentimentconsumer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void cutsInOrderWithTheRestInTheLastBatch() {
        assertThat(Batches.of(List.of("a", "b", "c", "d", "e"), 2))
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    }

    @Test
    void anExactMultipleMakesFullBatchesOnly() {
        assertThat(Batches.of(List.of("a", "b", "c", "d"), 2)).containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void nothingMakesNoBatch() {
        assertThat(Batches.of(List.of(), 25)).isEmpty();
    }

    @Test
    void aBatchOfNoPostsIsRefused() {
        assertThatThrownBy(() -> Batches.of(List.of("a"), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch holds at least one post; size was 0");
    }
}
