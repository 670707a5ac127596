package io.sentimentconsumer.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.FakeBedrock.Call;
import io.sentimentconsumer.testing.FakeBedrock.Failure;
import io.sentimentconsumer.testing.FakeBedrock.Reply;
import io.sentimentconsumer.testing.KinesisEvents;
import io.sentimentconsumer.testing.KinesisEvents.EventRecord;
import io.sentimentconsumer.testing.ProducerFormats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promises over a shard's whole lifecycle under Lambda, not one invocation: {@link EventSourceMapping} drives
 * the real handler through partial batch responses, lost responses (bisect), retries to the failure destination,
 * record age, and warm or fresh environments, against a Bedrock that fails often. For every seed:
 * <ol>
 *   <li>every record is taken as done exactly once, with a final outcome for each of its user records, or lies
 *       inside a range sent to the failure destination; nothing is dropped silently;</li>
 *   <li>every record taken as done was settled: invalid by construction, or each of its posts answered by the
 *       model in some invocation (the fake's own record, not the handler's);</li>
 *   <li>the tokens the fake model billed equal the tokens the summaries counted, over all deliveries and
 *       environments;</li>
 *   <li>where every redelivery reached a warm environment, each post was billed at most once; otherwise the extra
 *       is counted and reported;</li>
 *   <li>no response names a record outside its batch.</li>
 * </ol>
 * CI runs {@value #DEFAULT_SEEDS} seeds; {@code mvn -P faults ...} runs 1,000 (docs/failure-modes.md).
 */
class LambdaLifecycleTest {

    static final int DEFAULT_SEEDS = 24;

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();

    private static final AtomicLong extraBilledPosts = new AtomicLong();
    private static final AtomicLong postsSent = new AtomicLong();
    private static final AtomicLong freshRedeliveries = new AtomicLong();

    static LongStream seeds() {
        long first = Long.getLong("lifecycle.firstSeed", 1);
        return LongStream.range(first, first + Integer.getInteger("lifecycle.seeds", DEFAULT_SEEDS));
    }

    @AfterAll
    static void report() {
        System.out.printf("lifecycle: %d posts, %d invocations on a fresh environment after the first, "
                + "%d posts billed more than once (%.2f%%)%n", postsSent.get(), freshRedeliveries.get(),
                extraBilledPosts.get(), postsSent.get() == 0 ? 0 : 100.0 * extraBilledPosts.get() / postsSent.get());
    }

    /** One Kinesis record of the shard and the posts it carries (none when invalid, several when aggregated). */
    private record Sent(EventRecord record, List<String> texts) {}

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void keepsEveryPromiseOverTheShardsLifecycle(long seed) {
        Random random = new Random(seed);
        List<Sent> shard = shard(seed, random);
        Map<String, Integer> billed = new ConcurrentHashMap<>();
        bedrock.script(model(seed, billed));
        EventSourceMapping.Settings settings = new EventSourceMapping.Settings(
                10 + random.nextInt(51), random.nextInt(4),
                random.nextInt(4) == 0 ? 2 + random.nextInt(4) : null,
                random.nextInt(3) == 0 ? 0.15 : 0,
                random.nextInt(3) == 0 ? 0.3 : 0,
                random.nextInt(4) == 0 ? 3_000 + random.nextInt(3_000) : null);
        Map<String, String> handler = Map.of(
                "BATCH_SIZE", Integer.toString(3 + random.nextInt(8)),
                "BEDROCK_CONCURRENCY", Integer.toString(1 + random.nextInt(4)),
                "DEADLINE_MARGIN_MS", "300",
                "METRICS_SINK", "none");
        EventSourceMapping mapping = new EventSourceMapping(shard.stream().map(Sent::record).toList(), settings,
                new Random(seed * 31 + 7), () -> new ConsumerUnderTest(bedrock, handler));

        mapping.run();

        String where = "seed " + seed + " " + settings;
        // 1. Done exactly once with final outcomes, or in the failure destination.
        boolean[] inDestination = new boolean[shard.size()];
        for (EventSourceMapping.Range range : mapping.failureDestination) {
            for (int i = range.from(); i < range.to(); i++) {
                assertThat(inDestination[i]).as(where + ": record %d sent to the destination twice", i).isFalse();
                inDestination[i] = true;
            }
        }
        for (int i = 0; i < shard.size(); i++) {
            List<RecordOutcome> outcomes = mapping.done.get(i);
            assertThat(outcomes != null ^ inDestination[i])
                    .as(where + ": record %d is done exactly once or in the failure destination", i).isTrue();
            if (outcomes != null) {
                assertThat(outcomes).as(where + ": record %d", i)
                        .hasSize(Math.max(1, shard.get(i).texts().size()))
                        .noneMatch(o -> o.kind() == RecordOutcome.Kind.HANDED_BACK);
                // 2. Settled, by the fake's record.
                assertThat(billed.keySet()).as(where + ": the posts of record %d were answered", i)
                        .containsAll(shard.get(i).texts());
            }
        }
        // 3. Every billed token counted.
        assertThat(mapping.tokensCounted()).as(where).isEqualTo(bedrock.billed().totalTokens());
        // 4. Warm redeliveries never bill a post twice.
        long extra = billed.values().stream().mapToLong(n -> n - 1).sum();
        if (mapping.freshRedeliveries == 0) {
            assertThat(extra).as(where + ": posts billed more than once in one warm environment").isZero();
        }
        extraBilledPosts.addAndGet(extra);
        postsSent.addAndGet(shard.stream().mapToLong(s -> s.texts().size()).sum());
        freshRedeliveries.addAndGet(mapping.freshRedeliveries);
        // 5. Responses name only their own records.
        assertThat(mapping.strayIdentifiers).as(where).isEmpty();
    }

    /**
     * Answers with every line, or fails (throttling, 5xx, a reset connection), keyed by the request's content and
     * how often it was asked, so a seed reproduces its faults whatever order concurrent calls arrive in. One request
     * in four fails its first four attempts, so its call fails after the SDK's four and the next delivery succeeds;
     * the others fail an attempt now and then. Counts how often each post was in a delivered answer: what was
     * billed.
     */
    private static Function<Call, Reply> model(long seed, Map<String, Integer> billed) {
        Map<String, Integer> asked = new ConcurrentHashMap<>();
        return call -> {
            String key = String.join("\n", call.posts());
            int occurrence = asked.merge(key, 1, Integer::sum);
            boolean failsOnce = new Random(seed * 1_000_003L + key.hashCode()).nextInt(4) == 0;
            int roll = new Random(seed * 1_000_003L + key.hashCode() * 31L + occurrence).nextInt(100);
            if ((failsOnce && occurrence <= 4) || roll < 15) {
                return switch (roll % 3) {
                    case 0 -> Failure.throttling();
                    case 1 -> Failure.internal();
                    default -> new FakeBedrock.Reset();
                };
            }
            call.posts().forEach(post -> billed.merge(post, 1, Integer::sum));
            return FakeBedrock.scoreAll(call);
        };
    }

    /** 40 to 160 records with increasing sequence numbers: posts, gzip posts, KPL aggregates and invalid data. */
    private static List<Sent> shard(long seed, Random random) {
        List<Sent> shard = new ArrayList<>();
        int records = 40 + random.nextInt(121);
        for (int i = 0; i < records; i++) {
            String sequenceNumber = KinesisEvents.sequenceNumber(i);
            String text = "lifecycle " + seed + " post " + i + " " + Long.toHexString(random.nextLong());
            int kind = random.nextInt(20);
            byte[] data;
            List<String> texts;
            if (kind == 0) {
                data = ("not json " + i).getBytes(StandardCharsets.UTF_8);
                texts = List.of();
            } else if (kind < 3) {
                data = ProducerFormats.gzip(KinesisEvents.post("p" + i, text));
                texts = List.of(text);
            } else if (kind == 3) {
                List<byte[]> users = new ArrayList<>();
                List<String> userTexts = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    users.add(KinesisEvents.post("p" + i + "-" + k, text + " user " + k));
                    userTexts.add(text + " user " + k);
                }
                data = ProducerFormats.kplAggregate(users);
                texts = userTexts;
            } else {
                data = KinesisEvents.post("p" + i, text);
                texts = List.of(text);
            }
            shard.add(new Sent(new EventRecord(sequenceNumber, "user", data), texts));
        }
        return shard;
    }
}
