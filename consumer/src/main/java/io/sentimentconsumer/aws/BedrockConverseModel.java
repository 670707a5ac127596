package io.sentimentconsumer.aws;

import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.ModelCallException;
import io.sentimentconsumer.analyze.ModelReply;
import io.sentimentconsumer.analyze.ModelRequest;
import io.sentimentconsumer.analyze.SentimentModel;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/** The prompt contract over Amazon Bedrock's Converse API, with temperature 0. */
public final class BedrockConverseModel implements SentimentModel {

    private final BedrockRuntimeClient client;
    private final String modelId;

    BedrockConverseModel(BedrockRuntimeClient client, String modelId) {
        this.client = client;
        this.modelId = modelId;
    }

    /** A model on a new client for {@code region} ({@code null}: the SDK's default region chain). */
    public static BedrockConverseModel create(String modelId, String region) {
        return new BedrockConverseModel(AwsClients.bedrockRuntime(region, new AttemptCounter()), modelId);
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public ModelReply converse(ModelRequest request) {
        AttemptCounter.Counts counts = new AttemptCounter.Counts();
        ConverseRequest converse = ConverseRequest.builder()
                .modelId(modelId)
                .system(SystemContentBlock.fromText(request.system()))
                .messages(Message.builder()
                        .role(ConversationRole.USER)
                        .content(ContentBlock.fromText(request.userMessage()))
                        .build())
                .inferenceConfig(c -> c.temperature(0f).maxTokens(request.maxTokens()))
                .overrideConfiguration(o -> o.putExecutionAttribute(AttemptCounter.COUNTS, counts))
                .build();
        long started = System.nanoTime();
        ConverseResponse response;
        try {
            response = client.converse(converse);
        } catch (SdkException e) {
            throw new ModelCallException(describe(e, counts.attempts.get()), counts.attempts.get(),
                    counts.throttles.get(), e);
        }
        double durationMillis = (System.nanoTime() - started) / 1e6;
        return new ModelReply(
                text(response),
                usage(response),
                response.stopReasonAsString(),
                durationMillis,
                response.metrics() == null ? null : response.metrics().latencyMs(),
                counts.attempts.get(),
                counts.throttles.get());
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
                orZero(usage.cacheReadInputTokens()), orZero(usage.cacheWriteInputTokens()));
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private String describe(SdkException e, int attempts) {
        String what = "Bedrock Converse (" + modelId + ") failed after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ");
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return what + service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + "): "
                    + service.awsErrorDetails().errorMessage();
        }
        return what + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
