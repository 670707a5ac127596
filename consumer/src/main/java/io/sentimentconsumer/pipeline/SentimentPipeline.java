package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.ModelPrice;
import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.account.TokenMetricsTracker;
import io.sentimentconsumer.account.UsageLines;
import io.sentimentconsumer.analyze.AdaptiveConcurrency;
import io.sentimentconsumer.analyze.BatchAnalyzer;
import io.sentimentconsumer.analyze.BatchAnalyzer.BatchResult;
import io.sentimentconsumer.analyze.BatchAnalyzer.Stop;
import io.sentimentconsumer.analyze.CallGate;
import io.sentimentconsumer.analyze.Deadline;
import io.sentimentconsumer.analyze.LatencyEstimate;
import io.sentimentconsumer.analyze.PostResult;
import io.sentimentconsumer.analyze.SentimentLabel;
import io.sentimentconsumer.analyze.SentimentModel;
import io.sentimentconsumer.ingest.DecodedRecord;
import io.sentimentconsumer.ingest.InflateBudget;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.ingest.KplAggregate;
import io.sentimentconsumer.ingest.PostDecoder;
import io.sentimentconsumer.ingest.PostText;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.publish.InvocationMetrics;
import io.sentimentconsumer.publish.MetricsPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pipeline every runtime feeds: unpack and decode records, batch the posts in record order, score the
 * batches concurrently, account for every call, publish metrics and write the summary. Every record ends with
 * exactly one outcome; the summary is written even when the invocation fails part-way.
 *
 * <p>When a batch stops early (a call failed after its retries, a configuration error, or no time left before the
 * deadline), its unfinished records are handed back and batches after it that have not started are not sent: the
 * runtime resumes from the lowest handed-back record, so those records come back anyway, and paying for them twice
 * helps no one.
 */
public final class SentimentPipeline implements AutoCloseable {

    private final SentimentModel model;
    private final int batchSize;
    private final PostText postText;
    private final Optional<ModelPrice> price;
    private final MetricsPublisher metrics;
    private final EventLog log;
    private final Duration deadlineMargin;
    private final BatchAnalyzer analyzer;
    private final ExecutorService calls;
    private final AdaptiveConcurrency concurrency;
    private final LatencyEstimate latency = new LatencyEstimate();
    private final PostDecoder decoder = new PostDecoder();
    private final OutcomeMemory memory;

    /**
     * @param deadlineMargin time kept free before a deadline for the summary and metrics; no model call is started
     *                       unless a call as slow as the slowest recent one still ends before it
     */
    public SentimentPipeline(SentimentModel model, int batchSize, int concurrency, int maxPostChars,
                             Duration deadlineMargin, Optional<ModelPrice> price, MetricsPublisher metrics,
                             EventLog log) {
        this(model, batchSize, concurrency, maxPostChars, deadlineMargin, price, metrics, log, OutcomeMemory.none());
    }

    /**
     * @param memory the final outcomes of recently finished records, reused when a record with a known source is
     *               delivered again
     */
    public SentimentPipeline(SentimentModel model, int batchSize, int concurrency, int maxPostChars,
                             Duration deadlineMargin, Optional<ModelPrice> price, MetricsPublisher metrics,
                             EventLog log, OutcomeMemory memory) {
        this.model = model;
        this.memory = memory;
        this.batchSize = batchSize;
        this.postText = new PostText(maxPostChars);
        this.deadlineMargin = deadlineMargin;
        this.price = price;
        this.metrics = metrics;
        this.log = log;
        this.analyzer = new BatchAnalyzer(model, log);
        this.concurrency = new AdaptiveConcurrency(concurrency);
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "model-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        if (price.isEmpty()) {
            log.warn("No price for model " + model.pricedAs() + " in the price table: costs are reported as "
                            + "unpriced, BedrockCost is not published and UnpricedCalls counts the calls",
                    Map.of("event", "unpriced_model", "modelId", model.pricedAs()));
        }
    }

    public SentimentModel model() {
        return model;
    }

    /**
     * Stops the call threads and closes the model's and the publisher's clients. Lambda never needs it (the
     * execution environment is frozen, then discarded); long-running runtimes call it at shutdown.
     */
    @Override
    public void close() throws Exception {
        calls.shutdownNow();
        if (model instanceof AutoCloseable closeable) {
            closeable.close();
        }
        if (metrics instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Processes records without a deadline (a worker, a test). */
    public InvocationReport process(List<InputRecord> records, String summaryTitle) {
        return process(records, summaryTitle, Deadline.NONE);
    }

    /**
     * Processes one delivery of records and returns an outcome for each, in input order.
     *
     * @param summaryTitle how the summary line starts, e.g. "Lambda invocation token summary"
     * @param deadline     when the invocation must be over (Lambda's remaining time)
     */
    public InvocationReport process(List<InputRecord> records, String summaryTitle, Deadline deadline) {
        long started = System.nanoTime();
        Analysis analysis = analysis(records, deadline);
        int metricsFailures = publish(analysis.tracker(), analysis.report().totals(), analysis.report().counts());
        writeSummary(summaryTitle, analysis, metricsFailures, (System.nanoTime() - started) / 1e6);
        return analysis.report().withMetricsFailures(metricsFailures);
    }

    /**
     * Analyses records like {@link #process} but publishes no metrics and writes no summary: for a runtime that
     * sums several deliveries into one summary of its own (the KCL worker, per {@code processRecords} call).
     * The per-call lines are written as always.
     */
    public InvocationReport analyse(List<InputRecord> records) {
        return analysis(records, Deadline.NONE).report();
    }

    /** An invocation's report, with the tracker and pacing behind it. */
    private record Analysis(InvocationReport report, TokenMetricsTracker tracker, Map<String, Object> pacing) {}

    private Analysis analysis(List<InputRecord> records, Deadline deadline) {
        TokenMetricsTracker tracker = new TokenMetricsTracker(model.modelId(), price, model.estimated(), log);
        CallGate gate = new CallGate(concurrency, latency, deadline, deadlineMargin);
        Invocation invocation = new Invocation(unpack(records), tracker, gate);
        try {
            invocation.run();
        } catch (RuntimeException | Error e) {
            log.error("Invocation failed part-way (" + e.getClass().getSimpleName() + "); records without an "
                    + "outcome are handed back", Map.of("event", "invocation_failed",
                    "error", String.valueOf(e.getClass().getName())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("Invocation interrupted; records without an outcome are handed back",
                    Map.of("event", "invocation_interrupted"));
        }
        List<RecordOutcome> all = invocation.outcomes();
        RecordCounts counts = count(all, invocation.reused, invocation.truncated, invocation.duplicates);
        Map<String, Object> pacing = new LinkedHashMap<>();
        pacing.put("kinesisRecords", records.size());
        pacing.put("slotWaitMs", UsageLines.hundredths(gate.slotWaitMillis()));
        pacing.put("retryWaitMs", UsageLines.hundredths(gate.retryWaitMillis()));
        pacing.put("concurrencyLimit", UsageLines.hundredths(gate.concurrencyLimit()));
        pacing.put("deadlineReached", invocation.deadlineReached.get());
        Map<String, Integer> invalidByReason = new TreeMap<>();
        for (int i = 0; i < all.size(); i++) {
            if (!invocation.reused[i] && all.get(i).kind() == RecordOutcome.Kind.INVALID) {
                invalidByReason.merge(InvalidRecordLines.kind(all.get(i).reason()), 1, Integer::sum);
            }
        }
        if (!invalidByReason.isEmpty()) {
            pacing.put("invalidByReason", invalidByReason);
        }
        return new Analysis(new InvocationReport(all, counts, tracker.totals(), tracker.calls(), 0), tracker, pacing);
    }

    /** One user record: a Kinesis record, or one of the records a KPL aggregate holds. */
    private record Entry(String source, String sequenceNumber, Integer subSequenceNumber, byte[] data,
                         String invalidReason) {

        /** The record's name across deliveries, when its source is known. */
        OutcomeMemory.Key key() {
            return source == null ? null : new OutcomeMemory.Key(source, sequenceNumber, subSequenceNumber);
        }
    }

    private static List<Entry> unpack(List<InputRecord> records) {
        List<Entry> entries = new ArrayList<>(records.size());
        for (InputRecord record : records) {
            if (!KplAggregate.isAggregated(record.data())) {
                entries.add(new Entry(record.source(), record.sequenceNumber(), null, record.data(), null));
                continue;
            }
            try {
                List<byte[]> userRecords = KplAggregate.userRecords(record.data());
                for (int k = 0; k < userRecords.size(); k++) {
                    entries.add(new Entry(record.source(), record.sequenceNumber(), k, userRecords.get(k), null));
                }
            } catch (IllegalArgumentException e) {
                entries.add(new Entry(record.source(), record.sequenceNumber(), null, record.data(),
                        e.getMessage()));
            }
        }
        return entries;
    }

    /** The state of one invocation. */
    private final class Invocation {
        private final List<Entry> entries;
        private final TokenMetricsTracker tracker;
        private final CallGate gate;
        private final RecordOutcome[] outcomes;
        private final String[] postIds;
        private final boolean[] reused;
        private final InvalidRecordLines invalidLines = new InvalidRecordLines(log);
        private final Map<Integer, Integer> duplicateOf = new HashMap<>();
        private final AtomicInteger firstStoppedBatch = new AtomicInteger(Integer.MAX_VALUE);
        private final AtomicBoolean configurationErrorLogged = new AtomicBoolean();
        private final AtomicBoolean deadlineReached = new AtomicBoolean();
        private int truncated;
        private int duplicates;

        Invocation(List<Entry> entries, TokenMetricsTracker tracker, CallGate gate) {
            this.entries = entries;
            this.tracker = tracker;
            this.gate = gate;
            this.outcomes = new RecordOutcome[entries.size()];
            this.postIds = new String[entries.size()];
            this.reused = new boolean[entries.size()];
        }

        void run() throws InterruptedException {
            List<Integer> valid = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            Map<PostKey, Integer> firstByPost = new HashMap<>();
            InflateBudget inflateBudget = InflateBudget.perInvocation();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                Optional<RecordOutcome> earlier = entry.key() == null ? Optional.empty() : memory.recall(entry.key());
                if (earlier.isPresent()) {
                    outcomes[i] = earlier.get();
                    reused[i] = true;
                    continue;
                }
                DecodedRecord decoded = entry.invalidReason() != null
                        ? new DecodedRecord.Invalid(entry.invalidReason())
                        : decoder.decode(entry.data(), inflateBudget);
                if (decoded instanceof DecodedRecord.Invalid invalid) {
                    outcomes[i] = outcome(i, RecordOutcome.Kind.INVALID, null, invalid.reason());
                    invalidLines.add(entry.sequenceNumber(), entry.subSequenceNumber(), invalid.reason());
                    continue;
                }
                var post = ((DecodedRecord.Valid) decoded).post();
                postIds[i] = post.id();
                // Kinesis delivers at least once: the same post twice is analysed and paid for once. Same id
                // with other content is another post (or an edit) and is analysed on its own.
                Integer first = post.id() == null ? null : firstByPost.putIfAbsent(PostKey.of(post), i);
                if (first != null) {
                    duplicateOf.put(i, first);
                    duplicates++;
                    continue;
                }
                PostText.Prepared prepared = postText.prepare(post.content());
                if (prepared.truncated()) {
                    truncated++;
                }
                valid.add(i);
                texts.add(prepared.text());
            }
            int reusedCount = 0;
            for (boolean r : reused) {
                reusedCount += r ? 1 : 0;
            }
            invalidLines.finish();
            if (reusedCount > 0) {
                log.info(reusedCount + " records were finished by an earlier delivery to this environment; their "
                        + "outcomes are reused without a model call", Map.of("event", "outcomes_reused",
                        "records", reusedCount));
            }
            analyse(valid, texts);
            duplicateOf.forEach((i, first) -> {
                if (outcomes[first] != null) {
                    Entry entry = entries.get(i);
                    outcomes[i] = outcomes[first].sharedWith(entry.sequenceNumber(), entry.subSequenceNumber());
                }
            });
            for (int i = 0; i < entries.size(); i++) {
                OutcomeMemory.Key key = entries.get(i).key();
                if (key != null && !reused[i] && outcomes[i] != null) {
                    memory.remember(key, outcomes[i]);
                }
            }
        }

        private void analyse(List<Integer> valid, List<String> texts) throws InterruptedException {
            List<Future<BatchResult>> futures = new ArrayList<>();
            for (int from = 0, batch = 1; from < valid.size(); from += batchSize, batch++) {
                int number = batch;
                List<String> batchTexts = texts.subList(from, Math.min(texts.size(), from + batchSize));
                futures.add(calls.submit(() -> {
                    if (firstStoppedBatch.get() < number) {
                        return null;
                    }
                    BatchResult result = analyzer.analyze(number, batchTexts, tracker, gate);
                    if (result.stop() != null) {
                        firstStoppedBatch.accumulateAndGet(number, Math::min);
                    }
                    return result;
                }));
            }
            int notSent = 0;
            for (int b = 0; b < futures.size(); b++) {
                List<Integer> positions = valid.subList(b * batchSize, Math.min(valid.size(), (b + 1) * batchSize));
                BatchResult result;
                try {
                    result = futures.get(b).get();
                } catch (ExecutionException e) {
                    // A defect, not a model failure: hand the batch back rather than lose or guess anything.
                    log.error("Batch " + (b + 1) + " failed unexpectedly (" + e.getCause().getClass().getName()
                            + "); handing its records back", Map.of("event", "batch_error", "batch", b + 1));
                    firstStoppedBatch.accumulateAndGet(b + 1, Math::min);
                    handBack(positions, "unexpected error while analysing its batch");
                    continue;
                }
                if (result == null) {
                    notSent += positions.size();
                    handBack(positions, "not sent: an earlier batch stopped and the runtime will deliver "
                            + "this record again");
                    continue;
                }
                if (result.stop() != null) {
                    logStop(b + 1, positions, result);
                }
                for (int k = 0; k < positions.size(); k++) {
                    int i = positions.get(k);
                    outcomes[i] = outcome(i, result.results().get(k));
                }
            }
            if (notSent > 0) {
                log.warn(notSent + " records of later batches were not sent to the model because batch "
                                + firstStoppedBatch.get() + " stopped; they are handed back",
                        Map.of("event", "batches_not_sent", "records", notSent,
                                "stoppedBatch", firstStoppedBatch.get()));
            }
        }

        private void logStop(int batch, List<Integer> positions, BatchResult result) {
            Stop stop = result.stop();
            long handedBack = result.results().stream().filter(r -> r instanceof PostResult.HandedBack).count();
            String from = null;
            for (int k = 0; k < positions.size() && from == null; k++) {
                if (result.results().get(k) instanceof PostResult.HandedBack) {
                    from = entries.get(positions.get(k)).sequenceNumber();
                }
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("batch", batch);
            fields.put("records", handedBack);
            fields.put("firstSequenceNumber", String.valueOf(from));
            fields.put("error", stop.message());
            switch (stop.reason()) {
                case CONFIGURATION -> {
                    // Every batch in flight fails the same way; one line says what to fix.
                    if (configurationErrorLogged.compareAndSet(false, true)) {
                        fields.put("event", "model_configuration_error");
                        log.error(stop.message() + " All records are handed back until it is fixed.", fields);
                    }
                }
                case DEADLINE -> {
                    deadlineReached.set(true);
                    fields.put("event", "deadline_reached");
                    log.warn("Batch " + batch + ": no time left for another model call before the deadline; "
                            + "handing back " + handedBack + " records from sequence number " + from, fields);
                }
                case CALL_FAILED -> {
                    fields.put("event", "batch_handed_back");
                    log.warn("Batch " + batch + " failed after retries; handing back " + handedBack
                            + " records from sequence number " + from + ": " + stop.message(), fields);
                }
            }
        }

        private void handBack(List<Integer> positions, String reason) {
            for (int i : positions) {
                outcomes[i] = outcome(i, RecordOutcome.Kind.HANDED_BACK, null, reason);
            }
        }

        private RecordOutcome outcome(int i, PostResult result) {
            if (result instanceof PostResult.Scored scored) {
                return outcome(i, RecordOutcome.Kind.SCORED, scored.score(), null);
            }
            if (result instanceof PostResult.Unscored unscored) {
                return outcome(i, RecordOutcome.Kind.UNSCORED, null, unscored.reason());
            }
            return outcome(i, RecordOutcome.Kind.HANDED_BACK, null, ((PostResult.HandedBack) result).reason());
        }

        private RecordOutcome outcome(int i, RecordOutcome.Kind kind, Double score, String reason) {
            Entry entry = entries.get(i);
            return new RecordOutcome(entry.sequenceNumber(), entry.subSequenceNumber(), postIds[i], kind, score,
                    score == null ? null : SentimentLabel.of(score), reason);
        }

        /** Every record's outcome; one the invocation never reached (it failed part-way) is handed back. */
        List<RecordOutcome> outcomes() {
            List<RecordOutcome> all = new ArrayList<>(outcomes.length);
            for (int i = 0; i < outcomes.length; i++) {
                all.add(outcomes[i] != null ? outcomes[i] : outcome(i, RecordOutcome.Kind.HANDED_BACK, null,
                        "invocation failed before this record was finished"));
            }
            return all;
        }
    }

    /** Counts each record once; a reused outcome was counted by the delivery that produced it. */
    private static RecordCounts count(List<RecordOutcome> outcomes, boolean[] reused, int truncated,
                                      int duplicates) {
        int positive = 0, negative = 0, neutral = 0, unscored = 0, invalid = 0, handedBack = 0, reusedCount = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            RecordOutcome o = outcomes.get(i);
            if (reused[i]) {
                reusedCount++;
                continue;
            }
            switch (o.kind()) {
                case SCORED -> {
                    switch (o.label()) {
                        case POSITIVE -> positive++;
                        case NEGATIVE -> negative++;
                        case NEUTRAL -> neutral++;
                    }
                }
                case UNSCORED -> unscored++;
                case INVALID -> invalid++;
                case HANDED_BACK -> handedBack++;
            }
        }
        return new RecordCounts(outcomes.size(), positive, negative, neutral, unscored, invalid, handedBack,
                truncated, duplicates, reusedCount);
    }

    private int publish(TokenMetricsTracker tracker, CallTotals totals, RecordCounts counts) {
        try {
            metrics.publish(InvocationMetrics.of(tracker.calls(), totals, counts));
            return 0;
        } catch (Exception e) {
            log.warn("Metrics could not be published (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); records are not affected", Map.of("event", "metrics_failed",
                    "error", e.getClass().getName()));
            return 1;
        }
    }

    private void writeSummary(String title, Analysis analysis, int metricsFailures, double durationMillis) {
        TokenMetricsTracker tracker = analysis.tracker();
        InvocationReport report = analysis.report();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "invocation_summary");
        fields.putAll(UsageLines.summaryFields(tracker.modelId(), tracker.estimated(), report.counts(),
                report.totals()));
        fields.putAll(analysis.pacing());
        fields.put("metricsFailures", metricsFailures);
        fields.put("durationMs", UsageLines.hundredths(durationMillis));
        log.info(UsageLines.summary(title, report.totals(), tracker.estimated()), fields);
    }
}
