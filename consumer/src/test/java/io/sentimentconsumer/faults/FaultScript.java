package io.sentimentconsumer.faults;

import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.FakeBedrock.Answer;
import io.sentimentconsumer.testing.FakeBedrock.Call;
import io.sentimentconsumer.testing.FakeBedrock.Failure;
import io.sentimentconsumer.testing.FakeBedrock.Late;
import io.sentimentconsumer.testing.FakeBedrock.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A misbehaving Bedrock. Each request draws one behaviour from a seeded generator keyed by the request's content
 * and how often that content was asked, so a seed reproduces the same faults whatever order concurrent calls
 * arrive in. It remembers which posts it gave a correct score to, in answers that reached the client.
 */
final class FaultScript implements Function<Call, Reply> {

    /** Longer than any deadline the suite sets: the client always gives up first. */
    static final int LATE_MILLIS = 8_000;

    private final long seed;
    private final boolean lateAllowed;
    private final Map<String, Integer> asked = new ConcurrentHashMap<>();
    private final Set<String> scoredTexts = ConcurrentHashMap.newKeySet();
    private final Set<String> finishedTexts = ConcurrentHashMap.newKeySet();

    FaultScript(long seed, boolean lateAllowed) {
        this.seed = seed;
        this.lateAllowed = lateAllowed;
    }

    /** The posts that a delivered answer gave a correct, well-formed line. */
    Set<String> scoredTexts() {
        return scoredTexts;
    }

    /**
     * The posts the model settled, as the fake saw it: in a call that got an answer that reached the client, or
     * rejected as too long when sent alone. A post settled nowhere cannot have a final outcome.
     */
    Set<String> finishedTexts() {
        return finishedTexts;
    }

    @Override
    public Reply apply(Call call) {
        Reply reply = reply(call);
        if (reply instanceof Answer || (reply instanceof Failure failure && failure.status() == 400
                && call.posts().size() == 1)) {
            finishedTexts.addAll(call.posts());
        }
        return reply;
    }

    private Reply reply(Call call) {
        String key = String.join("\n", call.posts());
        int occurrence = asked.merge(key, 1, Integer::sum);
        Random random = new Random(seed * 1_000_003L + key.hashCode() * 31L + occurrence);
        int roll = random.nextInt(100);
        if (roll < 45) {
            return deliver(call, allLines(call));
        }
        if (roll < 53) {
            return Failure.throttling();
        }
        if (roll < 58) {
            return random.nextBoolean() ? Failure.internal() : Failure.unavailable();
        }
        if (roll < 62) {
            return new FakeBedrock.Reset();
        }
        if (roll < 65) {
            // Built but never delivered: the client gives up first, so nothing in it counts as given.
            return lateAllowed ? new Late(answer(call, allLines(call)), LATE_MILLIS) : Failure.throttling();
        }
        if (roll < 71) {
            int kept = random.nextInt(call.posts().size());
            return deliver(call, allLines(call).subList(0, kept)).withStopReason("max_tokens");
        }
        if (roll < 76) {
            return new Answer("I'm sorry, I can only rate one post at a time.", usage(call, 0), "end_turn", 120);
        }
        if (roll < 84) {
            return deliver(call, corrupted(call, random));
        }
        if (roll < 89) {
            return deliver(call, allLines(call)).withUsage(null);
        }
        if (roll < 93) {
            return new Answer("The model cannot answer.", usage(call, 0), "guardrail_intervened", 90);
        }
        if (roll < 98) {
            return new Failure(400, "ValidationException", "Input is too long for requested model.");
        }
        return new Failure(403, "AccessDeniedException", "You don't have access to the model.");
    }

    private List<Line> allLines(Call call) {
        List<Line> lines = new ArrayList<>();
        for (int n = 1; n <= call.posts().size(); n++) {
            String text = call.posts().get(n - 1);
            lines.add(new Line(n + "|" + FakeBedrock.scoreOf(text), text));
        }
        return lines;
    }

    /** Correct lines mixed with the ways models get the format wrong; only untouched lines are correct. */
    private List<Line> corrupted(Call call, Random random) {
        List<Line> lines = new ArrayList<>();
        List<Line> correct = allLines(call);
        for (int n = 1; n <= correct.size(); n++) {
            Line line = correct.get(n - 1);
            switch (random.nextInt(6)) {
                case 0 -> { } // missing
                case 1 -> {   // duplicated, the second time with another score
                    lines.add(new Line(line.text(), null));
                    lines.add(new Line(n + "|" + (FakeBedrock.scoreOf(line.post()) > 0 ? "-0.99" : "0.99"), null));
                }
                case 2 -> lines.add(new Line(n + "|" + (1.5 + random.nextInt(5)), null)); // out of range
                case 3 -> lines.add(new Line(n + "|positive", null));
                default -> lines.add(line);
            }
        }
        lines.add(new Line((correct.size() + 1 + random.nextInt(5)) + "|0.5", null)); // no such post
        return lines;
    }

    private static Answer answer(Call call, List<Line> lines) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(line.text()).append('\n');
        }
        return new Answer(text.toString(), usage(call, lines.size()), "end_turn", 150 + lines.size());
    }

    private Answer deliver(Call call, List<Line> lines) {
        // A line counts as correct only if its number appears once in the answer.
        Map<String, Integer> numbers = new java.util.HashMap<>();
        for (Line line : lines) {
            numbers.merge(line.text().substring(0, line.text().indexOf('|')), 1, Integer::sum);
        }
        for (Line line : lines) {
            if (line.post() != null && numbers.get(line.text().substring(0, line.text().indexOf('|'))) == 1) {
                scoredTexts.add(line.post());
            }
        }
        return answer(call, lines);
    }

    private static TokenUsage usage(Call call, int lines) {
        TokenUsage base = FakeBedrock.usageFor(call, lines);
        // Some answers also report cache tokens, which must be counted and priced too.
        return call.posts().size() % 5 == 0 ? new TokenUsage(base.inputTokens(), base.outputTokens(), 40, 8) : base;
    }

    /** One answer line and, when it is a correct score, the post it scores. */
    private record Line(String text, String post) {}
}
