package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.CallLedger;
import io.sentimentconsumer.analyze.BatchAnalyzer;
import io.sentimentconsumer.analyze.BatchAnalyzer.BatchResult;
import io.sentimentconsumer.analyze.BatchAnalyzer.Stop;
import io.sentimentconsumer.analyze.CallGate;
import io.sentimentconsumer.analyze.PostResult;
import io.sentimentconsumer.log.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one invocation's posts to the model in batches, in record order, several at a time on the pipeline's call
 * threads, and gives each post its result. When a batch stops early (a call failed after its retries, a
 * configuration error, no time left before the deadline), its unfinished posts are handed back and batches after
 * it that have not started are not sent: the runtime resumes from the lowest handed-back record, so those records
 * come back anyway, and paying for them twice helps no one. Each stop is logged once, with what to do.
 */
final class BatchScheduler {

    private final BatchAnalyzer analyzer;
    private final ExecutorService calls;
    private final int batchSize;
    private final EventLog log;

    BatchScheduler(BatchAnalyzer analyzer, ExecutorService calls, int batchSize, EventLog log) {
        this.analyzer = analyzer;
        this.calls = calls;
        this.batchSize = batchSize;
        this.log = log;
    }

    /** Scores {@code posts}; returns whether a batch stopped because the deadline was near. */
    boolean score(List<PostInFlight> posts, CallLedger tracker, CallGate gate) throws InterruptedException {
        Run run = new Run(tracker, gate);
        run.score(posts);
        return run.deadlineReached.get();
    }

    private final class Run {
        private final CallLedger tracker;
        private final CallGate gate;
        private final AtomicInteger firstStoppedBatch = new AtomicInteger(Integer.MAX_VALUE);
        private final AtomicBoolean configurationErrorLogged = new AtomicBoolean();
        private final AtomicBoolean deadlineReached = new AtomicBoolean();

        Run(CallLedger tracker, CallGate gate) {
            this.tracker = tracker;
            this.gate = gate;
        }

        void score(List<PostInFlight> posts) throws InterruptedException {
            List<List<PostInFlight>> batches = new ArrayList<>();
            List<Future<BatchResult>> futures = new ArrayList<>();
            for (List<PostInFlight> batch : Batches.of(posts, batchSize)) {
                int number = batches.size() + 1;
                List<String> texts = batch.stream().map(PostInFlight::text).toList();
                batches.add(batch);
                futures.add(calls.submit(() -> {
                    if (firstStoppedBatch.get() < number) {
                        return null;
                    }
                    BatchResult result = analyzer.analyze(number, texts, tracker, gate);
                    if (result.stop() != null) {
                        firstStoppedBatch.accumulateAndGet(number, Math::min);
                    }
                    return result;
                }));
            }
            int notSent = 0;
            for (int b = 0; b < futures.size(); b++) {
                List<PostInFlight> batch = batches.get(b);
                BatchResult result;
                try {
                    result = futures.get(b).get();
                } catch (ExecutionException e) {
                    // A defect, not a model failure: hand the batch back rather than lose or guess anything.
                    log.write(new BatchLine.Failed(b + 1, e.getCause().getClass()));
                    firstStoppedBatch.accumulateAndGet(b + 1, Math::min);
                    batch.forEach(post -> post.handBack("unexpected error while analysing its batch"));
                    continue;
                }
                if (result == null) {
                    notSent += batch.size();
                    batch.forEach(post -> post.handBack("not sent: an earlier batch stopped and the runtime will "
                            + "deliver this record again"));
                    continue;
                }
                if (result.stop() != null) {
                    logStop(b + 1, batch, result);
                }
                for (int k = 0; k < batch.size(); k++) {
                    batch.get(k).finish(result.results().get(k));
                }
            }
            if (notSent > 0) {
                log.write(new BatchLine.NotSent(notSent, firstStoppedBatch.get()));
            }
        }

        private void logStop(int batch, List<PostInFlight> posts, BatchResult result) {
            Stop stop = result.stop();
            long handedBack = result.results().stream().filter(r -> r instanceof PostResult.HandedBack).count();
            String from = null;
            for (int k = 0; k < posts.size() && from == null; k++) {
                if (result.results().get(k) instanceof PostResult.HandedBack) {
                    from = posts.get(k).record().sequenceNumber();
                }
            }
            if (stop.reason() == Stop.Reason.DEADLINE) {
                deadlineReached.set(true);
            }
            // Every batch in flight fails the same way on a configuration error; one line says what to fix.
            if (stop.reason() != Stop.Reason.CONFIGURATION || configurationErrorLogged.compareAndSet(false, true)) {
                log.write(new BatchLine.Stopped(stop, batch, handedBack, from));
            }
        }
    }
}
