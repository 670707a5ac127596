package io.sentimentconsumer.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.KinesisEvents;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The Lambda deployment jar as Lambda gets it: small, without CLI-only code, and able to run on its own. */
class LambdaJarIT {

    private static final Path JAR = Path.of(System.getProperty("lambda.jar"));
    private static final long MAX_BYTES = 15_000_000;

    @Test
    void staysWithinFifteenMegabytes() throws IOException {
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
                    || n.equals("vader_sentiment_lexicon.txt") || n.startsWith("org/apache/hc/")
                    || n.startsWith("org/apache/http/") || n.startsWith("io/netty/"));
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

    /**
     * Loads the handler from the jar alone (no test classpath behind it) and runs one record through a real
     * Converse call, which proves the shaded jar has everything the SDK discovers at run time.
     */
    @Test
    void runsTheHandlerFromTheJarAlone() throws Exception {
        try (FakeBedrock bedrock = new FakeBedrock();
             URLClassLoader jar = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                     ClassLoader.getPlatformClassLoader())) {
            System.setProperty("aws.endpointUrlBedrockRuntime", bedrock.endpoint());
            Object handler;
            try {
                handler = jar.loadClass("io.sentimentconsumer.lambda.KinesisSentimentHandler")
                        .getConstructor().newInstance();
            } finally {
                System.clearProperty("aws.endpointUrlBedrockRuntime");
            }
            String events = "com.amazonaws.services.lambda.runtime.events.";
            Class<?> eventType = jar.loadClass(events + "KinesisEvent");
            Class<?> recordType = jar.loadClass(events + "KinesisEvent$KinesisEventRecord");
            Class<?> kinesisType = jar.loadClass(events + "KinesisEvent$Record");
            Object kinesis = kinesisType.getConstructor().newInstance();
            kinesisType.getMethod("setSequenceNumber", String.class).invoke(kinesis, KinesisEvents.sequenceNumber(0));
            kinesisType.getMethod("setData", ByteBuffer.class)
                    .invoke(kinesis, ByteBuffer.wrap(KinesisEvents.post("p1", "Shipping was quick, love it")));
            Object record = recordType.getConstructor().newInstance();
            recordType.getMethod("setKinesis", kinesisType).invoke(record, kinesis);
            Object event = eventType.getConstructor().newInstance();
            eventType.getMethod("setRecords", List.class).invoke(event, List.of(record));

            Method handle = handler.getClass().getMethod("handleRequest", eventType,
                    jar.loadClass("com.amazonaws.services.lambda.runtime.Context"));
            Object response = handle.invoke(handler, event, null);

            List<?> failures = (List<?>) response.getClass().getMethod("getBatchItemFailures").invoke(response);
            assertThat(failures).isEmpty();
            assertThat(bedrock.calls()).singleElement()
                    .satisfies(call -> assertThat(call.posts()).containsExactly("Shipping was quick, love it"));
        }
    }
}
