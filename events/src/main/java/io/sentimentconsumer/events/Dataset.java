package io.sentimentconsumer.events;

import static io.sentimentconsumer.events.Column.optional;
import static io.sentimentconsumer.events.Column.required;
import static io.sentimentconsumer.events.ColumnType.BIGINT;
import static io.sentimentconsumer.events.ColumnType.BOOLEAN;
import static io.sentimentconsumer.events.ColumnType.DOUBLE;
import static io.sentimentconsumer.events.ColumnType.STRING;
import static io.sentimentconsumer.events.ColumnType.STRINGS;
import static io.sentimentconsumer.events.ColumnType.TIMESTAMP;
import static io.sentimentconsumer.events.ColumnType.USD;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two datasets the consumer keeps in S3, one row per line of gzip JSON Lines objects: {@link #POSTS}, a row per
 * record that reached its final outcome, and {@link #CALLS}, a row per Converse call that returned usage. The
 * consumer writes rows by these columns, the stack declares its Glue tables from them, and the saved queries read
 * them, so all three spell every name the same way.
 *
 * <p>Objects live under {@code <prefix>/dt=yyyy-MM-dd/hour=HH/}. The partition comes from the first record's
 * arrival time on the stream, not from the time of processing, and the object's name from the stream, the shard and
 * the first and last sequence numbers: a redelivered range writes the same posts key again and overwrites its rows
 * instead of adding them twice. A calls object's name adds the delivery's invocation id: a redelivery that calls the
 * model again (an execution environment that no longer holds the first delivery's outcomes) is billed again, so
 * its calls are kept beside the first delivery's rather than written over them.
 */
public enum Dataset {

    POSTS("posts", false, List.of(
            required("post_id", STRING, "the post's id, or the record's position when the record has none"),
            optional("user_id", STRING, "the author's id"),
            optional("posted_at", STRING, "the post's own timestamp, as the producer wrote it"),
            optional("country", STRING, "the post's country"),
            optional("city", STRING, "the post's city"),
            optional("hashtags", STRINGS, "the post's hashtags"),
            optional("post_type", STRING, "the post's type"),
            optional("engagement_score", DOUBLE, "the producer's engagement score"),
            required("outcome", STRING, "scored, unscored or invalid"),
            optional("score", DOUBLE, "from -1 to 1, when scored"),
            optional("label", STRING, "positive, negative or neutral, when scored"),
            optional("reason", STRING, "why the record is unscored or invalid"),
            required("model_id", STRING, "the configured model (the ModelId dimension)"),
            optional("served_tier", STRING, "the service tier of the call that scored the post"),
            optional("call_id", STRING, "the call that scored the post, a calls.call_id"),
            required("stream", STRING, "the Kinesis stream's name"),
            required("shard_id", STRING, "the shard"),
            required("sequence_number", STRING, "the record's sequence number"),
            optional("sub_sequence_number", BIGINT, "the user record's position inside a KPL aggregate"),
            required("processed_at", TIMESTAMP, "when the delivery that wrote the row finished its analysis (UTC)"),
            optional("text", STRING, "the post's text: only with RESULTS_INCLUDE_TEXT=true, a privacy choice"))),

    CALLS("calls", true, List.of(
            required("call_id", STRING, "the call's id (a random UUID), unique across deliveries of the same range"),
            required("invocation_id", STRING, "the Lambda request id, or the worker's batch id"),
            required("called_at", TIMESTAMP, "when the call was sent (UTC)"),
            required("model_id", STRING, "the configured model (the ModelId dimension)"),
            optional("region", STRING, "the Region the call was sent from and is billed in"),
            required("routing", STRING, "in-region, geo:<geography> or global, from the model id"),
            optional("served_tier", STRING, "the service tier the response reported"),
            required("batch", BIGINT, "the batch's position in its delivery, from 1"),
            required("follow_up", BOOLEAN, "whether the call re-asked posts its batch's first answer left unscored"),
            required("posts", BIGINT, "posts in the call"),
            required("input_tokens", BIGINT, "billed input tokens"),
            required("output_tokens", BIGINT, "billed output tokens"),
            required("cache_read_input_tokens", BIGINT, "billed cache-read tokens"),
            required("cache_write_input_tokens", BIGINT, "billed cache-write tokens"),
            required("total_tokens", BIGINT, "every kind of token together"),
            optional("latency_ms", BIGINT, "the service's own latency"),
            required("duration_ms", DOUBLE, "client-side wall time, SDK retries included"),
            optional("cost_usd", USD, "the exact cost; null when the call is unpriced"),
            required("priced", BOOLEAN, "false when the price table has no price for the call"),
            required("attempts", BIGINT, "HTTP attempts inside the call"),
            required("throttles", BIGINT, "attempts Bedrock throttled"),
            required("abandoned_attempts", BIGINT, "attempts sent without an answer: Bedrock may have billed them"),
            required("stream", STRING, "the Kinesis stream's name"),
            required("shard_id", STRING, "the shard")));

    /** The Hive-style partition keys, in their order in the key. Both are strings: {@code dt=2026-12-01/hour=07}. */
    public static final List<Column> PARTITION_KEYS = List.of(
            required("dt", STRING, "the first record's arrival date on the stream (UTC)"),
            required("hour", STRING, "the first record's arrival hour on the stream (UTC), 00 to 23"));

    /** The form of every timestamp column's value. */
    public static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);
    /** What a key's name part may hold: stream names, shard ids and sequence numbers all fit. */
    private static final Pattern KEY_PART = Pattern.compile("[A-Za-z0-9_.-]{1,256}");

    private final String prefix;
    /** Whether each delivery keeps its own object: the calls it paid for are never written over. */
    private final boolean keyedByDelivery;
    private final List<Column> columns;

    Dataset(String prefix, boolean keyedByDelivery, List<Column> columns) {
        this.prefix = prefix;
        this.keyedByDelivery = keyedByDelivery;
        this.columns = List.copyOf(columns);
    }

    /** The key prefix, without a slash: {@code posts}, {@code calls}. Also the Glue table's name. */
    public String prefix() {
        return prefix;
    }

    public List<Column> columns() {
        return columns;
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Whether each delivery writes an object of its own ({@link #CALLS}), named by its invocation id too. */
    public boolean keyedByDelivery() {
        return keyedByDelivery;
    }

    /**
     * The object key of one delivered range's posts rows: {@code posts/dt=2026-12-01/hour=07/<stream>/<shard>/
     * <first>-<last>.jsonl.gz}. A redelivery of the range writes the same key.
     *
     * @param firstArrival the approximate arrival time of the range's first record on the stream
     * @throws IllegalStateException for {@link #CALLS}, whose key names the delivery too
     */
    public String key(Instant firstArrival, String stream, String shardId, String firstSequenceNumber,
                      String lastSequenceNumber) {
        if (keyedByDelivery) {
            throw new IllegalStateException(prefix + " objects are kept per delivery: name the delivery with "
                    + "key(firstArrival, stream, shardId, first, last, invocationId)");
        }
        return base(firstArrival, stream, shardId, firstSequenceNumber, lastSequenceNumber) + ".jsonl.gz";
    }

    /**
     * The object key of one delivery's calls rows: the range's name and the delivery's invocation id,
     * {@code calls/dt=2026-12-01/hour=07/<stream>/<shard>/<first>-<last>.<invocation id>.jsonl.gz}. Each delivery
     * that billed calls keeps its object; one that billed none writes none.
     *
     * @param invocationId the Lambda request id, or the worker's batch id
     * @throws IllegalStateException for {@link #POSTS}, whose key is the range's alone
     */
    public String key(Instant firstArrival, String stream, String shardId, String firstSequenceNumber,
                      String lastSequenceNumber, String invocationId) {
        if (!keyedByDelivery) {
            throw new IllegalStateException(prefix + " objects are the range's, written over by a redelivery: use "
                    + "key(firstArrival, stream, shardId, first, last)");
        }
        return base(firstArrival, stream, shardId, firstSequenceNumber, lastSequenceNumber) + "."
                + part(invocationId) + ".jsonl.gz";
    }

    private String base(Instant firstArrival, String stream, String shardId, String firstSequenceNumber,
                        String lastSequenceNumber) {
        Objects.requireNonNull(firstArrival, "firstArrival");
        return prefix + "/dt=" + DAY.format(firstArrival) + "/hour=" + HOUR.format(firstArrival) + "/"
                + part(stream) + "/" + part(shardId) + "/" + part(firstSequenceNumber) + "-"
                + part(lastSequenceNumber);
    }

    private static String part(String value) {
        if (value == null || !KEY_PART.matcher(value).matches()) {
            throw new IllegalArgumentException("an object key part must be 1 to 256 letters, digits, '.', '_' or "
                    + "'-'; was '" + value + "'");
        }
        return value;
    }
}
