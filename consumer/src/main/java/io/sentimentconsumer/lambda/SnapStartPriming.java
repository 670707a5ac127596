package io.sentimentconsumer.lambda;

import io.sentimentconsumer.analyze.InstantModel;
import io.sentimentconsumer.ingest.Post;
import io.sentimentconsumer.ingest.PostWriter;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.OutcomeMemory;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.publish.EmfMetricsPublisher;
import io.sentimentconsumer.publish.ImmediateMetrics;
import io.sentimentconsumer.publish.MetricDimensions;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Before Lambda SnapStart takes its snapshot, runs one invocation's worth of work through a pipeline of the same
 * code, so the restored environment starts with its classes loaded and its hot paths compiled: decoding, the
 * prompt, parsing, accounting, the JSON log lines and EMF (whose first use alone costs about 60 ms).
 *
 * <p>The priming never calls Bedrock (it would cost money, and connections opened before the snapshot are stale
 * after restore) and never writes to stdout (its lines would become log events, and its EMF real metrics): the
 * model answers instantly and every stream goes nowhere.
 */
final class SnapStartPriming implements Resource {

    static final int POSTS = 150;
    /** Not a priced model: nothing the priming accounts is a cost. */
    static final String PRIMING_MODEL_ID = "priming";
    private static final Instant PRIMING_TIME = Instant.parse("2026-01-15T12:00:00Z");

    /** Registers priming with the runtime; the registry holds resources weakly, so the caller keeps the result. */
    static SnapStartPriming register() {
        SnapStartPriming priming = new SnapStartPriming();
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the SDK clients and the call threads are valid in every restored copy.
    }

    /** Runs the priming invocation through the handler's entry point, event bytes in, and returns its report. */
    InvocationReport prime() throws Exception {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        EventLog log = new EventLog(nowhere, EventLog.Format.JSON);
        // The default settings: the paths primed are those a default function runs.
        try (SentimentPipeline pipeline = SentimentPipeline.builder(new InstantModel(PRIMING_MODEL_ID), log)
                .deadlineMargin(Duration.ofSeconds(2)).memory(new OutcomeMemory(OutcomeMemory.DEFAULT_BYTES)).build()) {
            InvocationReporter reporter = new InvocationReporter(new ImmediateMetrics(new EmfMetricsPublisher(nowhere,
                    new MetricDimensions("Priming", "priming", PRIMING_MODEL_ID)), log), log, PRIMING_MODEL_ID,
                    pipeline.model().estimated());
            List<InvocationReport> reports = new ArrayList<>(1);
            new KinesisSentimentHandler(pipeline, reporter, reports::add).handleRequest(
                    new ByteArrayInputStream(KinesisEventJson.write(records())), OutputStream.nullOutputStream(), null);
            return reports.get(0);
        }
    }

    private static List<KinesisEventJson.Record> records() {
        List<KinesisEventJson.Record> records = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            Post post = new Post("priming-" + i, PRIMING_TIME, "u" + i, "priming",
                    "Priming post " + i + ":\nnot bad at all, really good", List.of("priming"), List.of(), null, 1.5,
                    Post.PostType.ORIGINAL);
            records.add(record(Integer.toString(i), PostWriter.bytes(post)));
        }
        records.add(record("invalid-json", "not json".getBytes(StandardCharsets.UTF_8)));
        records.add(record("invalid-utf8", new byte[] {(byte) 0xC3, (byte) 0x28}));
        return records;
    }

    private static KinesisEventJson.Record record(String sequenceNumber, byte[] data) {
        return new KinesisEventJson.Record(sequenceNumber, data, "priming", null, null);
    }
}
