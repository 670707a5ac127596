package io.sentimentconsumer.lambda;

import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.KinesisEvents;
import io.sentimentconsumer.testing.KinesisEvents.EventRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A deterministic stand-in for Lambda's Kinesis event source mapping over one shard, driving the real handler the
 * way the mapping does, as AWS documents it:
 * <ul>
 *   <li>batches of up to {@code batchSize} records from the shard's position, in order;</li>
 *   <li>a partial batch response: the position moves to the lowest sequence number it names (every record before it
 *       counts as done); an empty response moves past the batch; an identifier that is empty or not in the batch
 *       fails the whole batch;</li>
 *   <li>a function error (here: the response lost to a timeout or crash after the handler ran) retries the batch,
 *       split in halves ({@code BisectBatchOnFunctionError}); a timeout also replaces the execution
 *       environment;</li>
 *   <li>{@code MaximumRetryAttempts}: past it, the failed range goes to the on-failure destination and the position
 *       moves past the batch; {@code MaximumRecordAgeInSeconds}: records older than it are not delivered but sent
 *       to the destination (time here is counted in invocations);</li>
 *   <li>each invocation goes to the warm environment or, as the seed decides, to a fresh one.</li>
 * </ul>
 * It records what the mapping took as done (with the outcome the handler reported for each record at that moment)
 * and what went to the destination, for the lifecycle suite to judge.
 */
final class EventSourceMapping {

    /** The mapping's settings and the chances of what can go wrong around the handler. */
    record Settings(int batchSize, int maxRetries, Integer maxRecordAgeInvocations, double lostResponse,
                    double freshEnvironment, Integer remainingMillis) {}

    /** A range of the shard's records, by index, {@code from} inclusive, {@code to} exclusive. */
    record Range(int from, int to) {}

    private final List<EventRecord> shard;
    private final Settings settings;
    private final Random random;
    private final Supplier<ConsumerUnderTest> environments;

    /** Per record index, the outcomes of its user records when the mapping took it as done. */
    final Map<Integer, List<RecordOutcome>> done = new HashMap<>();
    final List<Range> failureDestination = new ArrayList<>();
    final List<ConsumerUnderTest> environmentsUsed = new ArrayList<>();
    /** Invocations that went to a fresh environment after the first: redeliveries there may bill again. */
    int freshRedeliveries;
    int invocations;
    /** Identifiers a response named that were not in its batch: a handler defect, whatever Lambda makes of it. */
    final List<String> strayIdentifiers = new ArrayList<>();

    EventSourceMapping(List<EventRecord> shard, Settings settings, Random random,
                       Supplier<ConsumerUnderTest> environments) {
        this.shard = shard;
        this.settings = settings;
        this.random = random;
        this.environments = environments;
    }

    void run() {
        int position = 0;
        int retries = 0;
        int limit = settings.batchSize();
        ConsumerUnderTest environment = null;
        boolean environmentLost = true;
        while (position < shard.size()) {
            if (settings.maxRecordAgeInvocations() != null && invocations - position / settings.batchSize()
                    > settings.maxRecordAgeInvocations()) {
                // Records arrive one batch per invocation; those that waited longer than the age are dropped.
                int to = Math.min(shard.size(), position + settings.batchSize());
                failureDestination.add(new Range(position, to));
                position = to;
                retries = 0;
                continue;
            }
            int end = Math.min(shard.size(), position + limit);
            if (environment == null || environmentLost || random.nextDouble() < settings.freshEnvironment()) {
                if (environment != null) {
                    freshRedeliveries++;
                }
                environment = environments.get();
                environmentsUsed.add(environment);
                environmentLost = false;
            }
            invocations++;
            String event = KinesisEvents.eventOf(shard.subList(position, end));
            BatchResponse response = settings.remainingMillis() == null ? environment.handle(event)
                    : environment.handle(event, settings.remainingMillis());
            InvocationReport report = environment.lastReport();
            if (random.nextDouble() < settings.lostResponse()) {
                // The handler ran (and paid) but Lambda never got its answer: a timeout, and a new environment.
                environmentLost = true;
                retries++;
                if (retries > settings.maxRetries()) {
                    failureDestination.add(new Range(position, end));
                    position = end;
                    retries = 0;
                    limit = settings.batchSize();
                } else {
                    limit = Math.max(1, (end - position) / 2);
                }
                continue;
            }
            Integer lowest = lowestNamed(response, position, end);
            if (lowest == null) {
                commit(position, end, report);
                position = end;
                retries = 0;
                limit = settings.batchSize();
                continue;
            }
            commit(position, lowest, report);
            retries = lowest > position ? 1 : retries + 1;
            position = lowest;
            if (retries > settings.maxRetries()) {
                failureDestination.add(new Range(position, end));
                position = end;
                retries = 0;
                limit = settings.batchSize();
            }
        }
    }

    /**
     * The index of the lowest record the response names, {@code position} when it names one that is empty or not
     * in the batch (the whole batch fails), or {@code null} when it names none.
     */
    private Integer lowestNamed(BatchResponse response, int position, int end) {
        Integer lowest = null;
        for (String id : response.itemIdentifiers()) {
            int index = indexOf(id, position, end);
            if (index < 0) {
                strayIdentifiers.add(id);
                return position;
            }
            lowest = lowest == null ? index : Math.min(lowest, index);
        }
        return lowest;
    }

    private int indexOf(String sequenceNumber, int from, int to) {
        for (int i = from; i < to; i++) {
            if (shard.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    private void commit(int from, int to, InvocationReport report) {
        for (int i = from; i < to; i++) {
            String sequenceNumber = shard.get(i).sequenceNumber();
            List<RecordOutcome> outcomes = report.outcomes().stream()
                    .filter(o -> o.sequenceNumber().equals(sequenceNumber)).toList();
            if (done.putIfAbsent(i, outcomes) != null) {
                throw new AssertionError("record " + i + " taken as done twice");
            }
        }
    }

    /** The model's tokens counted by every environment's summaries. */
    long tokensCounted() {
        return environmentsUsed.stream().flatMap(e -> e.logEvents("invocation_summary").stream())
                .mapToLong(s -> s.path("totalTokens").asLong()).sum();
    }
}
