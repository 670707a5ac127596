package io.sentimentconsumer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.sentimentconsumer.analyze.Deadline;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.Pipelines;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Lambda entry point for a Kinesis event source mapping with {@code ReportBatchItemFailures}. Records handed
 * back by the pipeline are returned as batch item failures; Lambda resumes the shard from the lowest of them.
 *
 * <p>Lambda creates one instance per execution environment, so the SDK clients and thread pool built in the
 * constructor are built once, during init.
 */
public final class KinesisSentimentHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {

    public static final String SUMMARY_TITLE = "Lambda invocation token summary";

    private final SentimentPipeline pipeline;
    private final Consumer<InvocationReport> reports;
    /** Held so the runtime's weak registry keeps it; it runs only when SnapStart takes a snapshot. */
    private SnapStartPriming priming;

    /** The constructor Lambda calls, once per execution environment. */
    public KinesisSentimentHandler() {
        this(Pipelines.bedrock(ConsumerConfig.fromEnvironment(System.getenv()),
                new EventLog(System.out, EventLog.Format.JSON), System.out), report -> { });
        this.priming = SnapStartPriming.register();
    }

    /**
     * @param reports receives each invocation's full report (per-record outcomes), e.g. for {@code replay} to write
     *                the scores to a file; Lambda itself needs only the batch item failures
     */
    public KinesisSentimentHandler(SentimentPipeline pipeline, Consumer<InvocationReport> reports) {
        this.pipeline = pipeline;
        this.reports = reports;
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        List<KinesisEvent.KinesisEventRecord> eventRecords =
                event == null || event.getRecords() == null ? List.of() : event.getRecords();
        List<InputRecord> records = new ArrayList<>(eventRecords.size());
        for (KinesisEvent.KinesisEventRecord eventRecord : eventRecords) {
            KinesisEvent.Record kinesis = eventRecord.getKinesis();
            records.add(new InputRecord(kinesis.getSequenceNumber(), bytes(kinesis.getData())));
        }
        Deadline deadline = context == null
                ? Deadline.NONE : Deadline.after(Duration.ofMillis(context.getRemainingTimeInMillis()));
        InvocationReport report = pipeline.process(records, SUMMARY_TITLE, deadline);
        reports.accept(report);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (String sequenceNumber : report.handedBack()) {
            failures.add(new StreamsEventResponse.BatchItemFailure(sequenceNumber));
        }
        return new StreamsEventResponse(failures);
    }

    private static byte[] bytes(ByteBuffer data) {
        if (data == null) {
            return new byte[0];
        }
        ByteBuffer view = data.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
