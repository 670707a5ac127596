package io.sentimentconsumer.aws;

import io.sentimentconsumer.account.CallReceipt;
import io.sentimentconsumer.account.CacheTtl;
import io.sentimentconsumer.account.ServiceTier;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.ModelCallException;
import io.sentimentconsumer.analyze.ModelReply;
import io.sentimentconsumer.analyze.ModelRequest;
import io.sentimentconsumer.analyze.SentimentModel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.CacheDetail;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceTierType;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/** The prompt contract over Amazon Bedrock's Converse API, with temperature 0. */
public final class BedrockConverseModel implements SentimentModel, AutoCloseable {

    /** A single attempt slower than this is treated as lost; Nova Micro answers a batch in about a second. */
    static final Duration MAX_ATTEMPT_TIME = Duration.ofSeconds(20);

    private final BedrockRuntimeClient client;
    private final String modelId;
    private final String invokedId;
    private final ServiceTierType tier;
    private final BedrockErrors errors;

    BedrockConverseModel(BedrockRuntimeClient client, Target target, String region) {
        this.client = client;
        this.modelId = target.modelId();
        this.invokedId = target.invokedId();
        this.tier = ServiceTierType.fromValue(target.tier().id());
        this.errors = new BedrockErrors(target.modelId(), region);
    }

    /**
     * What the calls go to.
     *
     * @param modelId   the configured model: the metric dimension and the price key
     * @param invokedId what Converse is called with: the model id, or an application inference profile's ARN
     * @param tier      the service tier each request asks for
     */
    public record Target(String modelId, String invokedId, ServiceTier tier) {

        /** The model itself, on the default tier. */
        public static Target model(String modelId) {
            return new Target(modelId, modelId, ServiceTier.DEFAULT);
        }
    }

    /** A model on a new client for {@code region} ({@code null}: the SDK's default region chain). */
    public static BedrockConverseModel create(Target target, String region) {
        return new BedrockConverseModel(AwsClients.bedrockRuntime(region, new AttemptCounter()), target, region);
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public ModelReply converse(ModelRequest request, Duration timeout) {
        AttemptCounter.Counts counts = new AttemptCounter.Counts();
        Duration attemptTimeout = timeout.compareTo(MAX_ATTEMPT_TIME) < 0 ? timeout : MAX_ATTEMPT_TIME;
        ConverseRequest.Builder builder = ConverseRequest.builder()
                .modelId(invokedId)
                .system(SystemContentBlock.fromText(request.system()))
                .messages(Message.builder()
                        .role(ConversationRole.USER)
                        .content(ContentBlock.fromText(request.userMessage()))
                        .build())
                .inferenceConfig(c -> c.temperature(0f).maxTokens(request.maxTokens()))
                .overrideConfiguration(o -> o
                        .putExecutionAttribute(AttemptCounter.COUNTS, counts)
                        .apiCallTimeout(timeout)
                        .apiCallAttemptTimeout(attemptTimeout));
        // A request that names no tier is served on the default one; naming it anyway would only change the bytes
        // sent for every deployment that never chose a tier.
        if (tier != ServiceTierType.DEFAULT) {
            builder.serviceTier(t -> t.type(tier));
        }
        ConverseRequest converse = builder.build();
        long started = System.nanoTime();
        ConverseResponse response;
        try {
            response = client.converse(converse);
        } catch (SdkException e) {
            throw errors.toModelCallException(e, counts.snapshot());
        }
        double durationMillis = (System.nanoTime() - started) / 1e6;
        return new ModelReply(text(response), new CallReceipt(
                usage(response),
                // The service's own string: a value this SDK version does not know stays itself (stopReason()
                // would turn it into UNKNOWN_TO_SDK_VERSION); a reply without one gives null.
                response.stopReasonAsString(),
                durationMillis,
                response.metrics() == null ? null : response.metrics().latencyMs(),
                counts.snapshot(),
                response.serviceTier() == null ? null : response.serviceTier().typeAsString()));
    }

    private static String text(ConverseResponse response) {
        if (response.output() == null || response.output().message() == null) {
            return "";
        }
        return response.output().message().content().stream()
                .map(ContentBlock::text)
                .filter(t -> t != null)
                .collect(Collectors.joining());
    }

    private static TokenUsage usage(ConverseResponse response) {
        var usage = response.usage();
        if (usage == null || usage.inputTokens() == null || usage.outputTokens() == null) {
            return null;
        }
        return new TokenUsage(usage.inputTokens(), usage.outputTokens(),
                orZero(usage.cacheReadInputTokens()), orZero(usage.cacheWriteInputTokens()), cacheWritesByTtl(usage));
    }

    /** {@code usage.cacheDetails}: cache writes by the lifetime of the entries written, by the service's labels. */
    private static Map<CacheTtl, Long> cacheWritesByTtl(software.amazon.awssdk.services.bedrockruntime.model.TokenUsage
                                                                usage) {
        if (!usage.hasCacheDetails()) {
            return Map.of();
        }
        Map<CacheTtl, Long> byTtl = new HashMap<>();
        for (CacheDetail detail : usage.cacheDetails()) {
            if (detail.ttlAsString() != null && detail.inputTokens() != null) {
                byTtl.merge(new CacheTtl(detail.ttlAsString()), (long) detail.inputTokens(), Long::sum);
            }
        }
        return byTtl;
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
