package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.ModelPrice;
import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.account.CallLedger;
import io.sentimentconsumer.analyze.AdaptiveConcurrency;
import io.sentimentconsumer.analyze.BatchAnalyzer;
import io.sentimentconsumer.analyze.CallGate;
import io.sentimentconsumer.analyze.Deadline;
import io.sentimentconsumer.analyze.LatencyEstimate;
import io.sentimentconsumer.analyze.SentimentModel;
import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.ingest.PostText;
import io.sentimentconsumer.log.EventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pipeline every runtime feeds, and all it does is analyze: take a delivery in ({@link Intake}: unpack,
 * reuse what an earlier delivery finished, decode, set repeats aside), score its posts in batches
 * ({@link BatchScheduler}), and account for every call (the per-call lines are written as calls end). Every record
 * ends with exactly one outcome. Publishing metrics and writing summaries is the runtime's reporter's business
 * ({@link InvocationReporter} for Lambda, the worker's own for KCL).
 *
 * <p>Built once per process: it owns the call threads, the adaptive concurrency and the latency estimate, which
 * carry over from one delivery to the next.
 */
public final class SentimentPipeline implements AutoCloseable {

    private final SentimentModel model;
    private final Optional<ModelPrice> price;
    private final EventLog log;
    private final Duration deadlineMargin;
    private final ExecutorService calls;
    private final AdaptiveConcurrency concurrency;
    private final LatencyEstimate latency = new LatencyEstimate();
    private final Intake intake;
    private final BatchScheduler scheduler;

    /**
     * @param deadlineMargin time kept free before a deadline for the summary and metrics; no model call is started
     *                       unless a call as slow as the slowest recent one still ends before it
     * @param memory         the final outcomes of recently finished records, reused when a record with a known
     *                       source is delivered again
     */
    public SentimentPipeline(SentimentModel model, int batchSize, int concurrency, int maxPostChars,
                             Duration deadlineMargin, Optional<ModelPrice> price, EventLog log, OutcomeMemory memory) {
        this.model = model;
        this.price = price;
        this.log = log;
        this.deadlineMargin = deadlineMargin;
        this.concurrency = new AdaptiveConcurrency(concurrency);
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "model-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.intake = new Intake(new PostText(maxPostChars), memory, log);
        this.scheduler = new BatchScheduler(new BatchAnalyzer(model, log), calls, batchSize, log);
        if (price.isEmpty()) {
            log.warn("No price for model " + model.pricedAs() + " in the price table: costs are reported as "
                            + "unpriced, BedrockCost is not published and UnpricedCalls counts the calls",
                    Map.of("event", LogEvent.UNPRICED_MODEL.id(), "modelId", model.pricedAs()));
        }
    }

    public SentimentModel model() {
        return model;
    }

    /**
     * Stops the call threads and closes the model's client. Lambda never needs it (the execution environment is
     * frozen, then discarded); long-running runtimes call it at shutdown.
     */
    @Override
    public void close() throws Exception {
        calls.shutdownNow();
        if (model instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Analyses records without a deadline (a worker, a test). */
    public InvocationReport analyze(List<InputRecord> records) {
        return analyze(records, Deadline.NONE);
    }

    /**
     * Analyses one delivery of records and returns an outcome for each, in input order, with the accounting.
     *
     * @param deadline when the invocation must be over (Lambda's remaining time)
     */
    public InvocationReport analyze(List<InputRecord> records, Deadline deadline) {
        CallLedger tracker = new CallLedger(model.modelId(), price, model.estimated(), log);
        CallGate gate = new CallGate(concurrency, latency, deadline, deadlineMargin);
        Intake.Delivery delivery = null;
        boolean deadlineReached = false;
        try {
            delivery = intake.take(records);
            deadlineReached = scheduler.score(delivery.toSend(), tracker, gate);
            delivery.posts().forEach(PostInFlight::takeRepeatedOutcome);
            intake.remember(delivery.posts());
        } catch (RuntimeException | Error e) {
            log.error("Invocation failed part-way (" + e.getClass().getSimpleName() + "); records without an "
                    + "outcome are handed back", Map.of("event", LogEvent.INVOCATION_FAILED.id(),
                    "error", String.valueOf(e.getClass().getName())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("Invocation interrupted; records without an outcome are handed back",
                    Map.of("event", LogEvent.INVOCATION_INTERRUPTED.id()));
        }
        List<PostInFlight> posts = delivery != null ? delivery.posts() : unreached(records);
        List<RecordOutcome> outcomes = new ArrayList<>(posts.size());
        RecordCounts.Tally tally = RecordCounts.tally();
        Map<String, Integer> invalidByReason = new TreeMap<>();
        for (PostInFlight post : posts) {
            RecordOutcome outcome = post.outcome();
            outcomes.add(outcome);
            count(tally, post, outcome);
            if (!post.reused() && outcome.kind() == RecordOutcome.Kind.INVALID) {
                invalidByReason.merge(InvalidRecordLines.kind(outcome.reason()), 1, Integer::sum);
            }
        }
        if (delivery != null) {
            tally.truncated(delivery.truncated()).duplicates(delivery.repeats());
        }
        InvocationReport.Pacing pacing = new InvocationReport.Pacing(gate.slotWaitMillis(), gate.retryWaitMillis(),
                gate.concurrencyLimit(), deadlineReached);
        return new InvocationReport(outcomes, tally.counts(), tracker.totals(), tracker.calls(), records.size(),
                pacing, invalidByReason, 0);
    }

    /** Each record once; a reused outcome was counted by the delivery that produced it. */
    private static void count(RecordCounts.Tally tally, PostInFlight post, RecordOutcome outcome) {
        if (post.reused()) {
            tally.reused();
            return;
        }
        switch (outcome.kind()) {
            case SCORED -> {
                switch (outcome.label()) {
                    case POSITIVE -> tally.positive();
                    case NEGATIVE -> tally.negative();
                    case NEUTRAL -> tally.neutral();
                }
            }
            case UNSCORED -> tally.unscored();
            case INVALID -> tally.invalid();
            case HANDED_BACK -> tally.handedBack();
        }
    }

    /** The user records of a delivery the intake never finished: each is handed back. */
    private static List<PostInFlight> unreached(List<InputRecord> records) {
        return UserRecord.unpack(records).stream().map(PostInFlight::new).toList();
    }
}
