package io.sentimentconsumer.publish;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * Writes CloudWatch Embedded Metric Format documents to a stream (stdout in Lambda, where CloudWatch Logs extracts
 * the metrics): no API call, no added latency. A metric measured per call becomes an array of values; the
 * library splits documents at EMF's limits of 100 metrics and 100 values per metric.
 *
 * <p>The environment is fixed rather than auto-detected: detection would probe EC2 instance metadata outside
 * Lambda, and its default dimensions ({@code ServiceName}, {@code LogGroup}) would break the documented query.
 */
public final class EmfMetricsPublisher implements MetricsPublisher {

    private final PrintStream out;
    private final MetricDimensions dimensions;

    public EmfMetricsPublisher(PrintStream out, MetricDimensions dimensions) {
        this.out = out;
        this.dimensions = dimensions;
    }

    @Override
    public void publish(List<Measurement> measurements) throws Exception {
        MetricsLogger logger = new MetricsLogger(new StreamEnvironment(out));
        logger.setNamespace(dimensions.namespace());
        logger.setDimensions(DimensionSet.of(
                "Environment", dimensions.environment(), "ModelId", dimensions.modelId()));
        for (Measurement m : measurements) {
            logger.putMetric(m.name(), m.value(), Unit.fromValue(m.unit().cloudWatchName()));
        }
        logger.flush();
        if (out.checkError()) {
            throw new java.io.IOException("metrics stream reported a write error");
        }
    }

    private record StreamEnvironment(PrintStream out) implements Environment, ISink {

        @Override
        public boolean probe() {
            return true;
        }

        @Override
        public String getName() {
            return "sentiment-consumer";
        }

        @Override
        public String getType() {
            return "Lambda";
        }

        @Override
        public String getLogGroupName() {
            return "";
        }

        @Override
        public void configureContext(MetricsContext context) {
            // Nothing to add: the documents carry only the namespace, our two dimensions and the metrics.
        }

        @Override
        public ISink getSink() {
            return this;
        }

        @Override
        public void accept(MetricsContext context) {
            try {
                for (String document : context.serialize()) {
                    out.println(document);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("EMF document cannot be serialised", e);
            }
        }

        @Override
        public CompletableFuture<Void> shutdown() {
            return CompletableFuture.completedFuture(null);
        }
    }
}
