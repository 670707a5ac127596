package io.sentimentconsumer.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.sentimentconsumer.account.TokenUsage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Bedrock's Converse API on a local WireMock server, so the real SDK client speaks real HTTP to it. A
 * script decides, per HTTP request, what the service answers; the fake records every request it received and the
 * usage it billed, so tests can check accounting against exactly what "Bedrock" reported.
 */
public final class FakeBedrock implements AutoCloseable, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/model/([^/]+)/converse");

    /** One HTTP request to Converse, decoded. {@code posts} are the texts after {@code n|}, in order. */
    public record Call(String rawPath, String modelId, String system, List<String> posts, int maxTokens,
                       double temperature, JsonNode body) {}

    /** What the fake sends back. */
    public sealed interface Reply permits Answer, Failure, Late, Reset {}

    /**
     * A reply held back for {@code delayMillis}: longer than the client waits, so it never arrives and its usage
     * is not counted as billed (the real service would bill it; no client can see that).
     */
    public record Late(Reply reply, int delayMillis) implements Reply {}

    /** The connection is reset before any answer. */
    public record Reset() implements Reply {}

    /**
     * A 200 answer. {@code usage} null leaves the {@code usage} member out of the response, {@code stopReason} null
     * the {@code stopReason} member, {@code servedTier} null the {@code serviceTier} member. Cache writes the usage
     * attributes to a lifetime go out as {@code usage.cacheDetails}.
     */
    public record Answer(String text, TokenUsage usage, String stopReason, long latencyMs, String servedTier)
            implements Reply {
        public Answer(String text, TokenUsage usage, String stopReason, long latencyMs) {
            this(text, usage, stopReason, latencyMs, null);
        }

        public Answer withUsage(TokenUsage value) {
            return new Answer(text, value, stopReason, latencyMs, servedTier);
        }

        public Answer withStopReason(String value) {
            return new Answer(text, usage, value, latencyMs, servedTier);
        }

        public Answer withServedTier(String value) {
            return new Answer(text, usage, stopReason, latencyMs, value);
        }
    }

    /** An error the way Bedrock sends it: a status, {@code x-amzn-ErrorType} and a JSON message. */
    public record Failure(int status, String errorType, String message) implements Reply {
        public static Failure throttling() {
            return new Failure(429, "ThrottlingException", "Too many requests, please wait before trying again.");
        }

        public static Failure internal() {
            return new Failure(500, "InternalServerException", "The server encountered an internal error.");
        }

        public static Failure unavailable() {
            return new Failure(503, "ServiceUnavailableException", "The service is temporarily unavailable.");
        }
    }

    private final WireMockServer server;
    private final List<Call> calls = new ArrayList<>();
    private volatile Function<Call, Reply> script = FakeBedrock::scoreAll;
    private TokenUsage billed = TokenUsage.ZERO;
    private final List<Answer> answered = new ArrayList<>();

    public FakeBedrock() {
        server = new WireMockServer(options().dynamicPort().extensions(new Transformer()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    public String endpoint() {
        return server.baseUrl();
    }

    /** Replaces the script and forgets earlier requests and usage. */
    public synchronized void script(Function<Call, Reply> value) {
        script = value;
        calls.clear();
        answered.clear();
        billed = TokenUsage.ZERO;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The sum of the usage the fake reported in its 200 answers. */
    public synchronized TokenUsage billed() {
        return billed;
    }

    /** A deterministic score for a text, so tests can tell which score belongs to which post. */
    public static double scoreOf(String text) {
        return (Math.floorMod(text.hashCode(), 201) - 100) / 100.0;
    }

    /** Usage that depends only on the request, like a real tokenizer's would. */
    public static TokenUsage usageFor(Call call, int answerLines) {
        int chars = call.system().length() + call.posts().stream().mapToInt(p -> p.length() + 4).sum();
        return new TokenUsage(chars / 4 + 10, answerLines * 7L + 1, 0, 0);
    }

    /** The well-behaved model: one correct line per post. */
    public static Reply scoreAll(Call call) {
        return answer(call, call.posts().size());
    }

    /** A well-formed answer for the first {@code lines} posts. */
    public static Answer answer(Call call, int lines) {
        StringBuilder text = new StringBuilder();
        for (int n = 1; n <= lines; n++) {
            text.append(n).append('|').append(scoreOf(call.posts().get(n - 1))).append('\n');
        }
        return new Answer(text.toString(), usageFor(call, lines), "end_turn", 200 + call.posts().size());
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Registered with {@code @RegisterExtension} on a static field, the fake lives as long as its test class. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private synchronized Reply handle(Call call) {
        calls.add(call);
        Reply reply = script.apply(call);
        if (reply instanceof Answer answer && answer.usage() != null) {
            billed = billed.plus(answer.usage());
            answered.add(answer);
        }
        return reply;
    }

    /** The answers that were delivered (not late), in the order they were sent. */
    public synchronized List<Answer> answered() {
        return List.copyOf(answered);
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            var request = serveEvent.getRequest();
            Reply reply = handle(decode(request.getUrl(), request.getBodyAsString()));
            return response(reply);
        }

        private ResponseDefinition response(Reply reply) {
            if (reply instanceof Late late) {
                ResponseDefinition held = response(late.reply());
                return ResponseDefinitionBuilder.like(held).withFixedDelay(late.delayMillis()).build();
            }
            if (reply instanceof Reset) {
                return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            }
            if (reply instanceof Failure failure) {
                return aResponse().withStatus(failure.status())
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", failure.errorType())
                        .withBody(JSON.createObjectNode().put("message", failure.message()).toString())
                        .build();
            }
            return aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body((Answer) reply))
                    .build();
        }

        @Override
        public String getName() {
            return "fake-bedrock";
        }
    }

    private static Call decode(String url, String body) {
        try {
            JsonNode json = JSON.readTree(body);
            Matcher path = PATH.matcher(url);
            String modelId = path.matches() ? URLDecoder.decode(path.group(1), StandardCharsets.UTF_8) : null;
            List<String> posts = new ArrayList<>();
            String user = json.path("messages").path(0).path("content").path(0).path("text").asText("");
            for (String line : user.split("\n")) {
                posts.add(line.substring(line.indexOf('|') + 1));
            }
            return new Call(url, modelId, json.path("system").path(0).path("text").asText(null), posts,
                    json.path("inferenceConfig").path("maxTokens").asInt(-1),
                    json.path("inferenceConfig").path("temperature").asDouble(Double.NaN), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(Answer answer) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = root.putObject("output").putObject("message");
        message.put("role", "assistant");
        message.putArray("content").addObject().put("text", answer.text());
        if (answer.stopReason() != null) {
            root.put("stopReason", answer.stopReason());
        }
        if (answer.usage() != null) {
            TokenUsage u = answer.usage();
            ObjectNode usage = root.putObject("usage");
            usage.put("inputTokens", u.inputTokens());
            usage.put("outputTokens", u.outputTokens());
            usage.put("totalTokens", u.totalTokens());
            if (u.hasCacheTokens()) {
                usage.put("cacheReadInputTokens", u.cacheReadInputTokens());
                usage.put("cacheWriteInputTokens", u.cacheWriteInputTokens());
            }
            if (!u.cacheWritesByTtl().isEmpty()) {
                var details = usage.putArray("cacheDetails");
                u.cacheWritesByTtl().forEach((ttl, tokens) ->
                        details.addObject().put("ttl", ttl.label()).put("inputTokens", tokens));
            }
        }
        if (answer.servedTier() != null) {
            root.putObject("serviceTier").put("type", answer.servedTier());
        }
        root.putObject("metrics").put("latencyMs", answer.latencyMs());
        return root.toString();
    }
}
