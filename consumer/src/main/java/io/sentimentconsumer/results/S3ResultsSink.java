package io.sentimentconsumer.results;

import io.sentimentconsumer.events.Dataset;
import io.sentimentconsumer.ingest.RecordOrigin;
import io.sentimentconsumer.pipeline.RecordResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes each delivery's rows to S3 as gzip JSON Lines, one object per dataset: the calls first, then the posts,
 * so that posts rows exist only once the calls that scored them are kept. The posts object is the range's
 * ({@link Dataset#key(java.time.Instant, String, String, String, String)}): a redelivery of the range writes it
 * over. The calls object is the delivery's ({@link Dataset#key(java.time.Instant, String, String, String, String,
 * String)}): a redelivery that paid for calls again keeps them beside the first delivery's.
 *
 * <p>One PutObject per object, never multipart: the stack lets the runtimes encrypt under the bucket's KMS key for
 * single-request uploads only. No {@code Content-Encoding}: the object is a gzip file, as its {@code .gz} name and
 * content type say, and Athena and DuckDB tell the compression by the extension. Encryption is left to the
 * bucket's default (SSE-KMS in the stack).
 */
public final class S3ResultsSink implements ResultsSink {

    /** What the bytes are: a gzip file (of JSON Lines, as the {@code .jsonl.gz} name says). */
    static final String CONTENT_TYPE = "application/gzip";

    private final S3Client s3;
    private final String bucket;
    private final PostRows posts;
    private final CallRows calls;

    /**
     * @param modelId     the configured model: every row's {@code model_id}
     * @param region      the Region calls are billed in, {@code null} when unknown: the calls rows' {@code region}
     * @param includeText whether posts rows carry the post's text
     */
    public S3ResultsSink(S3Client s3, String bucket, String modelId, String region, boolean includeText) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.posts = new PostRows(modelId, includeText);
        this.calls = new CallRows(modelId, region);
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void write(DeliveryResults results) {
        if (!results.calls().isEmpty()) {
            RecordOrigin first = results.first();
            String key = Dataset.CALLS.key(first.arrival(), first.stream(), first.shardId(), first.sequenceNumber(),
                    results.last().sequenceNumber(), results.invocationId());
            List<Map<String, Object>> rows = new ArrayList<>(results.calls().size());
            results.calls().forEach(billed -> rows.add(calls.row(billed.call(), billed.invocationId(), first)));
            put(Dataset.CALLS, key, rows);
        }
        if (!results.finals().isEmpty()) {
            RecordOrigin first = results.finals().get(0).origin();
            RecordOrigin last = results.finals().get(results.finals().size() - 1).origin();
            String key = Dataset.POSTS.key(first.arrival(), first.stream(), first.shardId(), first.sequenceNumber(),
                    last.sequenceNumber());
            List<Map<String, Object>> rows = new ArrayList<>(results.finals().size());
            for (RecordResult record : results.finals()) {
                rows.add(posts.row(record, results.processedAt()));
            }
            put(Dataset.POSTS, key, rows);
        }
    }

    private void put(Dataset dataset, String key, List<Map<String, Object>> rows) {
        try {
            byte[] body = JsonLinesGzip.encode(rows);
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(CONTENT_TYPE), RequestBody.fromBytes(body));
        } catch (SdkException | java.io.UncheckedIOException e) {
            throw new ResultsWriteException(dataset, bucket, key, e);
        }
    }
}
