package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.ModelPrice;
import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.account.TokenMetricsTracker;
import io.sentimentconsumer.account.UsageLines;
import io.sentimentconsumer.analyze.BatchAnalyzer;
import io.sentimentconsumer.analyze.BatchAnalyzer.BatchResult;
import io.sentimentconsumer.analyze.PostResult;
import io.sentimentconsumer.analyze.SentimentModel;
import io.sentimentconsumer.ingest.DecodedRecord;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.ingest.PostDecoder;
import io.sentimentconsumer.ingest.PostText;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.publish.InvocationMetrics;
import io.sentimentconsumer.publish.MetricsPublisher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pipeline every runtime feeds: decode records, batch the posts in record order, score the batches
 * concurrently, account for every call, publish metrics and write the summary. Every record ends with exactly one
 * outcome; the summary is written even when the invocation fails part-way.
 *
 * <p>When a batch's call fails for good, its records are handed back, and batches after it that have not started
 * are not sent: the runtime will deliver those records again, and paying for them twice helps no one.
 */
public final class SentimentPipeline {

    private final SentimentModel model;
    private final int batchSize;
    private final PostText postText;
    private final Optional<ModelPrice> price;
    private final MetricsPublisher metrics;
    private final EventLog log;
    private final BatchAnalyzer analyzer;
    private final ExecutorService calls;
    private final PostDecoder decoder = new PostDecoder();

    public SentimentPipeline(SentimentModel model, int batchSize, int concurrency, int maxPostChars,
                             Optional<ModelPrice> price, MetricsPublisher metrics, EventLog log) {
        this.model = model;
        this.batchSize = batchSize;
        this.postText = new PostText(maxPostChars);
        this.price = price;
        this.metrics = metrics;
        this.log = log;
        this.analyzer = new BatchAnalyzer(model, log);
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
     * Processes one delivery of records and returns an outcome for each, in input order.
     *
     * @param summaryTitle how the summary line starts, e.g. "Lambda invocation token summary"
     */
    public InvocationReport process(List<InputRecord> records, String summaryTitle) {
        long started = System.nanoTime();
        TokenMetricsTracker tracker = new TokenMetricsTracker(model.modelId(), price, model.estimated(), log);
        RecordOutcome[] outcomes = new RecordOutcome[records.size()];
        int truncated = 0;
        try {
            truncated = run(records, tracker, outcomes);
        } catch (RuntimeException | Error e) {
            log.error("Invocation failed part-way (" + e.getClass().getSimpleName() + "); records without an "
                    + "outcome are handed back", Map.of("event", "invocation_failed",
                    "error", String.valueOf(e.getClass().getName())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("Invocation interrupted; records without an outcome are handed back",
                    Map.of("event", "invocation_interrupted"));
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = RecordOutcome.of(records.get(i).sequenceNumber(), null,
                        RecordOutcome.Kind.HANDED_BACK, "invocation failed before this record was finished");
            }
        }
        List<RecordOutcome> all = List.of(outcomes);
        RecordCounts counts = count(all, truncated);
        CallTotals totals = tracker.totals();
        int metricsFailures = publish(tracker, totals, counts);
        writeSummary(summaryTitle, tracker, totals, counts, metricsFailures, (System.nanoTime() - started) / 1e6);
        return new InvocationReport(all, counts, totals, tracker.calls(), metricsFailures);
    }

    /** Fills {@code outcomes} and returns how many posts were truncated. */
    private int run(List<InputRecord> records, TokenMetricsTracker tracker, RecordOutcome[] outcomes)
            throws InterruptedException {
        int truncated = 0;
        List<Integer> valid = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String[] postIds = new String[records.size()];
        for (int i = 0; i < records.size(); i++) {
            InputRecord record = records.get(i);
            DecodedRecord decoded = decoder.decode(record.data());
            if (decoded instanceof DecodedRecord.Invalid invalid) {
                outcomes[i] = RecordOutcome.of(record.sequenceNumber(), null, RecordOutcome.Kind.INVALID,
                        invalid.reason());
                log.warn("Invalid record " + record.sequenceNumber() + ": " + invalid.reason(), Map.of(
                        "event", "invalid_record", "sequenceNumber", record.sequenceNumber(),
                        "reason", invalid.reason()));
                continue;
            }
            var post = ((DecodedRecord.Valid) decoded).post();
            PostText.Prepared prepared = postText.prepare(post.content());
            if (prepared.truncated()) {
                truncated++;
            }
            postIds[i] = post.id();
            valid.add(i);
            texts.add(prepared.text());
        }

        AtomicInteger firstFailedBatch = new AtomicInteger(Integer.MAX_VALUE);
        List<Future<BatchResult>> futures = new ArrayList<>();
        for (int from = 0, batch = 1; from < valid.size(); from += batchSize, batch++) {
            int number = batch;
            List<String> batchTexts = texts.subList(from, Math.min(texts.size(), from + batchSize));
            futures.add(calls.submit(() -> {
                if (firstFailedBatch.get() < number) {
                    return null;
                }
                BatchResult result = analyzer.analyze(number, batchTexts, tracker);
                if (result.failure() != null) {
                    firstFailedBatch.accumulateAndGet(number, Math::min);
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
                firstFailedBatch.accumulateAndGet(b + 1, Math::min);
                handBack(records, positions, postIds, outcomes, "unexpected error while analysing its batch");
                continue;
            }
            if (result == null) {
                notSent += positions.size();
                handBack(records, positions, postIds, outcomes,
                        "not sent: an earlier batch failed and the runtime will deliver this record again");
                continue;
            }
            if (result.failure() != null) {
                logHandedBack(b + 1, records, positions, result);
            }
            for (int k = 0; k < positions.size(); k++) {
                int i = positions.get(k);
                String seq = records.get(i).sequenceNumber();
                outcomes[i] = outcome(seq, postIds[i], result.results().get(k));
            }
        }
        if (notSent > 0) {
            log.warn(notSent + " records of later batches were not sent to the model because batch "
                            + firstFailedBatch.get() + " failed; they are handed back",
                    Map.of("event", "batches_not_sent", "records", notSent, "failedBatch", firstFailedBatch.get()));
        }
        return truncated;
    }

    private static RecordOutcome outcome(String seq, String postId, PostResult result) {
        if (result instanceof PostResult.Scored scored) {
            return RecordOutcome.scored(seq, postId, scored.score());
        }
        if (result instanceof PostResult.Unscored unscored) {
            return RecordOutcome.of(seq, postId, RecordOutcome.Kind.UNSCORED, unscored.reason());
        }
        return RecordOutcome.of(seq, postId, RecordOutcome.Kind.HANDED_BACK, ((PostResult.HandedBack) result).reason());
    }

    private void logHandedBack(int batch, List<InputRecord> records, List<Integer> positions, BatchResult result) {
        long handedBack = result.results().stream().filter(r -> r instanceof PostResult.HandedBack).count();
        String from = null;
        for (int k = 0; k < positions.size(); k++) {
            if (result.results().get(k) instanceof PostResult.HandedBack) {
                from = records.get(positions.get(k)).sequenceNumber();
                break;
            }
        }
        log.warn("Batch " + batch + " failed after retries; handing back " + handedBack
                        + " records from sequence number " + from + ": " + result.failure().getMessage(),
                Map.of("event", "batch_handed_back", "batch", batch, "records", handedBack,
                        "firstSequenceNumber", String.valueOf(from), "error", result.failure().getMessage()));
    }

    private static void handBack(List<InputRecord> records, List<Integer> positions, String[] postIds,
                                 RecordOutcome[] outcomes, String reason) {
        for (int i : positions) {
            outcomes[i] = RecordOutcome.of(records.get(i).sequenceNumber(), postIds[i],
                    RecordOutcome.Kind.HANDED_BACK, reason);
        }
    }

    private static RecordCounts count(List<RecordOutcome> outcomes, int truncated) {
        int positive = 0, negative = 0, neutral = 0, unscored = 0, invalid = 0, handedBack = 0;
        for (RecordOutcome o : outcomes) {
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
                truncated);
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

    private void writeSummary(String title, TokenMetricsTracker tracker, CallTotals totals, RecordCounts counts,
                              int metricsFailures, double durationMillis) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "invocation_summary");
        fields.putAll(UsageLines.summaryFields(tracker.modelId(), tracker.estimated(), counts, totals));
        fields.put("metricsFailures", metricsFailures);
        fields.put("durationMs", Math.round(durationMillis * 100) / 100.0);
        log.info(UsageLines.summary(title, totals, tracker.estimated()), fields);
    }
}
