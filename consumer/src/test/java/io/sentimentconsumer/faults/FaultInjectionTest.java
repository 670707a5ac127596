package io.sentimentconsumer.faults;

import static io.sentimentconsumer.testing.ConsumerUnderTest.failures;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.lambda.BatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.KinesisEvents;
import io.sentimentconsumer.testing.ProducerFormats;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product's promises under a randomized storm of faults. Each seed builds a delivery (valid, invalid, gzip,
 * KPL-aggregated and duplicate records), settings (batch size, concurrency, a Lambda deadline or none, a failing
 * CloudWatch) and a misbehaving Bedrock ({@link FaultScript}), runs the real handler over HTTP, and checks the
 * invariants. CI runs {@value #DEFAULT_SEEDS} seeds; {@code mvn -P faults ...} runs 1,000 (docs/failure-modes.md).
 */
class FaultInjectionTest {

    static final int DEFAULT_SEEDS = 12;

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();

    static LongStream seeds() {
        long first = Long.getLong("faults.firstSeed", 1);
        return LongStream.range(first, first + Integer.getInteger("faults.seeds", DEFAULT_SEEDS));
    }

    /** One record of the delivery and the posts it carries (several for a KPL aggregate). */
    private record Sent(String sequenceNumber, List<String> texts) {}

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void keepsEveryPromiseUnderFaults(long seed) throws Exception {
        Random random = new Random(seed);
        boolean withDeadline = random.nextInt(3) > 0;
        FaultScript faults = new FaultScript(seed, withDeadline);
        bedrock.script(faults);

        List<byte[]> data = new ArrayList<>();
        List<List<String>> texts = new ArrayList<>();
        int records = 5 + random.nextInt(56);
        for (int i = 0; i < records; i++) {
            if (i > 0 && random.nextInt(30) == 0) {
                // Kinesis delivers at least once: the very same record again.
                data.add(data.get(i - 1));
                texts.add(texts.get(i - 1));
                continue;
            }
            String text = "seed " + seed + " post " + i + " " + Long.toHexString(random.nextLong());
            String id = "post-" + i;
            int kind = random.nextInt(20);
            if (kind == 0) {
                data.add(("not json " + text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                texts.add(List.of());
            } else if (kind < 3) {
                data.add(ProducerFormats.gzip(KinesisEvents.post(id, text)));
                texts.add(List.of(text));
            } else if (kind == 3) {
                List<byte[]> users = new ArrayList<>();
                List<String> userTexts = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    String userText = text + " aggregated " + k;
                    users.add(KinesisEvents.post(id + "-" + k, userText));
                    userTexts.add(userText);
                }
                data.add(ProducerFormats.kplAggregate(users));
                texts.add(userTexts);
            } else {
                data.add(KinesisEvents.post(id, text));
                texts.add(List.of(text));
            }
        }
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            sent.add(new Sent(KinesisEvents.sequenceNumber(i), texts.get(i)));
        }

        Map<String, String> settings = new HashMap<>(Map.of(
                "BATCH_SIZE", Integer.toString(3 + random.nextInt(10)),
                "BEDROCK_CONCURRENCY", Integer.toString(1 + random.nextInt(4)),
                "DEADLINE_MARGIN_MS", "300"));
        boolean failingCloudWatch = random.nextInt(6) == 0;
        if (failingCloudWatch) {
            settings.put("METRICS_SINK", "cloudwatch");
            try (ServerSocket socket = new ServerSocket(0)) {
                System.setProperty("aws.endpointUrlCloudWatch", "http://127.0.0.1:" + socket.getLocalPort());
            }
        }
        int remainingMillis = 2_500 + random.nextInt(2_500);
        try (ConsumerUnderTest consumer = new ConsumerUnderTest(bedrock, settings)) {
            System.clearProperty("aws.endpointUrlCloudWatch");
            BatchResponse response = withDeadline
                    ? consumer.handle(KinesisEvents.event(data), remainingMillis)
                    : consumer.handle(KinesisEvents.event(data));
            checkInvariants(consumer, response, sent, faults, failingCloudWatch);
        } finally {
            System.clearProperty("aws.endpointUrlCloudWatch");
        }
    }

    private static void checkInvariants(ConsumerUnderTest consumer, BatchResponse response, List<Sent> sent,
                                        FaultScript faults, boolean failingCloudWatch) {
        InvocationReport report = consumer.lastReport();
        List<RecordOutcome> outcomes = report.outcomes();

        // 1. Every record ends in exactly one outcome, with a reason where one is owed.
        int expectedOutcomes = sent.stream().mapToInt(s -> Math.max(1, s.texts().size())).sum();
        assertThat(outcomes).hasSize(expectedOutcomes);
        for (RecordOutcome outcome : outcomes) {
            switch (outcome.kind()) {
                case SCORED -> assertThat(outcome.score()).isBetween(-1.0, 1.0);
                case UNSCORED, INVALID, HANDED_BACK -> {
                    assertThat(outcome.reason()).isNotBlank();
                    assertThat(outcome.score()).isNull();
                }
            }
        }
        var counts = report.counts();
        assertThat(counts.scored() + counts.unscored() + counts.invalid() + counts.handedBack())
                .isEqualTo(counts.recordsIn()).isEqualTo(expectedOutcomes);

        // 2. Lambda resumes from the lowest sequence number the response names and takes every record before it
        //    as done. Judged against what was sent and what the fake saw, not against the report: the response
        //    names only records that were sent, each once, and every record before its lowest one is invalid by
        //    construction or had all its posts settled by the model.
        List<String> named = failures(response);
        List<String> sentNumbers = sent.stream().map(Sent::sequenceNumber).distinct().toList();
        assertThat(named).doesNotHaveDuplicates().isSubsetOf(sentNumbers);
        java.math.BigInteger lowest = named.stream().map(java.math.BigInteger::new)
                .min(java.math.BigInteger::compareTo).orElse(null);
        for (Sent s : sent) {
            if (lowest == null || new java.math.BigInteger(s.sequenceNumber()).compareTo(lowest) < 0) {
                assertThat(faults.finishedTexts()).as("record %s is taken as done", s.sequenceNumber())
                        .containsAll(s.texts());
            }
        }
        // The response agrees with the outcomes the handler reported.
        assertThat(named).isEqualTo(outcomes.stream().filter(o -> o.kind() == RecordOutcome.Kind.HANDED_BACK)
                .map(RecordOutcome::sequenceNumber).distinct().toList());

        // 3. Tokens and cost in the summary are exactly what the fake delivered.
        JsonNode summary = consumer.summary();
        TokenUsage billed = bedrock.billed();
        assertThat(summary.path("inputTokens").asLong()).isEqualTo(billed.inputTokens());
        assertThat(summary.path("outputTokens").asLong()).isEqualTo(billed.outputTokens());
        assertThat(summary.path("cacheReadInputTokens").asLong()).isEqualTo(billed.cacheReadInputTokens());
        assertThat(summary.path("cacheWriteInputTokens").asLong()).isEqualTo(billed.cacheWriteInputTokens());
        assertThat(summary.path("totalTokens").asLong()).isEqualTo(billed.totalTokens());
        BigDecimal expectedCost = new BigDecimal("0.035").multiply(BigDecimal.valueOf(billed.inputTokens()))
                .add(new BigDecimal("0.14").multiply(BigDecimal.valueOf(billed.outputTokens())))
                .add(new BigDecimal("0.00875").multiply(BigDecimal.valueOf(billed.cacheReadInputTokens())))
                .add(new BigDecimal("0.035").multiply(BigDecimal.valueOf(billed.cacheWriteInputTokens())))
                .movePointLeft(6);
        assertThat(summary.path("costUsd").decimalValue()).isEqualByComparingTo(expectedCost);
        assertThat(summary.path("apiCalls").asInt()).isEqualTo(bedrock.answered().size());

        // 4. No post gets a score the model did not give it.
        Map<String, String> textByPost = new HashMap<>();
        int index = 0;
        for (Sent s : sent) {
            for (String text : s.texts().isEmpty() ? List.of("") : s.texts()) {
                textByPost.put(s.sequenceNumber() + "#" + index++, text);
            }
        }
        index = 0;
        for (Sent s : sent) {
            for (int k = 0; k < Math.max(1, s.texts().size()); k++) {
                RecordOutcome outcome = outcomes.get(index);
                String text = textByPost.get(s.sequenceNumber() + "#" + index);
                index++;
                if (outcome.kind() == RecordOutcome.Kind.SCORED) {
                    assertThat(faults.scoredTexts()).as("a delivered answer scored %s", outcome.postId())
                            .contains(text);
                    assertThat(outcome.score()).isEqualTo(FakeBedrock.scoreOf(text));
                }
            }
        }

        // 5. The summary is written once, metrics failures are counted, and no log line holds post text.
        assertThat(consumer.logEvents("invocation_summary")).hasSize(1);
        assertThat(summary.path("metricsFailures").asInt()).isEqualTo(failingCloudWatch ? 1 : 0);
        String log = consumer.logText();
        sent.stream().flatMap(s -> s.texts().stream()).forEach(text -> assertThat(log).doesNotContain(text));
    }
}
