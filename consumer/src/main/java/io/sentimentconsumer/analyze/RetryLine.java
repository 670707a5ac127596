package io.sentimentconsumer.analyze;

import static io.sentimentconsumer.events.Field.BATCH;
import static io.sentimentconsumer.events.Field.ERROR;
import static io.sentimentconsumer.events.Field.POSTS;
import static io.sentimentconsumer.events.Field.POSTS_WITHOUT_SCORE;
import static io.sentimentconsumer.events.Field.PROBLEMS;
import static io.sentimentconsumer.events.Field.STOP_REASON;

import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.log.FieldWriter;
import io.sentimentconsumer.log.Level;
import io.sentimentconsumer.log.Line;
import io.sentimentconsumer.log.LogLine;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A batch's posts asked again: what went wrong with the call before, and how they are asked. */
public sealed interface RetryLine extends LogLine {

    /** How posts an answer left without a usable line are asked again. */
    enum How {
        FOLLOW_UP(LogEvent.FOLLOW_UP, "asking again in one follow-up call"),
        IN_HALVES(LogEvent.SPLIT, "the answer was cut off at maxTokens, asking again in halves");

        private final LogEvent event;
        private final String text;

        How(LogEvent event, String text) {
            this.event = event;
            this.text = text;
        }
    }

    /**
     * Posts the answer left without a usable line.
     *
     * @param posts    posts in the call
     * @param problems what was wrong with the lines of the posts without one, by problem
     */
    record Unanswered(How how, int batch, int posts, int withoutScore, Map<String, Integer> problems,
                      String stopReason) implements RetryLine {
        public Unanswered {
            problems = Collections.unmodifiableMap(new TreeMap<>(problems));
        }

        @Override
        public LogEvent event() {
            return how.event;
        }

        @Override
        public Level level() {
            return Level.INFO;
        }

        @Override
        public String message() {
            return "Batch " + batch + ": " + withoutScore + " of " + posts + " posts got no usable answer line "
                    + problems + "; " + how.text;
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(BATCH, batch).put(POSTS, posts).put(POSTS_WITHOUT_SCORE, withoutScore).put(PROBLEMS, problems)
                    .put(STOP_REASON, stopReason);
        }
    }

    /** A request the model rejected for its content, split in halves. */
    @Line(event = LogEvent.SPLIT, level = Level.INFO)
    record Rejected(int batch, int posts, String error) implements RetryLine {
        @Override
        public String message() {
            return "Batch " + batch + ": the model rejected a request of " + posts + " posts; splitting it in halves";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(BATCH, batch).put(POSTS, posts).put(ERROR, error);
        }
    }
}
