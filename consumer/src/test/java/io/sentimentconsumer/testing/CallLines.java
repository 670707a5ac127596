package io.sentimentconsumer.testing;

import io.sentimentconsumer.account.TokenUsage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The per-call log lines a process wrote, read back as the usage they account for. */
public final class CallLines {

    public static final Pattern CALL_LINE = Pattern.compile(
            "^Bedrock API token usage: Input tokens: (\\d+), Output tokens: (\\d+), Total tokens: (\\d+), "
                    + "Posts analyzed: (\\d+),");

    private CallLines() {}

    /** The input and output tokens of every call line, summed. */
    public static TokenUsage usage(List<String> lines) {
        TokenUsage sum = TokenUsage.ZERO;
        for (String line : lines) {
            Matcher m = CALL_LINE.matcher(line);
            if (m.find()) {
                sum = sum.plus(new TokenUsage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), 0, 0));
            }
        }
        return sum;
    }
}
