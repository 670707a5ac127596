package io.sentimentconsumer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The figures of a set of the consumer's JSON log lines, added up by the test itself, line by line, with nothing of
 * the report's code: what a report of the same lines must equal.
 */
public record LogLineSums(long calls, long unpricedCalls, long posts, long inputTokens, long outputTokens,
                          long totalTokens, BigDecimal costUsd, long recordsIn, long scored, long unscored,
                          long invalid, long handedBack, long throttles, long abandonedAttempts) {

    /** @param lines every line's JSON, in any order; lines of other events are passed over */
    public static LogLineSums of(List<JsonNode> lines) {
        long calls = 0, unpriced = 0, posts = 0, input = 0, output = 0, total = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long recordsIn = 0, scored = 0, unscored = 0, invalid = 0, handedBack = 0, throttles = 0, abandoned = 0;
        for (JsonNode line : lines) {
            String event = line.path("event").asText();
            if (event.equals("bedrock_call")) {
                calls++;
                posts += line.get("posts").asLong();
                input += line.get("inputTokens").asLong();
                output += line.get("outputTokens").asLong();
                total += line.get("totalTokens").asLong();
                if (line.get("costUsd").isNull()) {
                    unpriced++;
                } else {
                    cost = cost.add(line.get("costUsd").decimalValue());
                }
            } else if (event.equals("invocation_summary") || event.equals("worker_summary")) {
                recordsIn += line.get("recordsIn").asLong();
                scored += line.get("scored").asLong();
                unscored += line.get("unscored").asLong();
                invalid += line.get("invalid").asLong();
                handedBack += line.get("handedBack").asLong();
                throttles += line.get("throttles").asLong();
                abandoned += line.get("abandonedAttempts").asLong();
            }
        }
        return new LogLineSums(calls, unpriced, posts, input, output, total, cost, recordsIn, scored, unscored,
                invalid, handedBack, throttles, abandoned);
    }
}
