package io.sentimentconsumer.cli;

import io.sentimentconsumer.kcl.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts records on a stream with PutRecords in requests within the API's limits (500 records, 5 MiB counting data
 * and partition keys, 1 MiB per record). Only the entries a response reports as failed are sent again, with capped
 * exponential backoff; a request that fails as a whole (after the SDK's own retries) is retried the same way.
 */
final class StreamProducer {

    static final int MAX_RECORDS_PER_REQUEST = 500;
    static final long MAX_BYTES_PER_REQUEST = 5L * 1024 * 1024;
    static final long MAX_BYTES_PER_RECORD = 1024 * 1024;
    static final int MAX_ATTEMPTS = 10;

    /** One record to put: its partition key and data. */
    record Entry(String partitionKey, byte[] data) {
        long size() {
            return data.length + partitionKey.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** What a run did. {@code retries} counts entries sent again; {@code bytes} the data of the records sent. */
    record Result(long sent, long failed, long retries, long bytes) {}

    /** Sleeps between attempts; tests replace it. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final String stream;
    private final Function<PutRecordsRequest, PutRecordsResponse> putRecords;
    private final Sleeper sleeper;
    private final Backoff backoff;

    StreamProducer(String stream, Function<PutRecordsRequest, PutRecordsResponse> putRecords, Sleeper sleeper,
                   Backoff backoff) {
        this.stream = stream;
        this.putRecords = putRecords;
        this.sleeper = sleeper;
        this.backoff = backoff;
    }

    /**
     * Splits entries, in order, into requests of at most {@code maxRecords} records (1 to
     * {@link #MAX_RECORDS_PER_REQUEST}) and within the byte limits. A record over 1 MiB is placed like any other;
     * {@link #send} counts it as failed without sending it.
     */
    static List<List<Entry>> requests(List<Entry> entries, int maxRecords) {
        if (maxRecords < 1 || maxRecords > MAX_RECORDS_PER_REQUEST) {
            throw new IllegalArgumentException("maxRecords must be 1 to " + MAX_RECORDS_PER_REQUEST + "; was "
                    + maxRecords);
        }
        List<List<Entry>> requests = new ArrayList<>();
        List<Entry> current = new ArrayList<>();
        long bytes = 0;
        for (Entry entry : entries) {
            if (!current.isEmpty() && (current.size() == maxRecords
                    || bytes + entry.size() > MAX_BYTES_PER_REQUEST)) {
                requests.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(entry);
            bytes += entry.size();
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }

    /**
     * Sends one request's entries until each is on the stream or has failed {@link #MAX_ATTEMPTS} times.
     *
     * @param progress receives the number of records that made it after each attempt
     */
    Result send(List<Entry> entries, LongConsumer progress) throws InterruptedException {
        long failed = 0;
        long retries = 0;
        long sent = 0;
        long bytes = 0;
        List<Entry> pending = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.size() > MAX_BYTES_PER_RECORD) {
                failed++;
            } else {
                pending.add(entry);
            }
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                retries += pending.size();
                sleeper.sleep(backoff.delay(attempt - 1));
            }
            List<Entry> again = new ArrayList<>();
            try {
                PutRecordsResponse response = putRecords.apply(request(pending));
                List<PutRecordsResultEntry> results = response.records();
                for (int i = 0; i < pending.size(); i++) {
                    if (results.get(i).errorCode() != null) {
                        again.add(pending.get(i));
                    } else {
                        sent++;
                        bytes += pending.get(i).data().length;
                    }
                }
            } catch (SdkException e) {
                again = pending;
            }
            progress.accept(pending.size() - again.size());
            pending = again;
            if (attempt == MAX_ATTEMPTS) {
                failed += pending.size();
                break;
            }
        }
        return new Result(sent, failed, retries, bytes);
    }

    private PutRecordsRequest request(List<Entry> entries) {
        List<PutRecordsRequestEntry> records = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            records.add(PutRecordsRequestEntry.builder()
                    .partitionKey(entry.partitionKey())
                    .data(SdkBytes.fromByteArrayUnsafe(entry.data()))
                    .build());
        }
        return PutRecordsRequest.builder().streamName(stream).records(records).build();
    }
}
