package io.sentimentconsumer.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What the Lambda deployment jar contains: it stays small and carries no CLI-only or worker-only code. Whether it
 * runs is {@link LambdaRuntimeIT}'s question, answered under Lambda's own runtime interface client.
 */
class LambdaJarIT {

    private static final Path JAR = Path.of(System.getProperty("lambda.jar"));
    /**
     * 11.6 MB before the results sink; the S3 client (its 4.4 MB jar of every S3 operation's model) made it 16.2 MB
     * (docs/benchmarks.md). The ceiling leaves room for a small dependency, not for another service's client.
     */
    private static final long MAX_BYTES = 17_000_000;

    @Test
    void staysWithinSeventeenMegabytes() throws IOException {
        assertThat(Files.size(JAR)).isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void carriesNoCliOnlyCodeOrHeavyHttpClients() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).contains("io/sentimentconsumer/lambda/KinesisSentimentHandler.class",
                    "io/sentimentconsumer/account/prices.json");
            assertThat(names).noneMatch(n -> n.startsWith("picocli/") || n.startsWith("com/knuddels/")
                    || n.startsWith("io/sentimentconsumer/cli/") || n.startsWith("io/sentimentconsumer/offline/")
                    || n.startsWith("io/sentimentconsumer/generate/") || n.startsWith("io/sentimentconsumer/estimate/")
                    || n.equals("vader_sentiment_lexicon.txt") || n.startsWith("org/apache/hc/")
                    || n.startsWith("org/apache/http/") || n.startsWith("io/netty/"));
        }
    }

    /** redrive is an operator's command: its code and the SQS client are CLI-only. */
    @Test
    void carriesNoRedriveOrSqsClient() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).noneMatch(n -> n.startsWith("io/sentimentconsumer/redrive/")
                    || n.startsWith("software/amazon/awssdk/services/sqs/"));
        }
    }

    /** `prices refresh` is an operator's command: its Price List code and the Pricing client are CLI-only. */
    @Test
    void carriesNoPriceListRefreshOrPricingClient() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).noneMatch(n -> n.startsWith("io/sentimentconsumer/pricelist/")
                    || n.startsWith("software/amazon/awssdk/services/pricing/"));
        }
    }

    /** `report` is an operator's command: its code, the Logs client and the chart library are CLI-only. */
    @Test
    void carriesNoReportLogsClientOrChartLibrary() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).noneMatch(n -> n.startsWith("io/sentimentconsumer/report/")
                    || n.startsWith("software/amazon/awssdk/services/cloudwatchlogs/")
                    || n.startsWith("META-INF/resources/webjars/"));
        }
    }

    /** The KCL worker's runtime is CLI-only: no KCL, no Netty, no Kinesis/DynamoDB clients, no protobuf. */
    @Test
    void carriesNoKclOrWhatOnlyTheWorkerNeeds() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).noneMatch(n -> n.startsWith("software/amazon/kinesis/")
                    || n.startsWith("io/sentimentconsumer/kcl/") || n.startsWith("io/netty/")
                    || n.startsWith("software/amazon/awssdk/http/nio/netty/")
                    || n.startsWith("software/amazon/awssdk/services/kinesis/")
                    || n.startsWith("software/amazon/awssdk/services/dynamodb/")
                    || n.startsWith("com/amazonaws/services/dynamodbv2/") || n.startsWith("com/google/protobuf/")
                    || n.startsWith("com/google/common/") || n.startsWith("io/reactivex/")
                    || n.startsWith("com/amazonaws/services/schemaregistry/") || n.startsWith("org/slf4j/simple/"));
        }
    }
}
