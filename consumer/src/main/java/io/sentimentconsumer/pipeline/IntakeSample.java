package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.ingest.PostText;
import io.sentimentconsumer.log.EventLog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * What the pipeline would send the model for a set of records, taken in by the pipeline's own {@link Intake}: KPL
 * aggregates unpacked, records decoded, repeats set aside, texts prepared and capped. For {@code estimate}, which
 * must size the calls the consumer makes, not calls of its own making. Nothing is logged; the counts say it all.
 *
 * @param texts     the texts the model would get, in record order
 * @param records   user records read
 * @param invalid   records that are not a post (no model call)
 * @param repeats   posts that repeat an earlier one (no model call)
 * @param truncated texts cut to the character cap
 */
public record IntakeSample(List<String> texts, int records, int invalid, int repeats, int truncated) {

    public IntakeSample {
        texts = List.copyOf(texts);
    }

    public static IntakeSample of(List<InputRecord> records, int maxPostChars) {
        EventLog silent = new EventLog(new PrintStream(OutputStream.nullOutputStream()), EventLog.Format.JSON);
        Intake.Delivery delivery = new Intake(new PostText(maxPostChars), OutcomeMemory.none(), silent).take(records);
        List<String> texts = delivery.toSend().stream().map(PostInFlight::text).toList();
        int posts = delivery.posts().size();
        return new IntakeSample(texts, posts, posts - texts.size() - delivery.repeats(), delivery.repeats(),
                delivery.truncated());
    }
}
