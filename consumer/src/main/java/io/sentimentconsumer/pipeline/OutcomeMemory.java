package io.sentimentconsumer.pipeline;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The final outcomes of recently finished records, kept in the execution environment so that a redelivery does
 * not call the model, or bill, again. Lambda redelivers from the lowest handed-back record, so every record after
 * it comes back, including those that batches running alongside already scored; KPL aggregates come back whole.
 *
 * <p>Keyed by stream, shard, sequence and sub-sequence number, which name a record across deliveries. Only final
 * outcomes (scored, unscored, invalid) are kept. The memory is bounded by an estimate of its bytes and forgets the
 * least recently used first: a redelivery comes within seconds of its first delivery, so the newest outcomes are
 * the ones worth keeping. A fresh execution environment remembers nothing: the waste there is unavoidable, and the
 * summary's {@code reused} says how often the memory saved a call.
 */
public final class OutcomeMemory {

    /** What names a record across deliveries. */
    public record Key(String source, String sequenceNumber, Integer subSequenceNumber) {}

    /** Lambda's largest batch is 10,000 records; this holds about three of them. */
    public static final long DEFAULT_BYTES = 8L << 20;

    /** Object headers, references and the fields' boxes, roughly, per entry. */
    private static final int ENTRY_OVERHEAD_BYTES = 200;

    private final long maxBytes;
    private final LinkedHashMap<Key, RecordOutcome> outcomes = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    public OutcomeMemory(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A memory that keeps nothing: for runtimes that never redeliver to the same process. */
    public static OutcomeMemory none() {
        return new OutcomeMemory(0);
    }

    public synchronized Optional<RecordOutcome> recall(Key key) {
        return Optional.ofNullable(outcomes.get(key));
    }

    /** Keeps a final outcome; an outcome that is not final (handed back) is not kept. */
    public synchronized void remember(Key key, RecordOutcome outcome) {
        if (outcome.kind() == RecordOutcome.Kind.HANDED_BACK || maxBytes == 0) {
            return;
        }
        RecordOutcome previous = outcomes.put(key, outcome);
        if (previous != null) {
            bytes -= weight(key, previous);
        }
        bytes += weight(key, outcome);
        Iterator<Map.Entry<Key, RecordOutcome>> eldest = outcomes.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<Key, RecordOutcome> entry = eldest.next();
            bytes -= weight(entry.getKey(), entry.getValue());
            eldest.remove();
        }
    }

    public synchronized int size() {
        return outcomes.size();
    }

    /** An estimate in bytes: two per character of the strings the entry holds, plus a fixed overhead. */
    private static long weight(Key key, RecordOutcome outcome) {
        long strings = length(key.source()) + length(key.sequenceNumber()) + length(outcome.postId())
                + length(outcome.reason());
        if (outcome instanceof RecordOutcome.Scored scored) {
            strings += length(scored.callId()) + length(scored.servedTier());
        }
        return ENTRY_OVERHEAD_BYTES + 2L * strings;
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
