package io.sentimentconsumer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sentimentconsumer.analyze.Deadline;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.Pipelines;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.results.ResultsWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Lambda entry point for a Kinesis event source mapping with {@code ReportBatchItemFailures}. Records handed
 * back by the pipeline are returned as batch item failures; Lambda resumes the shard from the lowest of them. With
 * {@code RESULTS_SINK=s3} each invocation's rows are written before its summary; when they cannot be, every record
 * is handed back ({@link ResultsWriter}).
 *
 * <p>A stream handler: the runtime passes the invocation's bytes, {@link KinesisEventJson} reads them with the
 * Jackson the jar carries, and {@link BatchResponse} writes the answer. The runtime's POJO serialization would need
 * Joda-Time on the class path for {@code KinesisEvent} and costs reflection at cold start (docs/benchmarks.md).
 *
 * <p>Lambda creates one instance per execution environment, so the SDK clients and thread pool built in the
 * constructor are built once, during init.
 */
public final class KinesisSentimentHandler implements RequestStreamHandler {

    public static final String SUMMARY_TITLE = "Lambda invocation token summary";

    private final SentimentPipeline pipeline;
    private final InvocationReporter reporter;
    private final ResultsWriter results;
    private final Consumer<InvocationReport> reports;
    /** Held so the runtime's weak registry keeps it; it runs only when SnapStart takes a snapshot. */
    private SnapStartPriming priming;

    /** The constructor Lambda calls, once per execution environment. */
    public KinesisSentimentHandler() {
        this(ConsumerConfig.fromEnvironment(System.getenv()), new EventLog(System.out, EventLog.Format.JSON));
        this.priming = SnapStartPriming.register();
    }

    private KinesisSentimentHandler(ConsumerConfig config, EventLog log) {
        this(Pipelines.bedrock(config, log), config, log);
    }

    private KinesisSentimentHandler(SentimentPipeline pipeline, ConsumerConfig config, EventLog log) {
        this(pipeline, Pipelines.reporter(config, pipeline.model(), log, System.out),
                ResultsWriter.configured(config, pipeline.model().modelId(), log), report -> { });
    }

    /** A handler that keeps no results. */
    public KinesisSentimentHandler(SentimentPipeline pipeline, InvocationReporter reporter,
                                   Consumer<InvocationReport> reports) {
        this(pipeline, reporter, ResultsWriter.none(), reports);
    }

    /**
     * @param results writes each invocation's rows before its summary
     * @param reports receives each invocation's full report (per-record outcomes), e.g. for {@code replay} to write
     *                the scores to a file; Lambda itself needs only the batch item failures
     */
    public KinesisSentimentHandler(SentimentPipeline pipeline, InvocationReporter reporter, ResultsWriter results,
                                   Consumer<InvocationReport> reports) {
        this.pipeline = pipeline;
        this.reporter = reporter;
        this.results = results;
        this.reports = reports;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handle(KinesisEventJson.read(input), context).writeTo(output);
    }

    /** One invocation on records already read; {@code context} may be null (no deadline). */
    public BatchResponse handle(List<KinesisEventJson.Record> records, Context context) {
        long started = System.nanoTime();
        List<InputRecord> inputs = new ArrayList<>(records.size());
        for (KinesisEventJson.Record record : records) {
            inputs.add(record.toInput());
        }
        Deadline deadline = context == null
                ? Deadline.NONE : Deadline.after(Duration.ofMillis(context.getRemainingTimeInMillis()));
        // Lambda's request id names the invocation's calls object; a redelivery is another request.
        String invocationId = context == null || context.getAwsRequestId() == null
                ? UUID.randomUUID().toString() : context.getAwsRequestId();
        InvocationReport analysed = pipeline.analyze(inputs, deadline);
        InvocationReport written = results.finish(analysed, invocationId, Instant.now());
        InvocationReport report = reporter.report(written, SUMMARY_TITLE, started);
        reports.accept(report);
        return new BatchResponse(report.handedBack());
    }
}
