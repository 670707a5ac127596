package io.sentimentconsumer.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * cdk-nag's AwsSolutions pack runs on every variant of the stack: no error is left unsuppressed, and no warning of
 * any kind (nag's or CDK's own) remains, so {@code cdk synth --strict} passes.
 */
class NagTest {

    static List<Map<String, Object>> variants() {
        return List.of(
                Map.of(),
                Map.of("metricsSink", "cloudwatch", "snapStart", "true", "reservedConcurrency", "4",
                        "alarmEmail", "ops@example.com", "streamMode", "provisioned", "shardCount", "2",
                        "streamKey", "customer-managed"),
                Map.of("modelId", "us.amazon.nova-micro-v1:0"),
                Map.of("modelId", "global.amazon.nova-micro-v1:0", "metricsSink", "cloudwatch"),
                Map.of("worker", "true"),
                Map.of("worker", "true", "streamKey", "customer-managed", "modelId", "global.amazon.nova-micro-v1:0"),
                Map.of("worker", "true", "resultsSink", "none"),
                Map.of("retainData", "true", "resultsIncludeText", "true", "resultsRetentionDays", "3650"));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void awsSolutionsFindingsAreAllResolvedOrSuppressedWithAReason(Map<String, Object> context) {
        var annotations = Synth.of(context).annotations();
        List<SynthesisMessage> errors = annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        List<SynthesisMessage> warnings = annotations.findWarning("*", Match.anyValue());
        assertThat(errors).extracting(m -> m.getId() + ": " + m.getEntry().getData()).isEmpty();
        assertThat(warnings).extracting(m -> m.getId() + ": " + m.getEntry().getData()).isEmpty();
    }
}
