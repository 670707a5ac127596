package io.sentimentconsumer.analyze;

import io.sentimentconsumer.account.TokenMetricsTracker;
import io.sentimentconsumer.analyze.AnswerParser.ParsedAnswer;
import io.sentimentconsumer.analyze.AnswerParser.Verdict;
import io.sentimentconsumer.log.EventLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores one batch of posts: one call for the batch, then one follow-up call holding only the posts the first
 * answer left without a valid line. Posts still unanswered are unscored with the reason; a call that fails after
 * its retries hands its posts back. Every call that returned usage is recorded, useful answer or not.
 */
public final class BatchAnalyzer {

    private static final String MAX_TOKENS = "max_tokens";

    private final SentimentModel model;
    private final EventLog log;

    public BatchAnalyzer(SentimentModel model, EventLog log) {
        this.model = model;
        this.log = log;
    }

    /** The results of a batch, one per post in order, and the failure that handed posts back, if any. */
    public record BatchResult(List<PostResult> results, ModelCallException failure) {
        public BatchResult {
            results = List.copyOf(results);
        }
    }

    public BatchResult analyze(int batch, List<String> texts, TokenMetricsTracker tracker) {
        PostResult[] results = new PostResult[texts.size()];
        ModelReply first;
        try {
            first = call(batch, false, texts, tracker);
        } catch (ModelCallException e) {
            Arrays.fill(results, new PostResult.HandedBack(e.getMessage()));
            return new BatchResult(Arrays.asList(results), e);
        }
        List<Integer> pending = apply(AnswerParser.parse(first.text(), texts.size()), identity(texts.size()), results);
        if (pending.isEmpty()) {
            return new BatchResult(Arrays.asList(results), null);
        }
        logFollowUp(batch, texts.size(), pending, results, first.stopReason());

        List<String> again = pending.stream().map(texts::get).toList();
        ModelReply second;
        try {
            second = call(batch, true, again, tracker);
        } catch (ModelCallException e) {
            pending.forEach(i -> results[i] = new PostResult.HandedBack(e.getMessage()));
            return new BatchResult(Arrays.asList(results), e);
        }
        List<Integer> unanswered = apply(AnswerParser.parse(second.text(), again.size()), pending, results);
        String cutOff = MAX_TOKENS.equals(second.stopReason()) ? "; answer cut off at maxTokens" : "";
        for (int i : unanswered) {
            results[i] = new PostResult.Unscored(
                    "no usable answer line after a follow-up call: " + problem(results[i]) + cutOff);
        }
        return new BatchResult(Arrays.asList(results), null);
    }

    private ModelReply call(int batch, boolean followUp, List<String> texts, TokenMetricsTracker tracker) {
        ModelReply reply;
        try {
            reply = model.converse(PromptContract.request(texts));
        } catch (ModelCallException e) {
            tracker.recordFailure(e.attempts(), e.throttles());
            throw e;
        }
        if (reply.usage() == null) {
            tracker.recordWithoutUsage(batch, reply.attempts(), reply.throttles());
        } else {
            tracker.record(batch, followUp, texts.size(), reply.usage(), reply.durationMillis(),
                    reply.latencyMillis(), reply.stopReason(), reply.attempts(), reply.throttles());
        }
        return reply;
    }

    /**
     * Writes the scores of one answer into {@code results}; {@code positions.get(k)} is where the answer's line
     * k + 1 belongs. Posts without a score get a placeholder holding the problem, and their positions are returned.
     */
    private static List<Integer> apply(ParsedAnswer answer, List<Integer> positions, PostResult[] results) {
        List<Integer> pending = new ArrayList<>();
        for (int k = 0; k < positions.size(); k++) {
            Verdict verdict = answer.verdicts().get(k);
            int position = positions.get(k);
            if (verdict.hasScore()) {
                results[position] = new PostResult.Scored(verdict.score());
            } else {
                results[position] = new PostResult.Unscored(verdict.problem());
                pending.add(position);
            }
        }
        return pending;
    }

    private void logFollowUp(int batch, int posts, List<Integer> pending, PostResult[] results, String stopReason) {
        Map<String, Integer> problems = new TreeMap<>();
        pending.forEach(i -> problems.merge(problem(results[i]), 1, Integer::sum));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "follow_up");
        fields.put("batch", batch);
        fields.put("posts", posts);
        fields.put("postsWithoutScore", pending.size());
        fields.put("problems", problems);
        fields.put("stopReason", stopReason);
        log.info("Batch " + batch + ": " + pending.size() + " of " + posts
                + " posts got no usable answer line " + problems + "; asking again in one follow-up call", fields);
    }

    private static String problem(PostResult placeholder) {
        return ((PostResult.Unscored) placeholder).reason();
    }

    private static List<Integer> identity(int size) {
        List<Integer> positions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            positions.add(i);
        }
        return positions;
    }
}
