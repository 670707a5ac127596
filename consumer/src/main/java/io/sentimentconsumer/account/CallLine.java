package io.sentimentconsumer.account;

import static io.sentimentconsumer.events.Field.ATTEMPTS;
import static io.sentimentconsumer.events.Field.BATCH;
import static io.sentimentconsumer.events.Field.CACHE_READ_INPUT_TOKENS;
import static io.sentimentconsumer.events.Field.CACHE_WRITE_INPUT_TOKENS;
import static io.sentimentconsumer.events.Field.COST_USD;
import static io.sentimentconsumer.events.Field.DURATION_MS;
import static io.sentimentconsumer.events.Field.ESTIMATED;
import static io.sentimentconsumer.events.Field.FOLLOW_UP;
import static io.sentimentconsumer.events.Field.INPUT_TOKENS;
import static io.sentimentconsumer.events.Field.LATENCY_MS;
import static io.sentimentconsumer.events.Field.MODEL_ID;
import static io.sentimentconsumer.events.Field.OUTPUT_TOKENS;
import static io.sentimentconsumer.events.Field.POSTS;
import static io.sentimentconsumer.events.Field.SERVED_TIER;
import static io.sentimentconsumer.events.Field.STOP_REASON;
import static io.sentimentconsumer.events.Field.THROTTLES;
import static io.sentimentconsumer.events.Field.TOKENS_PER_POST;
import static io.sentimentconsumer.events.Field.TOTAL_TOKENS;

import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.log.FieldWriter;
import io.sentimentconsumer.log.Level;
import io.sentimentconsumer.log.Line;
import io.sentimentconsumer.log.LogLine;

/** The ledger's line for each model call. */
public sealed interface CallLine extends LogLine {

    /** A call that returned usage: the per-call usage line users build metric filters on. */
    @Line(event = LogEvent.BEDROCK_CALL, level = Level.INFO)
    record Answered(String modelId, CallRecord call, boolean estimated) implements CallLine {
        @Override
        public String message() {
            return UsageLines.call(call, estimated);
        }

        @Override
        public void fields(FieldWriter fields) {
            TokenUsage usage = call.usage();
            fields.put(MODEL_ID, modelId).put(BATCH, call.batch()).put(FOLLOW_UP, call.followUp())
                    .put(INPUT_TOKENS, usage.inputTokens())
                    .put(OUTPUT_TOKENS, usage.outputTokens())
                    .put(CACHE_READ_INPUT_TOKENS, usage.cacheReadInputTokens())
                    .put(CACHE_WRITE_INPUT_TOKENS, usage.cacheWriteInputTokens())
                    .put(TOTAL_TOKENS, usage.totalTokens())
                    .put(POSTS, call.posts())
                    .put(TOKENS_PER_POST, UsageLines.perPost(usage.totalTokens(), call.posts()))
                    .put(DURATION_MS, call.durationMillis())
                    .put(LATENCY_MS, call.latencyMillis())
                    .put(COST_USD, call.costUsd())
                    .put(STOP_REASON, call.stopReason())
                    .put(ATTEMPTS, call.attempts().count())
                    .put(THROTTLES, call.attempts().throttles())
                    .put(ESTIMATED, estimated)
                    .put(SERVED_TIER, call.servedTier());
        }
    }

    /** A call the service answered without usage: billed, but its tokens cannot be counted. */
    @Line(event = LogEvent.BEDROCK_CALL_WITHOUT_USAGE, level = Level.WARN)
    record WithoutUsage(String modelId, int batch) implements CallLine {
        @Override
        public String message() {
            return "Bedrock API call returned no token usage; its tokens cannot be counted";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(MODEL_ID, modelId).put(BATCH, batch);
        }
    }
}
