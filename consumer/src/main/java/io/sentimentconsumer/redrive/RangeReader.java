package io.sentimentconsumer.redrive;

import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.ingest.RecordOrigin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;

/**
 * Reads exactly a failure record's range from its shard: {@code GetShardIterator} at the start sequence number, then
 * {@code GetRecords} until past the end sequence number.
 *
 * <p>Records past the stream's retention are gone, and Kinesis says so in more than one way: it may reject the
 * start sequence number ({@code InvalidArgumentException}; kinesis-local answers {@code ResourceNotFoundException}
 * for a sequence number it does not hold), or hand out an iterator whose first records come after the start. Either
 * way the shard's oldest record, read from {@code TRIM_HORIZON}, settles it: when it is after the range's start, the
 * records before it are lost and those after it are still read; when it is not, the sequence number was rejected
 * for another reason (a message from another stream?) and the range is unreadable, never reported as lost.
 */
public final class RangeReader {

    /** GetRecords answers without records while it walks over trimmed or empty stretches of a shard; not forever. */
    static final int MAX_EMPTY_PAGES = 50;
    /** Between empty pages: a shard serves 5 GetRecords a second to all its readers, the event source mapping too. */
    static final Duration EMPTY_PAGE_PAUSE = Duration.ofMillis(200);
    private static final int MAX_RECORDS_PER_CALL = 10_000;

    /** Pauses between calls; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final KinesisClient kinesis;
    private final Pause pause;
    /** Per stream ARN, why it cannot be read here ("" when it can): asked once per run. */
    private final Map<String, String> streamProblems = new HashMap<>();

    public RangeReader(KinesisClient kinesis, Pause pause) {
        this.kinesis = kinesis;
        this.pause = pause;
    }

    public RangeRead read(FailureRecord range) throws InterruptedException {
        Reading reading = new Reading(range);
        try {
            String problem = streamProblem(range, reading);
            return problem.isEmpty() ? reading.read() : RangeRead.unreadable(problem, reading.requests);
        } catch (SdkException e) {
            return RangeRead.unreadable("Kinesis answered " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    reading.requests);
        }
    }

    /**
     * Reading by name is reading whatever stream has that name for these credentials in this region: check that it
     * is the one the failure record names.
     */
    private String streamProblem(FailureRecord range, Reading reading) {
        String known = streamProblems.get(range.streamArn());
        if (known != null) {
            return known;
        }
        String problem;
        String region = kinesis.serviceClientConfiguration().region().id();
        if (!region.equals(range.region())) {
            problem = "the stream is in " + range.region() + " but the Kinesis client is in " + region + ": run "
                    + "redrive with AWS_REGION=" + range.region();
        } else {
            try {
                reading.requests++;
                StreamDescriptionSummary stream = kinesis.describeStreamSummary(r -> r.streamName(range.streamName()))
                        .streamDescriptionSummary();
                problem = stream.streamARN().equals(range.streamArn()) ? ""
                        : "the stream named " + range.streamName() + " here is " + stream.streamARN() + ", not "
                        + range.streamArn() + ": use credentials of the failure record's account";
            } catch (ResourceNotFoundException e) {
                problem = "stream " + range.streamName() + " not found in " + region + " (deleted, or another "
                        + "account's?): " + e.getMessage();
            }
        }
        streamProblems.put(range.streamArn(), problem);
        return problem;
    }

    /** One range's reading, with the requests it took. */
    private final class Reading {
        private final FailureRecord range;
        private final List<InputRecord> found = new ArrayList<>();
        /** As the handler names a record's shard, so that a range read twice in a run is scored once. */
        private final String source;
        private String firstSeen;
        private int requests;

        Reading(FailureRecord range) {
            this.range = range;
            this.source = range.streamArn() + "/" + range.shardId();
        }

        RangeRead read() throws InterruptedException {
            String iterator;
            boolean fromTrimHorizon = false;
            try {
                iterator = iterator(ShardIteratorType.AT_SEQUENCE_NUMBER);
            } catch (InvalidArgumentException | ResourceNotFoundException rejected) {
                // Maybe past retention: the shard's oldest record says (below). A missing shard fails here too.
                iterator = iterator(ShardIteratorType.TRIM_HORIZON);
                fromTrimHorizon = true;
            }
            String problem = readFrom(iterator, fromTrimHorizon);
            if (problem != null) {
                return RangeRead.unreadable(problem, requests);
            }
            boolean startFound = !found.isEmpty()
                    && found.get(0).sequenceNumber().equals(range.startSequenceNumber());
            int lost = startFound ? 0 : Math.max(1, range.batchSize() - found.size());
            String firstReadable = startFound ? null : firstSeen;
            return new RangeRead(found, lost, firstReadable, null, requests);
        }

        /** Where the record sits, for its results row: the range's stream and shard and its arrival time. */
        private RecordOrigin origin(Record record) {
            return record.approximateArrivalTimestamp() == null ? null : RecordOrigin.of(range.streamName(),
                    range.shardId(), record.sequenceNumber(), record.approximateArrivalTimestamp());
        }

        private String iterator(ShardIteratorType type) {
            requests++;
            return kinesis.getShardIterator(r -> {
                r.streamName(range.streamName()).shardId(range.shardId()).shardIteratorType(type);
                if (type == ShardIteratorType.AT_SEQUENCE_NUMBER) {
                    r.startingSequenceNumber(range.startSequenceNumber());
                }
            }).shardIterator();
        }

        /** Collects the range's records; returns why the range cannot be read, or null. */
        private String readFrom(String iterator, boolean fromTrimHorizon) throws InterruptedException {
            int limit = Math.min(MAX_RECORDS_PER_CALL, range.batchSize());
            int empty = 0;
            while (iterator != null) {
                String current = iterator;
                requests++;
                GetRecordsResponse page = kinesis.getRecords(r -> r.shardIterator(current).limit(limit));
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    Long behind = page.millisBehindLatest();
                    if (behind == null || behind == 0) {
                        return null; // at the tip: nothing more will come of this range
                    }
                    if (++empty > MAX_EMPTY_PAGES) {
                        return MAX_EMPTY_PAGES + " GetRecords calls in a row answered no records, " + behind
                                + " ms behind the shard's latest record; run redrive again later";
                    }
                    pause.pause(EMPTY_PAGE_PAUSE);
                    continue;
                }
                empty = 0;
                if (firstSeen == null) {
                    firstSeen = page.records().get(0).sequenceNumber();
                    if (fromTrimHorizon && range.position(firstSeen) < 0) {
                        return "the shard rejected start sequence number " + range.startSequenceNumber()
                                + " although it still holds older records (from " + firstSeen + "): is the "
                                + "failure record from another stream of the same name?";
                    }
                }
                for (Record record : page.records()) {
                    int position = range.position(record.sequenceNumber());
                    if (position == 0) {
                        found.add(new InputRecord(record.sequenceNumber(), record.data().asByteArray(), source,
                                origin(record)));
                    }
                    if (position > 0 || record.sequenceNumber().equals(range.endSequenceNumber())) {
                        return null;
                    }
                }
            }
            return null; // the shard is closed and read to its end
        }
    }
}
