package io.sentimentconsumer.lambda;

import static io.sentimentconsumer.testing.ConsumerUnderTest.failures;
import static io.sentimentconsumer.testing.KinesisEvents.event;
import static io.sentimentconsumer.testing.KinesisEvents.post;
import static io.sentimentconsumer.testing.KinesisEvents.posts;
import static io.sentimentconsumer.testing.KinesisEvents.sequenceNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.FakeBedrock.Failure;
import io.sentimentconsumer.testing.KinesisEvents;
import io.sentimentconsumer.testing.KinesisEvents.EventRecord;
import io.sentimentconsumer.testing.ProducerFormats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lambda redelivers from the lowest handed-back record: everything after it comes back, also what batches running
 * alongside already scored. A warm environment reuses those outcomes: each post is billed, and counted, once.
 */
class RedeliveryTest {

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();

    /** The posts of every answered call, in the order answered: what the model billed. */
    private final List<String> billed = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean firstPostFails = new AtomicBoolean(true);

    private void script(String failingText) {
        bedrock.script(call -> {
            if (firstPostFails.get() && call.posts().contains(failingText)) {
                return Failure.internal();
            }
            billed.addAll(call.posts());
            return FakeBedrock.scoreAll(call);
        });
    }

    @Test
    void recordsThatBatchesAlongsideAlreadyScoredAreNotBilledAgainOnRedelivery() {
        List<byte[]> data = posts(20);
        script("Post number 1 about the weather, which was fine 1");
        var consumer = new ConsumerUnderTest(bedrock, Map.of("BATCH_SIZE", "5", "BEDROCK_CONCURRENCY", "4"));

        BatchResponse first = consumer.handle(event(data));
        JsonNode firstSummary = consumer.summary();
        firstPostFails.set(false);
        // Lambda's rule: the next delivery starts at the lowest handed-back record and holds everything after it.
        int lowest = indexOf(failures(first).get(0));
        BatchResponse second = consumer.handle(redelivery(data, lowest));
        JsonNode secondSummary = consumer.summary();

        assertThat(failures(first)).containsExactly(sequenceNumber(0), sequenceNumber(1), sequenceNumber(2),
                sequenceNumber(3), sequenceNumber(4));
        assertThat(failures(second)).isEmpty();
        assertThat(billed).as("each of the 20 posts billed once").hasSize(20).doesNotHaveDuplicates();
        assertThat(secondSummary.path("reused").asInt()).isEqualTo(15);
        assertThat(secondSummary.path("recordsIn").asInt()).isEqualTo(20);
        assertThat(scored(firstSummary) + scored(secondSummary)).as("each post counted once").isEqualTo(20);
        assertThat(consumer.lastReport().outcomes()).allMatch(o -> o.kind().name().equals("SCORED"));
        assertThat(consumer.logEvents("outcomes_reused")).singleElement()
                .satisfies(e -> assertThat(e.path("records").asInt()).isEqualTo(15));
    }

    @Test
    void theScoredUserRecordsOfAnAggregateHandedBackAreNotBilledAgain() {
        List<byte[]> users = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            users.add(post("kpl-" + k, "aggregated post " + k));
        }
        script("aggregated post 5");
        var consumer = new ConsumerUnderTest(bedrock, Map.of("BATCH_SIZE", "3", "BEDROCK_CONCURRENCY", "2"));
        List<byte[]> data = List.of(ProducerFormats.kplAggregate(users));

        BatchResponse first = consumer.handle(event(data));
        firstPostFails.set(false);
        BatchResponse second = consumer.handle(event(data));

        assertThat(failures(first)).containsExactly(sequenceNumber(0));
        assertThat(failures(second)).isEmpty();
        assertThat(billed).hasSize(6).doesNotHaveDuplicates();
        assertThat(consumer.summary().path("reused").asInt()).isEqualTo(3);
    }

    @Test
    void aFreshEnvironmentRemembersNothingAndPaysAgain() {
        List<byte[]> data = posts(10);
        script("no post fails");
        new ConsumerUnderTest(bedrock, Map.of()).handle(event(data));

        var fresh = new ConsumerUnderTest(bedrock, Map.of());
        fresh.handle(event(data));

        assertThat(billed).hasSize(20);
        assertThat(fresh.summary().path("reused").asInt()).isZero();
    }

    private static int scored(JsonNode summary) {
        return summary.path("positive").asInt() + summary.path("negative").asInt() + summary.path("neutral").asInt();
    }

    private static int indexOf(String sequenceNumber) {
        for (int i = 0; ; i++) {
            if (sequenceNumber(i).equals(sequenceNumber)) {
                return i;
            }
        }
    }

    /** The records from {@code from} on, with their original sequence numbers. */
    private static String redelivery(List<byte[]> data, int from) {
        List<EventRecord> records = new ArrayList<>();
        for (int i = from; i < data.size(); i++) {
            records.add(new EventRecord(sequenceNumber(i), "user",
                    data.get(i)));
        }
        return KinesisEvents.eventOf(records);
    }
}
