package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.kcl.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class StreamProducerTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    private static List<StreamProducer.Entry> entries(int count, int bytes) {
        List<StreamProducer.Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new StreamProducer.Entry("user-" + i, new byte[bytes]));
        }
        return entries;
    }

    @Test
    void splitsAtFiveHundredRecordsAndFiveMebibytesInOrder() {
        assertThat(StreamProducer.requests(entries(1201, 10), 500)).extracting(List::size).containsExactly(500, 500, 201);
        // 100 KB records: 52 fit in 5 MiB with their keys, the 53rd would not.
        List<List<StreamProducer.Entry>> big = StreamProducer.requests(entries(120, 100_000), 500);
        assertThat(big).allSatisfy(r -> assertThat(r.stream().mapToLong(StreamProducer.Entry::size).sum())
                .isLessThanOrEqualTo(StreamProducer.MAX_BYTES_PER_REQUEST));
        assertThat(big.get(0)).hasSize(52);
        assertThat(big.stream().mapToInt(List::size).sum()).isEqualTo(120);
    }

    @Test
    void aRateSendsAtMostOneSecondsWorthOfRecordsPerRequest() {
        assertThat(StreamProducer.requests(entries(100, 10), ProduceCommand.recordsPerRequest(40.0)))
                .extracting(List::size).containsExactly(40, 40, 20);
        assertThat(ProduceCommand.recordsPerRequest(0.5)).isEqualTo(1);
        assertThat(ProduceCommand.recordsPerRequest(2.5)).isEqualTo(3);
        assertThat(ProduceCommand.recordsPerRequest(10_000.0)).isEqualTo(500);
        assertThat(ProduceCommand.recordsPerRequest(null)).isEqualTo(500);
    }

    @Test
    void resendsOnlyTheEntriesThatFailedWithBackoff() throws Exception {
        List<List<String>> sentKeys = new ArrayList<>();
        List<Duration> sleeps = new ArrayList<>();
        StreamProducer producer = new StreamProducer("s", request -> {
            List<String> keys = request.records().stream().map(PutRecordsRequestEntry::partitionKey).toList();
            sentKeys.add(keys);
            // First attempt: every odd entry is throttled; then everything succeeds.
            boolean first = sentKeys.size() == 1;
            List<PutRecordsResultEntry> results = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                results.add(first && i % 2 == 1
                        ? PutRecordsResultEntry.builder().errorCode("ProvisionedThroughputExceededException").build()
                        : PutRecordsResultEntry.builder().sequenceNumber("1").shardId("shardId-000000000000").build());
            }
            return PutRecordsResponse.builder().records(results)
                    .failedRecordCount(first ? keys.size() / 2 : 0).build();
        }, sleeps::add, BACKOFF);
        AtomicLong progress = new AtomicLong();

        StreamProducer.Result result = producer.send(entries(6, 10), progress::addAndGet);

        assertThat(sentKeys).containsExactly(
                List.of("user-0", "user-1", "user-2", "user-3", "user-4", "user-5"),
                List.of("user-1", "user-3", "user-5"));
        assertThat(sleeps).containsExactly(Duration.ofMillis(100));
        assertThat(result).isEqualTo(new StreamProducer.Result(6, 0, 3, 60));
        assertThat(progress.get()).isEqualTo(6);
    }

    @Test
    void givesUpOnEntriesAfterTheLastAttemptAndCountsThemFailed() throws Exception {
        List<PutRecordsRequest> requests = new ArrayList<>();
        StreamProducer producer = new StreamProducer("s", request -> {
            requests.add(request);
            throw SdkClientException.create("connection refused");
        }, d -> { }, BACKOFF);

        StreamProducer.Result result = producer.send(entries(3, 10), n -> { });

        assertThat(requests).hasSize(StreamProducer.MAX_ATTEMPTS);
        assertThat(result).isEqualTo(new StreamProducer.Result(0, 3, 3L * (StreamProducer.MAX_ATTEMPTS - 1), 0));
    }

    @Test
    void leavesOutARecordOverOneMebibyteAsFailed() throws Exception {
        StreamProducer producer = new StreamProducer("s", request -> PutRecordsResponse.builder()
                .records(request.records().stream().map(r -> PutRecordsResultEntry.builder().sequenceNumber("1")
                        .build()).toList()).build(), d -> { }, BACKOFF);

        StreamProducer.Result result = producer.send(
                List.of(new StreamProducer.Entry("k", new byte[1_100_000]), new StreamProducer.Entry("k", new byte[5])),
                n -> { });

        assertThat(result).isEqualTo(new StreamProducer.Result(1, 1, 0, 5));
    }
}
