package io.sentimentconsumer.kcl;

import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.InvocationReporter;
import io.sentimentconsumer.pipeline.SentimentPipeline;
import io.sentimentconsumer.publish.BufferedMetrics;
import io.sentimentconsumer.publish.MetricsPublisher;
import io.sentimentconsumer.results.ResultsWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.retrieval.RetrievalConfig;
import software.amazon.kinesis.retrieval.fanout.FanOutConfig;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * A KCL 3.x worker whose shard processors feed the sentiment pipeline: leases and checkpoints in DynamoDB (table
 * {@code applicationName}), shards balanced across the workers of the same application, failover when one dies.
 * New shards start at the oldest record ({@code TRIM_HORIZON}): nothing already on the stream is skipped.
 */
public final class SentimentWorker {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

    private final WorkerConfig settings;
    private final SentimentPipeline pipeline;
    private final int batchSize;
    private final EventLog log;
    private final BufferedMetrics metrics;
    private final InvocationReporter reporter;
    private final ResultsWriter results;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Scheduler scheduler;

    /**
     * @param publisher where the worker's measurements go, buffered and published together every
     *                  {@code metricsInterval}
     * @param results   where each batch's rows are written before its checkpoint
     */
    public SentimentWorker(WorkerConfig settings, SentimentPipeline pipeline, int batchSize, MetricsPublisher publisher,
                           ResultsWriter results, EventLog log) {
        this.settings = settings;
        this.results = results;
        this.pipeline = pipeline;
        this.batchSize = batchSize;
        this.log = log;
        this.metrics = new BufferedMetrics(publisher, log);
        this.reporter = new InvocationReporter(metrics, log, pipeline.model().modelId(), pipeline.model().estimated());
    }

    /**
     * Runs until {@link #stop()}: then finishes the batches in flight, checkpoints, flushes metrics and writes the
     * cumulative summary. Returns {@code true} on a requested stop, {@code false} when the KCL gave up by itself.
     */
    public boolean run() {
        KinesisAsyncClient kinesis = KclClients.kinesisAsync(settings.fanOut());
        DynamoDbAsyncClient dynamoDb = KclClients.dynamoDbAsync();
        CloudWatchAsyncClient cloudWatch = KclClients.cloudWatchAsync();
        SentimentRecordProcessor.Stopping stopping = new SentimentRecordProcessor.Stopping() {
            @Override
            public boolean requested() {
                return stop.getCount() == 0;
            }

            @Override
            public boolean await(Duration duration) throws InterruptedException {
                return stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
        ConfigsBuilder configs = new ConfigsBuilder(settings.streamName(), settings.applicationName(), kinesis,
                dynamoDb, cloudWatch, settings.workerId(),
                () -> new SentimentRecordProcessor(pipeline, batchSize, reporter, results, settings.streamName(), log,
                        settings.backoff(), stopping, report -> { }));
        scheduler = scheduler(configs, kinesis);
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "worker-timers");
            thread.setDaemon(true);
            return thread;
        });
        long summaryMillis = settings.summaryInterval().toMillis();
        long metricsMillis = settings.metricsInterval().toMillis();
        timers.scheduleAtFixedRate(this::writeCumulativeSummary, summaryMillis, summaryMillis,
                TimeUnit.MILLISECONDS);
        timers.scheduleAtFixedRate(metrics::flush, metricsMillis, metricsMillis, TimeUnit.MILLISECONDS);
        log.write(new WorkerLine.Started(settings.workerId(), settings.streamName(), settings.applicationName(),
                settings.fanOut()));
        try {
            scheduler.run();
        } finally {
            timers.shutdownNow();
            metrics.flush();
            writeCumulativeSummary();
            closeReporter();
            kinesis.close();
            dynamoDb.close();
            cloudWatch.close();
            finished.countDown();
        }
        return stop.getCount() == 0;
    }

    /**
     * Asks the worker to stop gracefully and waits until it has: in-flight batches finished, shards checkpointed,
     * leases released, metrics flushed. Safe to call from a shutdown hook.
     */
    public void stop() throws InterruptedException {
        // The flag goes first, so that a blocked shard stops waiting at once. Until the graceful shutdown reaches a
        // shard, KCL keeps delivering its records: its processor skips them rather than start new work, and never
        // checkpoints past a record it skipped (SentimentRecordProcessor). A shard that ended after its processor
        // skipped records keeps its end uncheckpointed; the graceful shutdown then waits out SHUTDOWN_TIMEOUT.
        stop.countDown();
        Scheduler running = scheduler;
        if (running == null) {
            return;
        }
        log.write(new WorkerLine.Stopping(settings.workerId()));
        try {
            running.startGracefulShutdown().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            log.write(new WorkerLine.ShutdownIncomplete(e.getClass()));
            running.shutdown();
        }
        finished.await(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** After the last flush: the metrics client goes with the worker's other clients. */
    private void closeReporter() {
        try {
            reporter.close();
        } catch (Exception e) {
            // Nothing is left to publish: a client that fails to close loses nothing.
        }
    }

    private void writeCumulativeSummary() {
        reporter.write(WorkerLine.Cumulative.of(reporter));
    }

    private Scheduler scheduler(ConfigsBuilder configs, KinesisAsyncClient kinesis) {
        RetrievalConfig retrieval = configs.retrievalConfig()
                .initialPositionInStreamExtended(
                        InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON));
        PollingConfig polling = new PollingConfig(settings.streamName(), kinesis);
        if (settings.fanOut()) {
            retrieval.retrievalSpecificConfig(new FanOutConfig(kinesis)
                    .streamName(settings.streamName()).applicationName(settings.applicationName()));
        } else {
            retrieval.retrievalSpecificConfig(polling);
        }
        var leases = configs.leaseManagementConfig();
        var coordinator = configs.coordinatorConfig();
        var metricsConfig = configs.metricsConfig();
        if (!settings.kclMetrics()) {
            metricsConfig.metricsFactory(new NullMetricsFactory());
        }
        WorkerConfig.Tuning tuning = settings.tuning();
        if (tuning != null) {
            long failover = tuning.failoverMillis();
            long poll = Math.min(1000, failover);
            leases.failoverTimeMillis(failover)
                    .shardSyncIntervalMillis(failover)
                    .leaseAssignmentIntervalMillis(failover)
                    .dynamoDbLockBasedLeaderLeaseDurationInMillis(failover)
                    .dynamoDbLockBasedLeaderHeartbeatPeriodInMillis(Math.max(100, failover / 4));
            coordinator.parentShardPollIntervalMillis(failover)
                    .shardConsumerDispatchPollIntervalMillis(poll)
                    .schedulerInitializationBackoffTimeMillis(poll);
            polling.idleTimeBetweenReadsInMillis(poll);
            // Workers under test share one host, whose CPU cannot tell them apart: they balance leases by throughput,
            // as the KCL does wherever it finds no CPU metric, and report every failover period, so that a stopped
            // one is soon out of the assignment (the KCL drops a worker after two missed reports).
            leases.workerUtilizationAwareAssignmentConfig()
                    .disableWorkerMetrics(true)
                    .workerMetricsReporterFreqInMillis(failover);
        }
        return new Scheduler(configs.checkpointConfig(), coordinator, leases, configs.lifecycleConfig(),
                metricsConfig, configs.processorConfig(), retrieval);
    }
}
