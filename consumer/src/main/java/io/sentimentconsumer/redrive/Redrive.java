package io.sentimentconsumer.redrive;

import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.results.ResultsWriter;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The way back from the failure queue: for each message, read its range from the stream, run the records through
 * the same pipeline as the Lambda handler, and delete the message only once every record of the range has a final
 * outcome (scored, unscored, invalid). A message whose records are handed back again is kept, and visible in the
 * queue again; the run then stops, since a failing model fails the next range too. Records past the stream's
 * retention are reported on stdout with their range and count; they can never be read again, so the message is
 * deleted once the rest of its range is done. Progress goes to the log (stderr), never post text.
 */
public final class Redrive {

    static final String SUMMARY_TITLE = "Redrive range token summary";

    private enum Decision { DELETE, KEEP, STOP }

    private final FailureQueue queue;
    private final RangeReader reader;
    private final SentimentPipeline pipeline;
    private final InvocationReporter reporter;
    private final ResultsWriter results;
    private final EventLog log;
    private final PrintStream out;
    private int messages, deleted, kept, toModel, lost, kinesisRequests;
    private RecordCounts counts = RecordCounts.NONE;
    private CallTotals calls = CallTotals.NONE;

    /**
     * @param pipeline the pipeline to run the ranges through; {@code null} for a dry run, which calls no model
     * @param reporter publishes each range's metrics and writes its summary; {@code null} for a dry run
     */
    public Redrive(FailureQueue queue, RangeReader reader, SentimentPipeline pipeline, InvocationReporter reporter,
                   EventLog log, PrintStream out) {
        this(queue, reader, pipeline, reporter, ResultsWriter.none(), log, out);
    }

    /**
     * @param results writes each range's rows before its message is deleted: a range whose rows cannot be written
     *                keeps its message, as one the model failed on
     */
    public Redrive(FailureQueue queue, RangeReader reader, SentimentPipeline pipeline, InvocationReporter reporter,
                   ResultsWriter results, EventLog log, PrintStream out) {
        this.queue = queue;
        this.reader = reader;
        this.pipeline = pipeline;
        this.reporter = reporter;
        this.results = results;
        this.log = log;
        this.out = out;
    }

    private boolean dryRun() {
        return pipeline == null;
    }

    public RedriveReport run() throws InterruptedException {
        long started = System.nanoTime();
        Set<String> seen = new HashSet<>();
        List<FailureQueue.Message> toRelease = new ArrayList<>();
        boolean stopped = false;
        try {
            stopped = redriveAll(seen, toRelease);
        } finally {
            release(toRelease);
        }
        return new RedriveReport(dryRun(), messages, deleted, kept, counts, calls, toModel, lost, stopped,
                kinesisRequests, queue.requests(), (System.nanoTime() - started) / 1e9);
    }

    /** Takes the messages one by one; returns whether it stopped early because records were handed back. */
    private boolean redriveAll(Set<String> seen, List<FailureQueue.Message> toRelease) throws InterruptedException {
        for (Optional<FailureQueue.Message> next = queue.next(); next.isPresent(); next = queue.next()) {
            FailureQueue.Message message = next.get();
            if (!seen.add(message.id())) {
                toRelease.add(message); // back again after its visibility timeout: every message had its turn
                break;
            }
            messages++;
            Decision decision = handle(message);
            if (decision == Decision.DELETE && (dryRun() || delete(message))) {
                deleted++;
            } else {
                kept++;
            }
            if (dryRun() || decision != Decision.DELETE) {
                toRelease.add(message); // a failed delete leaves it invisible until its timeout: no matter
            }
            if (decision == Decision.STOP) {
                return true;
            }
        }
        return false;
    }

    /** Kept messages (and all of a dry run's) become visible again now rather than when their timeout ends. */
    private void release(List<FailureQueue.Message> messages) {
        for (FailureQueue.Message message : messages) {
            try {
                queue.release(message);
            } catch (SdkException e) {
                log.write(new RedriveLine.ReleaseFailed(message.id(), e.getMessage()));
            }
        }
    }

    private Decision handle(FailureQueue.Message message) throws InterruptedException {
        FailureRecord range;
        try {
            range = FailureRecord.parse(message.body());
        } catch (IllegalArgumentException e) {
            log.write(new RedriveLine.NotAFailureRecord(message.id(), e.getMessage()));
            return Decision.KEEP;
        }
        RangeRead read = reader.read(range);
        kinesisRequests += read.requests();
        if (!read.readable()) {
            log.write(new RedriveLine.Unreadable(message.id(), range, read.unreadable()));
            return Decision.KEEP;
        }
        log.write(new RedriveLine.Range(message.id(), range, read.records().size(), read.requests()));
        if (read.lost() > 0) {
            reportLost(range, read);
        }
        if (read.records().size() > range.batchSize()) {
            log.write(new RedriveLine.LargerThanBatch(read.records().size(), range.batchSize()));
        }
        toModel += read.records().size();
        if (dryRun()) {
            out.println("redrive (dry run): message " + message.id() + ": " + range.describe() + ": would send "
                    + read.records().size() + " records to the model, then delete the message");
            return Decision.DELETE;
        }
        return read.records().isEmpty() ? Decision.DELETE : redrive(message, read);
    }

    private Decision redrive(FailureQueue.Message message, RangeRead read) {
        long started = System.nanoTime();
        // Each run is its own delivery: a range redriven again after its message was kept pays for its calls again.
        InvocationReport written = results.finish(pipeline.analyze(read.records()), "redrive-" + UUID.randomUUID(),
                Instant.now());
        InvocationReport report = reporter.report(written, SUMMARY_TITLE, started);
        counts = counts.plus(report.counts());
        calls = calls.plus(report.totals());
        RecordCounts c = report.counts();
        long handedBack = report.outcomes().stream().filter(o -> o.kind() == RecordOutcome.Kind.HANDED_BACK).count();
        if (handedBack > 0) {
            log.write(new RedriveLine.Kept(message.id(), (int) handedBack));
            return Decision.STOP;
        }
        log.write(new RedriveLine.Done(message.id(), c));
        return Decision.DELETE;
    }

    private boolean delete(FailureQueue.Message message) {
        try {
            queue.delete(message);
            return true;
        } catch (SdkException e) {
            log.write(new RedriveLine.DeleteFailed(message.id(), e.getMessage()));
            return false;
        }
    }

    private void reportLost(FailureRecord range, RangeRead read) {
        lost += read.lost();
        String line = "redrive: lost " + read.lost() + " of " + range.batchSize() + " records past the stream's "
                + "retention: " + range.describe() + (read.firstReadable() == null ? ""
                : "; the shard's oldest record now is " + read.firstReadable());
        out.println(line);
        log.write(new RedriveLine.Lost(range, read.lost()));
    }
}
