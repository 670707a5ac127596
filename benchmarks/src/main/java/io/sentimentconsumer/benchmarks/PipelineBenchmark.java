package io.sentimentconsumer.benchmarks;

import io.sentimentconsumer.analyze.InstantModel;
import io.sentimentconsumer.events.Setting;
import io.sentimentconsumer.generate.SyntheticPosts;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.Pipelines;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Lambda invocation of the event source mapping's batch (150 records) or Lambda's largest (10,000), with a
 * model that answers instantly: the consumer's own cost per invocation, JSON log lines and EMF included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {

    @Param({"150", "10000"})
    int records;

    private List<InputRecord> input;
    private SentimentPipeline pipeline;
    private InvocationReporter reporter;

    @Setup
    public void setUp() {
        SyntheticPosts posts = new SyntheticPosts(42);
        input = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            input.add(new InputRecord(Integer.toString(i), posts.next().toBytes()));
        }
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        ConsumerConfig config =
                ConsumerConfig.fromEnvironment(Map.of("ENVIRONMENT", "bench", "BEDROCK_REGION", "us-east-1"));
        EventLog log = new EventLog(discard, EventLog.Format.JSON);
        pipeline = Pipelines.create(config, new InstantModel(Setting.DEFAULT_MODEL_ID), log);
        reporter = Pipelines.reporter(config, pipeline.model(), log, discard);
    }

    @Benchmark
    public InvocationReport invocation() {
        // What the handler does per invocation: the analysis, then the EMF document and the summary line.
        long started = System.nanoTime();
        return reporter.report(pipeline.analyze(input), "Lambda invocation token summary", started);
    }
}
