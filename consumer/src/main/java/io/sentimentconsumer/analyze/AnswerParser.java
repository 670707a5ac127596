package io.sentimentconsumer.analyze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's answer under the prompt contract, strictly by line number. A post gets a score only from exactly
 * one well-formed line {@code <n>|<score>} with n in range and the score a finite number in [-1, 1]; anything else
 * leaves it without one, so no score is ever guessed.
 */
public final class AnswerParser {

    private static final Pattern LINE = Pattern.compile("^\\s*(\\d{1,6})\\s*\\|\\s*(\\S+)\\s*$");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private AnswerParser() {}

    public static ParsedAnswer parse(String answer, int posts) {
        Map<Integer, List<String>> linesByN = new HashMap<>();
        for (String line : answer.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= posts) {
                linesByN.computeIfAbsent(n, k -> new ArrayList<>()).add(m.group(2));
            }
        }
        List<Verdict> verdicts = new ArrayList<>(posts);
        for (int n = 1; n <= posts; n++) {
            verdicts.add(verdict(linesByN.get(n)));
        }
        return new ParsedAnswer(verdicts);
    }

    private static Verdict verdict(List<String> values) {
        if (values == null) {
            return Verdict.MISSING;
        }
        if (values.size() > 1) {
            return Verdict.DUPLICATED;
        }
        String value = values.get(0);
        if (!NUMBER.matcher(value).matches()) {
            return Verdict.NOT_A_NUMBER;
        }
        double score = Double.parseDouble(value);
        if (score < -1.0 || score > 1.0) {
            return Verdict.OUT_OF_RANGE;
        }
        return Verdict.scored(score);
    }

    /** The outcome of one answer: a verdict per post (index 0 is n = 1); lines that match no post count for none. */
    public record ParsedAnswer(List<Verdict> verdicts) {
        public ParsedAnswer {
            verdicts = List.copyOf(verdicts);
        }
    }

    /** A post's verdict: a score, or the reason it has none. */
    public record Verdict(Double score, String problem) {
        static final Verdict MISSING = new Verdict(null, "no answer line");
        static final Verdict DUPLICATED = new Verdict(null, "more than one answer line");
        static final Verdict NOT_A_NUMBER = new Verdict(null, "score is not a number");
        static final Verdict OUT_OF_RANGE = new Verdict(null, "score outside [-1, 1]");

        static Verdict scored(double score) {
            return new Verdict(score, null);
        }

        public boolean hasScore() {
            return score != null;
        }
    }
}
