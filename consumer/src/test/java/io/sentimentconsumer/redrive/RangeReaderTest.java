package io.sentimentconsumer.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.ingest.InputRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisServiceClientConfiguration;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

class RangeReaderTest {

    private static final String ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/posts";

    /** Record k of the fake shard: sparse, 56-digit sequence numbers, as Kinesis's are. */
    private static String seq(int k) {
        return "4960118965842235937883629852182763847532018901230" + (1_000_000 + 7L * k);
    }

    private static FailureRecord range(int from, int to, int batchSize) {
        return new FailureRecord("shardId-000000000000", seq(from), seq(to), batchSize, ARN, Instant.EPOCH, null);
    }

    private final List<Duration> pauses = new ArrayList<>();

    private RangeRead read(FakeShard shard, FailureRecord range) throws InterruptedException {
        return new RangeReader(shard, pauses::add).read(range);
    }

    private static List<String> sequenceNumbers(RangeRead read) {
        return read.records().stream().map(InputRecord::sequenceNumber).toList();
    }

    private static List<String> seqs(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            out.add(seq(k));
        }
        return out;
    }

    @Test
    void readsExactlyTheRangeInOneCallWhenItFitsAPage() throws Exception {
        FakeShard shard = new FakeShard(100);

        RangeRead read = read(shard, range(10, 39, 30));

        assertThat(sequenceNumbers(read)).isEqualTo(seqs(10, 39));
        assertThat(read.records()).allSatisfy(r -> assertThat(r.source()).isEqualTo(ARN + "/shardId-000000000000"));
        assertThat(read.lost()).isZero();
        assertThat(read.readable()).isTrue();
        // DescribeStreamSummary, GetShardIterator, one GetRecords.
        assertThat(read.requests()).isEqualTo(3);
        assertThat(shard.limits).containsExactly(30);
    }

    @Test
    void followsPagesToTheEndOfTheRange() throws Exception {
        FakeShard shard = new FakeShard(100);
        shard.pageSize = 12;

        RangeRead read = read(shard, range(10, 39, 30));

        assertThat(sequenceNumbers(read)).isEqualTo(seqs(10, 39));
        assertThat(read.requests()).isEqualTo(2 + 3);
    }

    @Test
    void aRejectedStartPastTheTrimHorizonLosesTheTrimmedRecordsAndReadsTheRest() throws Exception {
        FakeShard shard = new FakeShard(100);
        shard.trimmedBelow = 20;

        RangeRead read = read(shard, range(10, 39, 30));

        assertThat(sequenceNumbers(read)).isEqualTo(seqs(20, 39));
        assertThat(read.lost()).isEqualTo(10);
        assertThat(read.firstReadable()).isEqualTo(seq(20));
        assertThat(shard.iteratorTypes).containsExactly(ShardIteratorType.AT_SEQUENCE_NUMBER,
                ShardIteratorType.TRIM_HORIZON);
    }

    @Test
    void anIteratorThatStartsAfterTheTrimmedStartLosesTheSameRecords() throws Exception {
        FakeShard shard = new FakeShard(100);
        shard.trimmedBelow = 20;
        shard.rejectsTrimmed = false;

        RangeRead read = read(shard, range(10, 39, 30));

        assertThat(sequenceNumbers(read)).isEqualTo(seqs(20, 39));
        assertThat(read.lost()).isEqualTo(10);
        assertThat(shard.iteratorTypes).containsExactly(ShardIteratorType.AT_SEQUENCE_NUMBER);
    }

    @Test
    void aWhollyTrimmedRangeIsLostWhole() throws Exception {
        FakeShard shard = new FakeShard(100);
        shard.trimmedBelow = 50;

        RangeRead read = read(shard, range(10, 39, 30));

        assertThat(read.records()).isEmpty();
        assertThat(read.lost()).isEqualTo(30);
        assertThat(read.firstReadable()).isEqualTo(seq(50));
    }

    @Test
    void aStartRejectedWhileOlderRecordsRemainIsUnreadableNotLost() throws Exception {
        FakeShard shard = new FakeShard(100);
        // A sequence number between records 10 and 11: no record of this shard has it.
        FailureRecord foreign = new FailureRecord("shardId-000000000000", seq(10).replaceAll("0$", "1"), seq(39), 30,
                ARN, Instant.EPOCH, null);

        RangeRead read = read(shard, foreign);

        assertThat(read.readable()).isFalse();
        assertThat(read.unreadable()).contains("still holds older records").contains("another stream");
        assertThat(read.lost()).isZero();
    }

    @Test
    void walksOverEmptyPagesPausingBetweenThem() throws Exception {
        FakeShard shard = new FakeShard(100);
        shard.emptyPagesFirst = 3;

        RangeRead read = read(shard, range(10, 39, 30));

        assertThat(sequenceNumbers(read)).isEqualTo(seqs(10, 39));
        assertThat(pauses).containsExactly(RangeReader.EMPTY_PAGE_PAUSE, RangeReader.EMPTY_PAGE_PAUSE,
                RangeReader.EMPTY_PAGE_PAUSE);
    }

    @Test
    void givesUpOnEndlessEmptyPages() throws Exception {
        FakeShard shard = new FakeShard(100);
        shard.emptyPagesFirst = Integer.MAX_VALUE;

        RangeRead read = read(shard, range(10, 39, 30));

        assertThat(read.unreadable()).contains(RangeReader.MAX_EMPTY_PAGES + " GetRecords calls in a row");
        assertThat(pauses).hasSize(RangeReader.MAX_EMPTY_PAGES);
    }

    @Test
    void aStreamInAnotherRegionOrAccountIsNotReadByName() throws Exception {
        FakeShard shard = new FakeShard(100);
        FailureRecord elsewhere = new FailureRecord("shardId-000000000000", seq(10), seq(39), 30,
                ARN.replace("us-east-1", "eu-west-1"), Instant.EPOCH, null);
        assertThat(read(shard, elsewhere).unreadable()).contains("AWS_REGION=eu-west-1");

        FailureRecord otherAccount = new FailureRecord("shardId-000000000000", seq(10), seq(39), 30,
                ARN.replace("123456789012", "210987654321"), Instant.EPOCH, null);
        assertThat(read(shard, otherAccount).unreadable()).contains("use credentials of the failure record's account");
        assertThat(shard.iteratorTypes).isEmpty();
    }

    /**
     * One shard of records 0..n-1, of which those below {@code trimmedBelow} are past retention. Iterators are
     * record indexes; a trimmed start sequence number is rejected, or (with {@code rejectsTrimmed} false) starts at
     * the trim horizon, the two ways Kinesis has been seen to answer.
     */
    private static final class FakeShard implements KinesisClient {
        final int size;
        int trimmedBelow;
        boolean rejectsTrimmed = true;
        int pageSize = Integer.MAX_VALUE;
        int emptyPagesFirst;
        final List<ShardIteratorType> iteratorTypes = new ArrayList<>();
        final List<Integer> limits = new ArrayList<>();

        FakeShard(int size) {
            this.size = size;
        }

        @Override
        public KinesisServiceClientConfiguration serviceClientConfiguration() {
            return KinesisServiceClientConfiguration.builder().region(Region.US_EAST_1).build();
        }

        @Override
        public DescribeStreamSummaryResponse describeStreamSummary(DescribeStreamSummaryRequest request) {
            return DescribeStreamSummaryResponse.builder().streamDescriptionSummary(s -> s
                    .streamName(request.streamName()).streamARN(ARN).retentionPeriodHours(24)).build();
        }

        @Override
        public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
            iteratorTypes.add(request.shardIteratorType());
            int index = trimmedBelow;
            if (request.shardIteratorType() == ShardIteratorType.AT_SEQUENCE_NUMBER) {
                index = -1;
                for (int k = 0; k < size; k++) {
                    if (seq(k).equals(request.startingSequenceNumber())) {
                        index = k;
                    }
                }
                if (index < 0 || (index < trimmedBelow && rejectsTrimmed)) {
                    throw InvalidArgumentException.builder().message("StartingSequenceNumber "
                            + request.startingSequenceNumber() + " is invalid").build();
                }
                index = Math.max(index, trimmedBelow);
            }
            return GetShardIteratorResponse.builder().shardIterator(Integer.toString(index)).build();
        }

        @Override
        public GetRecordsResponse getRecords(GetRecordsRequest request) {
            limits.add(request.limit());
            int from = Integer.parseInt(request.shardIterator());
            if (emptyPagesFirst > 0) {
                emptyPagesFirst--;
                return GetRecordsResponse.builder().records(List.of()).millisBehindLatest(60_000L)
                        .nextShardIterator(request.shardIterator()).build();
            }
            int to = Math.min(size, from + Math.min(pageSize, request.limit()));
            List<Record> records = new ArrayList<>();
            for (int k = from; k < to; k++) {
                records.add(Record.builder().sequenceNumber(seq(k)).partitionKey("p")
                        .data(SdkBytes.fromUtf8String("{\"content\":\"post " + k + "\"}")).build());
            }
            return GetRecordsResponse.builder().records(records).millisBehindLatest(to == size ? 0L : 1000L)
                    .nextShardIterator(Integer.toString(to)).build();
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {}
    }
}
