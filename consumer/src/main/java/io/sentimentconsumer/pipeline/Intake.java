package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.ingest.DecodedRecord;
import io.sentimentconsumer.ingest.InflateBudget;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.ingest.Post;
import io.sentimentconsumer.ingest.PostDecoder;
import io.sentimentconsumer.ingest.PostText;
import io.sentimentconsumer.log.EventLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first step of an invocation: unpacks the delivery's records into user records, gives back the outcomes an
 * earlier delivery to this environment finished, decodes the rest (invalid ones end here, with their lines), and
 * sets aside posts that repeat one of the same delivery. What is left goes to the model.
 */
final class Intake {

    /**
     * A delivery taken in: every user record, in order, and those to send to the model.
     *
     * @param truncated posts whose text was cut to the character cap
     * @param repeats   posts that repeat an earlier post of the delivery (same id, same content)
     */
    record Delivery(List<PostInFlight> posts, List<PostInFlight> toSend, int truncated, int repeats) {}

    private final PostDecoder decoder = new PostDecoder();
    private final PostText postText;
    private final OutcomeMemory memory;
    private final EventLog log;

    Intake(PostText postText, OutcomeMemory memory, EventLog log) {
        this.postText = postText;
        this.memory = memory;
        this.log = log;
    }

    Delivery take(List<InputRecord> records) {
        List<PostInFlight> posts = new ArrayList<>(records.size());
        List<PostInFlight> toSend = new ArrayList<>();
        Map<PostKey, PostInFlight> firstOfPost = new HashMap<>();
        InflateBudget inflateBudget = InflateBudget.perInvocation();
        InvalidRecordLines invalidLines = new InvalidRecordLines(log);
        int truncated = 0;
        int repeats = 0;
        int reused = 0;
        for (UserRecord record : UserRecord.unpack(records)) {
            PostInFlight post = new PostInFlight(record);
            posts.add(post);
            Optional<RecordOutcome> earlier = record.key() == null ? Optional.empty() : memory.recall(record.key());
            if (earlier.isPresent()) {
                // Decoded again only for the post's fields in its results row: the outcome stands as it was.
                post.reuse(earlier.get(), decode(record, inflateBudget) instanceof DecodedRecord.Valid valid
                        ? valid.post() : null);
                reused++;
                continue;
            }
            DecodedRecord decoded = decode(record, inflateBudget);
            if (decoded instanceof DecodedRecord.Invalid invalid) {
                post.invalid(invalid.reason());
                invalidLines.add(record.sequenceNumber(), record.subSequenceNumber(), invalid.reason());
                continue;
            }
            Post content = ((DecodedRecord.Valid) decoded).post();
            // Kinesis delivers at least once: the same post twice is analyzed and paid for once. Same id with other
            // content is another post (or an edit) and is analyzed on its own.
            PostInFlight first = content.id() == null ? null : firstOfPost.putIfAbsent(PostKey.of(content), post);
            if (first != null) {
                post.repeat(content, first);
                repeats++;
                continue;
            }
            PostText.Prepared prepared = postText.prepare(content.content());
            if (prepared.truncated()) {
                truncated++;
            }
            post.send(content, prepared.text());
            toSend.add(post);
        }
        invalidLines.finish();
        if (reused > 0) {
            log.write(new IntakeLine.Reused(reused));
        }
        return new Delivery(posts, toSend, truncated, repeats);
    }

    private DecodedRecord decode(UserRecord record, InflateBudget inflateBudget) {
        return record.invalidReason() != null
                ? new DecodedRecord.Invalid(record.invalidReason())
                : decoder.decode(record.data(), inflateBudget);
    }

    /** Keeps the final outcomes of a delivery's records, for a redelivery to reuse. */
    void remember(List<PostInFlight> posts) {
        for (PostInFlight post : posts) {
            OutcomeMemory.Key key = post.record().key();
            if (key != null && !post.reused() && post.finished()) {
                memory.remember(key, post.outcome());
            }
        }
    }
}
