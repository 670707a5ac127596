package io.sentimentconsumer.kcl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.account.CallPricing;
import io.sentimentconsumer.account.PriceTable;
import io.sentimentconsumer.account.ServiceTier;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.publish.BufferedMetrics;
import io.sentimentconsumer.testing.JsonLines;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * The KCL worker's record processor through its lifecycle, driven the way KCL 3.5.1 drives it, over one shard that
 * has been closed (a reshard): the real {@link SentimentRecordProcessor} and pipeline, a seeded model
 * ({@link LifecycleModel}) and the lease's checkpointer ({@link FakeCheckpointer}).
 *
 * <p>Each seed draws a stream, batch sizes, and a run of processors holding the lease one after the other. Each
 * starts after the lease's checkpoint, gets {@code processRecords} calls of random sizes, and meets, by the seed:
 * model failures that block the shard; a stop request (SIGTERM) between calls, before a batch, during a model call
 * or while blocked, after which KCL still delivers up to two calls before the graceful shutdown reaches the shard
 * and calls {@code shutdownRequested}; the lease lost between calls (KCL's scheduler notices: {@code leaseLost}),
 * while blocked, or at a checkpoint write (the processor notices; KCL may still deliver one call); and the shard's
 * end, where {@code shardEnded} is called until it checkpoints or the worker gives up. The next processor then
 * starts from the last checkpoint. The first {@value #FAULTY_LIVES} processors meet faults; the ones after them run
 * calm, so that a correct processor always finishes the shard.
 *
 * <p>The lease is not lost between two batches of one call: no processor can tell then without a write per batch,
 * and the cost is at most that one batch, whose checkpoint is then refused.
 *
 * <p>Invariants over the whole stream and every delivery ({@link LifecycleLedger} holds the first three):
 * <ol>
 *   <li>no processor gives a record two final outcomes (scored, unscored, invalid);</li>
 *   <li>no checkpoint passes a record to which its processor gave no final outcome;</li>
 *   <li>every record ends with a final outcome, and the shard's end is checkpointed;</li>
 *   <li>the tokens the model billed equal those counted in the worker's lines, per call and cumulative;</li>
 *   <li>no model call for a processor after its lease was lost.</li>
 * </ol>
 * CI runs {@value #DEFAULT_SEEDS} seeds; {@code -Dlifecycle.seeds=1000} (in {@code -P faults}) runs a thousand.
 */
class KclLifecycleTest {

    static final int DEFAULT_SEEDS = 24;
    private static final int FAULTY_LIVES = 6;
    private static final int MOST_LIVES = FAULTY_LIVES + 2;
    private static final String SHARD = "shardId-000000000007";
    private static final String TOKENS = "tokens billed equal tokens counted";
    private static final String NO_CALL_AFTER_LEASE_LOSS = "no model call after the lease is lost";
    private static final String SHARD_COMPLETES = "the shard's end is checkpointed";

    static LongStream seeds() {
        long first = Long.getLong("lifecycle.firstSeed", 1);
        return LongStream.range(first, first + Integer.getInteger("lifecycle.seeds", DEFAULT_SEEDS));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void keepsEveryRecordAcrossStopsLeaseLossesAndTheShardEnd(long seed) {
        List<String> violations = new Run(seed).violations();

        assertThat(violations).as("seed %d (alone: -Dlifecycle.firstSeed=%d -Dlifecycle.seeds=1)", seed, seed)
                .isEmpty();
    }

    /** One seed: a stream, its settings, and the processors that hold its lease one after the other. */
    private static final class Run {
        private final Random random;
        private final LifecycleStream stream;
        private final LifecycleLedger ledger;
        private final LifecycleModel model;
        private final FakeCheckpointer.Lease lease = new FakeCheckpointer.Lease();
        private final JsonLines logLines = new JsonLines();
        private final EventLog log = new EventLog(logLines.stream(), EventLog.Format.JSON);
        private final int shardBatch;
        private final int modelBatch;
        private final int longestCall;

        Run(long seed) {
            random = new Random(seed);
            stream = LifecycleStream.of(random);
            ledger = new LifecycleLedger(stream);
            model = new LifecycleModel(seed);
            shardBatch = 1 + random.nextInt(8);
            modelBatch = 1 + random.nextInt(6);
            longestCall = 1 + random.nextInt(15);
        }

        List<String> violations() {
            boolean completed = false;
            for (int number = 1; number <= MOST_LIVES && !completed; number++) {
                Life life = new Life(this, number);
                model.callsFor(life);
                try {
                    completed = life.run();
                } finally {
                    life.end();
                }
            }
            if (!completed) {
                ledger.violate(SHARD_COMPLETES, "not after " + MOST_LIVES + " processors; the lease's checkpoint is "
                        + lease.checkpoint);
            }
            ledger.ended();
            checkTokens();
            for (LifecycleModel.LateCall call : model.lateCalls()) {
                ledger.violate(NO_CALL_AFTER_LEASE_LOSS, call.caller() + " called the model (first post '"
                        + call.firstPost() + "') after its lease was lost");
            }
            return ledger.violations();
        }

        private void checkTokens() {
            long input = 0;
            long output = 0;
            long total = 0;
            long calls = 0;
            long cumulative = 0;
            for (JsonNode line : logLines.documents()) {
                switch (line.path("event").asText()) {
                    case "worker_summary" -> {
                        input += line.path("inputTokens").asLong();
                        output += line.path("outputTokens").asLong();
                        total += line.path("totalTokens").asLong();
                        calls += line.path("apiCalls").asLong();
                    }
                    case "worker_cumulative_summary" -> cumulative += line.path("totalTokens").asLong();
                    default -> { }
                }
            }
            TokenUsage billed = model.billed();
            if (input != billed.inputTokens() || output != billed.outputTokens() || total != billed.totalTokens()
                    || calls != model.answered()) {
                ledger.violate(TOKENS, "the model billed " + billed + " in " + model.answered() + " answers; the "
                        + "worker_summary lines count input " + input + ", output " + output + ", total " + total
                        + " in " + calls + " calls");
            }
            if (cumulative != billed.totalTokens()) {
                ledger.violate(TOKENS, "the model billed " + billed.totalTokens() + " tokens; the "
                        + "worker_cumulative_summary lines count " + cumulative);
            }
        }
    }

    /**
     * One processor's hold on the lease, from {@code initialize} to its last callback. It is also what KCL and the
     * worker look like to the processor: its stop switch, its checkpointer's listener, the model's caller.
     */
    private static final class Life implements SentimentRecordProcessor.Stopping, FakeCheckpointer.Listener,
            LifecycleModel.Caller {
        private final Run run;
        private final int number;
        private final boolean faulty;
        private final int startedAfter;
        private final FakeCheckpointer checkpointer;
        private final SentimentPipeline pipeline;
        private final InvocationReporter reporter;
        private final SentimentRecordProcessor processor;
        private volatile boolean stop;

        Life(Run run, int number) {
            this.run = run;
            this.number = number;
            this.faulty = number <= FAULTY_LIVES;
            this.startedAfter = run.stream.coveredBy(run.lease.checkpoint);
            this.checkpointer = new FakeCheckpointer(run.lease, this);
            this.pipeline = SentimentPipeline.builder(run.model, run.log).batchSize(run.modelBatch).concurrency(1)
                    .deadlineMargin(Duration.ofSeconds(1))
                    .pricing(CallPricing.of(PriceTable.bundled(), run.model.modelId(), Optional.of("us-east-1"),
                            ServiceTier.DEFAULT, "no region"))
                    .build();
            this.reporter = new InvocationReporter(new BufferedMetrics(measurements -> { }, run.log), run.log,
                    run.model.modelId(), false);
            this.processor = new SentimentRecordProcessor(pipeline, run.shardBatch, reporter, run.log,
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)), this,
                    report -> run.ledger.analysed(number, report));
        }

        /** Returns whether the shard's end was checkpointed. */
        boolean run() {
            processor.initialize(InitializationInput.builder().shardId(SHARD)
                    .extendedSequenceNumber(run.lease.checkpoint)
                    .pendingCheckpointSequenceNumber(run.lease.pending).build());
            int next = startedAfter + 1;
            int callsBeforeShutdown = -1;
            while (next < run.stream.size()) {
                if (!checkpointer.held()) {
                    // The processor met the lost lease at a write; KCL's scheduler may notice one call later.
                    if (faulty && run.random.nextBoolean()) {
                        deliver(next);
                    }
                    return leaseLost();
                }
                if (faulty) {
                    int roll = run.random.nextInt(100);
                    if (roll < 4) {
                        stop = true;
                    } else if (roll < 8) {
                        checkpointer.loseLease(); // another worker took it, and KCL's scheduler noticed first
                        return leaseLost();
                    }
                }
                if (stop) {
                    if (callsBeforeShutdown < 0) {
                        callsBeforeShutdown = run.random.nextInt(3);
                    }
                    if (callsBeforeShutdown-- == 0) {
                        processor.shutdownRequested(
                                ShutdownRequestedInput.builder().checkpointer(checkpointer).build());
                        return false;
                    }
                }
                next = deliver(next);
            }
            if (!checkpointer.held()) {
                return leaseLost(); // KCL's shard-end task finds the lease gone and ends the processor that way
            }
            // KCL's shutdown task calls shardEnded again and again until SHARD_END is written or the lease goes.
            checkpointer.shardEnded();
            for (int attempt = 0; attempt < 3 && !run.lease.checkpoint.isShardEnd(); attempt++) {
                processor.shardEnded(ShardEndedInput.builder().checkpointer(checkpointer).build());
            }
            if (run.lease.checkpoint.isShardEnd()) {
                return true;
            }
            if (!stop && checkpointer.held()) {
                run.ledger.violate(SHARD_COMPLETES, "processor " + number + " held the lease and was not asked to "
                        + "stop, yet did not checkpoint the shard's end: the shard would stay open");
            }
            return leaseLost(); // the worker's graceful shutdown times out and drops the lease
        }

        /** One {@code processRecords} call from {@code from}: a random size, never ending inside an aggregate. */
        private int deliver(int from) {
            int to = Math.min(run.stream.size(), from + 1 + run.random.nextInt(run.longestCall));
            while (to < run.stream.size()
                    && run.stream.get(to).sequenceNumber().equals(run.stream.get(to - 1).sequenceNumber())) {
                to++;
            }
            List<KinesisClientRecord> records = run.stream.records().subList(from, to);
            checkpointer.delivered(records.get(records.size() - 1));
            processor.processRecords(ProcessRecordsInput.builder().records(records).checkpointer(checkpointer)
                    .isAtShardEnd(to == run.stream.size()).millisBehindLatest(0L).build());
            return to;
        }

        private boolean leaseLost() {
            checkpointer.loseLease();
            processor.leaseLost(LeaseLostInput.builder().build());
            return false;
        }

        /** What the worker does when it stops: the cumulative summary, then the pipeline's threads. */
        void end() {
            reporter.write(WorkerLine.Cumulative.of(reporter));
            try {
                pipeline.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean requested() {
            if (faulty && run.random.nextInt(100) < 3) {
                stop = true;
            }
            return stop;
        }

        @Override
        public boolean await(Duration duration) {
            if (faulty) {
                int roll = run.random.nextInt(100);
                if (roll < 15) {
                    stop = true;
                } else if (roll < 30) {
                    checkpointer.loseLease(); // another worker took the shard while this one waited to retry
                }
            }
            return stop;
        }

        @Override
        public void beforeWrite(FakeCheckpointer writer) {
            if (faulty && run.random.nextInt(100) < 4) {
                writer.loseLease();
            }
        }

        @Override
        public void checkpointed(ExtendedSequenceNumber value) {
            run.ledger.checkpointed(number, startedAfter, value);
        }

        @Override
        public boolean faulty() {
            return faulty;
        }

        @Override
        public boolean holdsLease() {
            return checkpointer.held();
        }

        @Override
        public void requestStop() {
            stop = true;
        }

        @Override
        public String name() {
            return "processor " + number;
        }
    }
}
