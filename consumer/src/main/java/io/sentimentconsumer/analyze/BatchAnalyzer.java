package io.sentimentconsumer.analyze;

import io.sentimentconsumer.account.CallLedger;
import io.sentimentconsumer.account.CallRecord;
import io.sentimentconsumer.analyze.AnswerParser.ParsedAnswer;
import io.sentimentconsumer.analyze.AnswerParser.Verdict;
import io.sentimentconsumer.log.EventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores one batch of posts, spending as little as it can and never guessing:
 * <ul>
 *   <li>one call for the batch; the posts its answer left without a valid line go once more, together, in one
 *       follow-up call; still without one, they are unscored with the reason;</li>
 *   <li>an answer cut off at {@code maxTokens}: the posts without a line are split in halves and asked again,
 *       down to single posts; a single post still cut off is unscored;</li>
 *   <li>a request the service rejects for its content (e.g. too long): split in halves the same way; a single
 *       post still rejected is unscored with the service's reason. Any other rejection is a configuration error
 *       (below): splitting cannot help it;</li>
 *   <li>an answer stopped by a guardrail or content filter: its posts without a line are unscored with that
 *       reason (asking again at temperature 0 gets the same answer);</li>
 *   <li>a call that fails after its retries, a configuration error, or a call that cannot start before the
 *       deadline: its posts, and every post of the batch not yet finished, are handed back.</li>
 * </ul>
 * Every call that returned usage is recorded, useful answer or not.
 */
public final class BatchAnalyzer {

    private static final String MAX_TOKENS = "max_tokens";
    private static final Set<String> FILTERED = Set.of("guardrail_intervened", "content_filtered");

    private final SentimentModel model;
    private final EventLog log;

    public BatchAnalyzer(SentimentModel model, EventLog log) {
        this.model = model;
        this.log = log;
    }

    /** Why a batch stopped before every post had a result. */
    public record Stop(Reason reason, String message) {
        public enum Reason { CALL_FAILED, CONFIGURATION, DEADLINE }
    }

    /** The results of a batch, one per post in order, and why it stopped early, if it did. */
    public record BatchResult(List<PostResult> results, Stop stop) {
        public BatchResult {
            results = List.copyOf(results);
        }
    }

    public BatchResult analyze(int batch, List<String> texts, CallLedger tracker, CallGate gate)
            throws InterruptedException {
        Run run = new Run(batch, texts, tracker, gate);
        run.score(identity(texts.size()), false);
        return new BatchResult(Arrays.asList(run.results), run.stop);
    }

    private final class Run {
        private final int batch;
        private final List<String> texts;
        private final CallLedger tracker;
        private final CallGate gate;
        private final PostResult[] results;
        private Stop stop;

        Run(int batch, List<String> texts, CallLedger tracker, CallGate gate) {
            this.batch = batch;
            this.texts = texts;
            this.tracker = tracker;
            this.gate = gate;
            this.results = new PostResult[texts.size()];
        }

        void score(List<Integer> positions, boolean followUp) throws InterruptedException {
            if (stop != null) {
                handBack(positions, stop.message());
                return;
            }
            Optional<Duration> timeout = gate.enter();
            if (timeout.isEmpty()) {
                stop = new Stop(Stop.Reason.DEADLINE, "not sent: too close to the invocation's deadline");
                handBack(positions, stop.message());
                return;
            }
            Answer answer;
            try {
                answer = call(positions, followUp, timeout.get());
            } catch (ModelCallException e) {
                gate.failed(e.attempts());
                failed(positions, followUp, e);
                return;
            }
            ModelReply reply = answer.reply();
            gate.answered(reply.receipt());

            List<Integer> pending = apply(AnswerParser.parse(reply.text(), positions.size()), positions,
                    answer.call());
            if (pending.isEmpty()) {
                return;
            }
            // A reply without a stop reason (null) is an ordinary end of turn: its lines count, the rest follow up.
            String stopReason = reply.receipt().stopReason();
            if (stopReason != null && FILTERED.contains(stopReason)) {
                pending.forEach(i -> results[i] = new PostResult.Unscored("model stopped: " + stopReason));
            } else if (MAX_TOKENS.equals(stopReason)) {
                if (positions.size() == 1) {
                    unscored(pending, "answer cut off at maxTokens");
                } else {
                    logRetry(RetryLine.How.IN_HALVES, positions.size(), pending, stopReason);
                    for (List<Integer> half : halves(pending)) {
                        score(half, true);
                    }
                }
            } else if (!followUp) {
                logRetry(RetryLine.How.FOLLOW_UP, positions.size(), pending, stopReason);
                score(pending, true);
            } else {
                unscored(pending, "no usable answer line after a follow-up call");
            }
        }

        private void failed(List<Integer> positions, boolean followUp, ModelCallException e)
                throws InterruptedException {
            switch (e.kind()) {
                case INPUT_REJECTED -> {
                    if (positions.size() == 1) {
                        results[positions.get(0)] = new PostResult.Unscored("rejected by the model: "
                                + e.getMessage());
                        return;
                    }
                    log.write(new RetryLine.Rejected(batch, positions.size(), e.getMessage()));
                    for (List<Integer> half : halves(positions)) {
                        score(half, followUp);
                    }
                }
                case CONFIGURATION -> {
                    stop = new Stop(Stop.Reason.CONFIGURATION, e.getMessage());
                    handBack(positions, e.getMessage());
                }
                case TRANSIENT -> {
                    stop = new Stop(Stop.Reason.CALL_FAILED, e.getMessage());
                    handBack(positions, e.getMessage());
                }
            }
        }

        private Answer call(List<Integer> positions, boolean followUp, Duration timeout) {
            List<String> request = positions.stream().map(texts::get).toList();
            ModelReply reply;
            try {
                reply = model.converse(PromptContract.request(request), timeout);
            } catch (ModelCallException e) {
                tracker.recordFailure(e.attempts());
                throw e;
            }
            if (reply.receipt().hasUsage()) {
                return new Answer(reply, tracker.record(batch, followUp, positions.size(), reply.receipt()));
            }
            tracker.recordWithoutUsage(batch, reply.receipt().attempts());
            return new Answer(reply, null);
        }

        /**
         * Writes an answer's scores, each with the call that gave it; posts without one get their problem as a
         * placeholder and are returned.
         *
         * @param call the ledger's record of the call; {@code null} for a call that returned no usage
         */
        private List<Integer> apply(ParsedAnswer answer, List<Integer> positions, CallRecord call) {
            List<Integer> pending = new ArrayList<>();
            for (int k = 0; k < positions.size(); k++) {
                Verdict verdict = answer.verdicts().get(k);
                int position = positions.get(k);
                if (verdict.hasScore()) {
                    results[position] = call == null ? new PostResult.Scored(verdict.score())
                            : new PostResult.Scored(verdict.score(), call.callId(), call.servedTier());
                } else {
                    results[position] = new PostResult.Unscored(verdict.problem());
                    pending.add(position);
                }
            }
            return pending;
        }

        private void unscored(List<Integer> positions, String why) {
            for (int i : positions) {
                results[i] = new PostResult.Unscored(why + ": " + ((PostResult.Unscored) results[i]).reason());
            }
        }

        private void handBack(List<Integer> positions, String why) {
            for (int i : positions) {
                results[i] = new PostResult.HandedBack(why);
            }
        }

        private void logRetry(RetryLine.How how, int posts, List<Integer> pending, String stopReason) {
            Map<String, Integer> problems = new HashMap<>();
            pending.forEach(i -> problems.merge(((PostResult.Unscored) results[i]).reason(), 1, Integer::sum));
            log.write(new RetryLine.Unanswered(how, batch, posts, pending.size(), problems, stopReason));
        }
    }

    /** A call's reply, and the ledger's record of it when it returned usage. */
    private record Answer(ModelReply reply, CallRecord call) {}

    private static List<List<Integer>> halves(List<Integer> positions) {
        if (positions.size() == 1) {
            return List.of(positions);
        }
        int middle = positions.size() / 2;
        return List.of(positions.subList(0, middle), positions.subList(middle, positions.size()));
    }

    private static List<Integer> identity(int size) {
        List<Integer> positions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            positions.add(i);
        }
        return positions;
    }
}
