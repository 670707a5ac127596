package io.sentimentconsumer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeMemoryTest {

    private static OutcomeMemory.Key key(int n) {
        return new OutcomeMemory.Key("arn:aws:kinesis:us-east-1:1:stream/s/shardId-0", Integer.toString(n), null);
    }

    private static RecordOutcome scored(int n) {
        return new RecordOutcome.Scored(Integer.toString(n), null, "p" + n, 0.5, null);
    }

    @Test
    void recallsWhatItRememberedByStreamShardAndSequenceNumber() {
        OutcomeMemory memory = new OutcomeMemory(1 << 20);
        memory.remember(key(1), scored(1));

        assertThat(memory.recall(key(1))).contains(scored(1));
        assertThat(memory.recall(key(2))).isEmpty();
        assertThat(memory.recall(new OutcomeMemory.Key("another stream/shardId-0", "1", null))).isEmpty();
        assertThat(memory.recall(new OutcomeMemory.Key(key(1).source(), "1", 0))).as("a user record").isEmpty();
    }

    @Test
    void aRecordHandedBackIsNotFinalAndIsNotRemembered() {
        OutcomeMemory memory = new OutcomeMemory(1 << 20);
        memory.remember(key(1), new RecordOutcome.HandedBack("1", null, "p1", "call failed"));

        assertThat(memory.recall(key(1))).isEmpty();
    }

    @Test
    void staysWithinItsBytesByForgettingTheLeastRecentlyUsed() {
        // Each entry weighs 200 + 2 × (46 + 1 + 2) = 298 bytes by the memory's estimate: 10 fit in 3,000, not 11.
        OutcomeMemory memory = new OutcomeMemory(3_000);
        for (int n = 0; n < 10; n++) {
            memory.remember(key(n), scored(n));
        }
        memory.recall(key(0));
        memory.remember(key(10), new RecordOutcome.Scored("10", null, "p1", 0.5, null));

        assertThat(memory.size()).isEqualTo(10);
        assertThat(memory.recall(key(0))).as("used recently").isPresent();
        assertThat(memory.recall(key(1))).as("the least recently used").isEmpty();
        assertThat(memory.recall(key(10))).isPresent();
    }

    @Test
    void noneKeepsNothing() {
        OutcomeMemory memory = OutcomeMemory.none();
        memory.remember(key(1), scored(1));

        assertThat(memory.recall(key(1))).isEmpty();
    }
}
