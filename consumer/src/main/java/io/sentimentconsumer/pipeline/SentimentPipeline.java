package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.CallPricing;
import io.sentimentconsumer.account.PriceLookup;
import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.account.CallLedger;
import io.sentimentconsumer.analyze.AdaptiveConcurrency;
import io.sentimentconsumer.analyze.BatchAnalyzer;
import io.sentimentconsumer.analyze.CallGate;
import io.sentimentconsumer.analyze.Deadline;
import io.sentimentconsumer.analyze.LatencyEstimate;
import io.sentimentconsumer.analyze.SentimentModel;
import io.sentimentconsumer.events.Setting;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.ingest.PostText;
import io.sentimentconsumer.log.EventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private final CallPricing pricing;
    private final EventLog log;
    private final Duration deadlineMargin;
    private final ExecutorService calls;
    private final AdaptiveConcurrency concurrency;
    private final LatencyEstimate latency = new LatencyEstimate();
    private final Intake intake;
    private final BatchScheduler scheduler;

    /** A pipeline on {@code model} that logs to {@code log}; the rest defaults to the consumer's defaults. */
    public static Builder builder(SentimentModel model, EventLog log) {
        return new Builder(model, log);
    }

    /** How a pipeline is built; every setting starts at the consumer's default ({@link Setting}). */
    public static final class Builder {
        private final SentimentModel model;
        private final EventLog log;
        private int batchSize = Setting.BATCH_SIZE.defaultInt();
        private int concurrency = Setting.BEDROCK_CONCURRENCY.defaultInt();
        private int maxPostChars = Setting.MAX_POST_CHARS.defaultInt();
        private Duration deadlineMargin = Duration.ofMillis(Setting.DEADLINE_MARGIN_MS.defaultInt());
        private CallPricing pricing = CallPricing.defaultTierOnly(Optional.empty());
        private OutcomeMemory memory = OutcomeMemory.none();

        private Builder(SentimentModel model, EventLog log) {
            this.model = model;
            this.log = log;
        }

        /** Posts per model call. */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /** Model calls in flight, at most. */
        public Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        /** The cap on a post's text, in characters. */
        public Builder maxPostChars(int value) {
            this.maxPostChars = value;
            return this;
        }

        /**
         * Time kept free before a deadline for the summary and metrics; no model call is started unless a call as
         * slow as the slowest recent one still ends before it.
         */
        public Builder deadlineMargin(Duration value) {
            this.deadlineMargin = value;
            return this;
        }

        /** How each call is priced, at the tier that served it; by default every call is unpriced. */
        public Builder pricing(CallPricing value) {
            this.pricing = value;
            return this;
        }

        /** The final outcomes of recently finished records, reused when one is delivered again. */
        public Builder memory(OutcomeMemory value) {
            this.memory = value;
            return this;
        }

        public SentimentPipeline build() {
            return new SentimentPipeline(this);
        }
    }

    private SentimentPipeline(Builder settings) {
        this.model = settings.model;
        this.pricing = settings.pricing;
        this.log = settings.log;
        this.deadlineMargin = settings.deadlineMargin;
        this.concurrency = new AdaptiveConcurrency(settings.concurrency);
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newFixedThreadPool(settings.concurrency, task -> {
            Thread thread = new Thread(task, "model-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.intake = new Intake(new PostText(settings.maxPostChars), settings.memory, log);
        this.scheduler = new BatchScheduler(new BatchAnalyzer(model, log), calls, settings.batchSize, log);
        if (pricing.expected() instanceof PriceLookup.Unpriced unpriced) {
            log.write(new InvocationLine.Unpriced(model.pricedAs(), unpriced.reason()));
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
        CallLedger tracker = new CallLedger(model.modelId(), pricing, model.estimated(), log);
        CallGate gate = new CallGate(concurrency, latency, deadline, deadlineMargin);
        Intake.Delivery delivery = null;
        boolean deadlineReached = false;
        try {
            delivery = intake.take(records);
            deadlineReached = scheduler.score(delivery.toSend(), tracker, gate);
            delivery.posts().forEach(PostInFlight::takeRepeatedOutcome);
            intake.remember(delivery.posts());
        } catch (RuntimeException | Error e) {
            log.write(new InvocationLine.Failed(e.getClass()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.write(new InvocationLine.Interrupted());
        }
        List<PostInFlight> posts = delivery != null ? delivery.posts() : unreached(records);
        List<RecordResult> results = new ArrayList<>(posts.size());
        RecordCounts.Builder tally = RecordCounts.builder();
        Map<String, Integer> invalidByReason = new TreeMap<>();
        for (PostInFlight post : posts) {
            RecordOutcome outcome = post.outcome();
            results.add(new RecordResult(outcome, post.record().origin(), post.post()));
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
        return new InvocationReport(results, tally.build(), tracker.totals(), tracker.calls(), records.size(),
                pacing, invalidByReason, 0);
    }

    /** Each record once; a reused outcome was counted by the delivery that produced it. */
    private static void count(RecordCounts.Builder tally, PostInFlight post, RecordOutcome outcome) {
        if (post.reused()) {
            tally.reused(1);
            return;
        }
        switch (outcome.kind()) {
            case SCORED -> {
                switch (outcome.label()) {
                    case POSITIVE -> tally.positive(1);
                    case NEGATIVE -> tally.negative(1);
                    case NEUTRAL -> tally.neutral(1);
                }
            }
            case UNSCORED -> tally.unscored(1);
            case INVALID -> tally.invalid(1);
            case HANDED_BACK -> tally.handedBack(1);
        }
    }

    /** The user records of a delivery the intake never finished: each is handed back. */
    private static List<PostInFlight> unreached(List<InputRecord> records) {
        return UserRecord.unpack(records).stream().map(PostInFlight::new).toList();
    }
}
