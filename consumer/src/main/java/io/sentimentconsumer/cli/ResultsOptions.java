package io.sentimentconsumer.cli;

import io.sentimentconsumer.events.ResultsSink;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where each post's result and each call's cost are kept, for the commands that consume a stream's records. */
final class ResultsOptions {

    @Option(names = "--results-sink", paramLabel = "SINK", converter = SinkConverter.class,
            description = "s3 (gzip JSON Lines in --results-bucket, docs/results.md) or none (default: RESULTS_SINK, "
                    + "else none)")
    ResultsSink sink;

    @Option(names = "--results-bucket", paramLabel = "NAME",
            description = "the results bucket, required with s3 (default: RESULTS_BUCKET); the endpoint is the "
                    + "SDK's (AWS_ENDPOINT_URL_S3)")
    String bucket;

    /** Puts the options given in place of the configuration's values. */
    void applyTo(ConsumerConfig.Builder config) {
        Optional.ofNullable(sink).ifPresent(config::resultsSink);
        Optional.ofNullable(bucket).ifPresent(config::resultsBucket);
    }

    static final class SinkConverter implements picocli.CommandLine.ITypeConverter<ResultsSink> {
        @Override
        public ResultsSink convert(String value) {
            for (ResultsSink sink : ResultsSink.values()) {
                if (sink.id().equalsIgnoreCase(value.trim())) {
                    return sink;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("--results-sink must be s3 or none; was '"
                    + value + "'");
        }
    }
}
