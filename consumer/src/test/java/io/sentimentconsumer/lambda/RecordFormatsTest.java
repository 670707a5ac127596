package io.sentimentconsumer.lambda;

import static io.sentimentconsumer.testing.KinesisEvents.event;
import static io.sentimentconsumer.testing.KinesisEvents.post;
import static io.sentimentconsumer.testing.KinesisEvents.sequenceNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.FakeBedrock.Failure;
import io.sentimentconsumer.testing.ProducerFormats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Records as producers really write them: KPL-aggregated, gzip-compressed, delivered twice. */
class RecordFormatsTest {

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();

    private static ConsumerUnderTest consumer() {
        return new ConsumerUnderTest(bedrock, Map.of());
    }

    @Test
    void scoresEachUserRecordOfAKplAggregateAsItsOwnPost() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer();

        consumer.handle(event(List.of(
                post("before", "A plain record first"),
                ProducerFormats.kplAggregate(List.of(
                        post("kpl-1", "First aggregated post"),
                        post("kpl-2", "Second aggregated post"),
                        post("kpl-3", "Third aggregated post"))),
                post("after", "A plain record last"))));

        assertThat(bedrock.calls()).singleElement().satisfies(call -> assertThat(call.posts()).containsExactly(
                "A plain record first", "First aggregated post", "Second aggregated post", "Third aggregated post",
                "A plain record last"));
        List<RecordOutcome> outcomes = consumer.lastReport().outcomes();
        assertThat(outcomes).extracting(RecordOutcome::postId)
                .containsExactly("before", "kpl-1", "kpl-2", "kpl-3", "after");
        assertThat(outcomes).extracting(RecordOutcome::sequenceNumber).containsExactly(sequenceNumber(0),
                sequenceNumber(1), sequenceNumber(1), sequenceNumber(1), sequenceNumber(2));
        assertThat(outcomes).extracting(RecordOutcome::subSequenceNumber).containsExactly(null, 0, 1, 2, null);
        assertThat(outcomes.get(2).score()).isEqualTo(FakeBedrock.scoreOf("Second aggregated post"));
        assertThat(consumer.summary().path("recordsIn").asInt()).isEqualTo(5);
        assertThat(consumer.summary().path("kinesisRecords").asInt()).isEqualTo(3);
    }

    @Test
    void handsBackAnAggregateByItsOwnSequenceNumberOnce() {
        bedrock.script(call -> Failure.internal());
        var consumer = consumer();

        BatchResponse response = consumer.handle(event(List.of(ProducerFormats.kplAggregate(List.of(
                post("kpl-1", "one"), post("kpl-2", "two"))))));

        assertThat(response.itemIdentifiers())
                .containsExactly(sequenceNumber(0));
        assertThat(consumer.summary().path("handedBack").asInt()).isEqualTo(2);
    }

    @Test
    void anAggregateThatFailsItsDigestIsOneInvalidRecord() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer();

        BatchResponse response = consumer.handle(event(List.of(
                ProducerFormats.kplAggregateWithBadDigest(List.of(post("kpl-1", "one"))),
                post("ok", "still fine"))));

        assertThat(response.itemIdentifiers()).isEmpty();
        List<RecordOutcome> outcomes = consumer.lastReport().outcomes();
        assertThat(outcomes.get(0).kind()).isEqualTo(RecordOutcome.Kind.INVALID);
        assertThat(outcomes.get(0).reason()).isEqualTo("KPL aggregated record fails its MD5 check");
        assertThat(outcomes.get(1).kind()).isEqualTo(RecordOutcome.Kind.SCORED);
    }

    @Test
    void inflatesGzipRecordsAndRejectsCompressionBombs() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer();

        consumer.handle(event(List.of(
                ProducerFormats.gzip(post("gz", "Compressed but cheerful")),
                ProducerFormats.gzip(new byte[2 << 20]))));

        List<RecordOutcome> outcomes = consumer.lastReport().outcomes();
        assertThat(outcomes.get(0).score()).isEqualTo(FakeBedrock.scoreOf("Compressed but cheerful"));
        assertThat(outcomes.get(1).kind()).isEqualTo(RecordOutcome.Kind.INVALID);
        assertThat(outcomes.get(1).reason()).isEqualTo("gzip data inflates beyond 1048576 bytes");
    }

    @Test
    void analysesAPostDeliveredTwiceOnceAndGivesBothRecordsItsOutcome() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer();

        consumer.handle(event(List.of(
                post("same", "Delivered at least once"),
                post("other", "Something else"),
                post("same", "Delivered at least once"))));

        assertThat(bedrock.calls()).singleElement().satisfies(call -> assertThat(call.posts())
                .containsExactly("Delivered at least once", "Something else"));
        List<RecordOutcome> outcomes = consumer.lastReport().outcomes();
        assertThat(outcomes.get(2).kind()).isEqualTo(RecordOutcome.Kind.SCORED);
        assertThat(outcomes.get(2).score()).isEqualTo(outcomes.get(0).score());
        assertThat(outcomes.get(2).sequenceNumber()).isEqualTo(sequenceNumber(2));
        assertThat(outcomes.get(2).reason()).isEqualTo("duplicate of the post at sequence number " + sequenceNumber(0));
        assertThat(consumer.summary().path("duplicates").asInt()).isEqualTo(1);
        assertThat(consumer.summary().path("postsAnalyzed").asInt()).isEqualTo(2);
    }

    @Test
    void analysesAPostIdThatComesBackWithOtherContentAsAnotherPost() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer();

        consumer.handle(event(List.of(post("edited", "First version"), post("edited", "Second version"))));

        assertThat(bedrock.calls()).singleElement().satisfies(call -> assertThat(call.posts())
                .containsExactly("First version", "Second version"));
        assertThat(consumer.lastReport().outcomes().get(1).score()).isEqualTo(FakeBedrock.scoreOf("Second version"));
        assertThat(consumer.summary().path("duplicates").asInt()).isZero();
    }

    @Test
    void anAggregateOfAHundredThousandEmptyRecordsWritesAFewLinesAndCountsEveryRecordByReason() {
        bedrock.script(FakeBedrock::scoreAll);
        var consumer = consumer();
        List<byte[]> empty = new java.util.ArrayList<>();
        for (int k = 0; k < 100_000; k++) {
            empty.add(new byte[0]);
        }

        BatchResponse response = consumer.handle(event(List.of(ProducerFormats.kplAggregate(empty))));

        assertThat(response.itemIdentifiers()).isEmpty();
        assertThat(bedrock.calls()).isEmpty();
        // Twenty invalid records in detail, one line for the rest, the summary: not 100,004 lines.
        assertThat(consumer.logEvents()).hasSizeLessThanOrEqualTo(25);
        assertThat(consumer.logEvents("invalid_record")).hasSize(20);
        assertThat(consumer.logEvents("invalid_records_more")).singleElement().satisfies(line -> {
            assertThat(line.path("records").asInt()).isEqualTo(99_980);
            assertThat(line.path("byReason").path("data is empty").asInt()).isEqualTo(99_980);
        });
        JsonNode summary = consumer.summary();
        assertThat(summary.path("invalid").asInt()).isEqualTo(100_000);
        assertThat(summary.path("invalidByReason").path("data is empty").asInt()).isEqualTo(100_000);
    }
}
