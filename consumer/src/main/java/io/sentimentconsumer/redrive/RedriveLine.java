package io.sentimentconsumer.redrive;

import static io.sentimentconsumer.events.Field.BATCH_SIZE;
import static io.sentimentconsumer.events.Field.END_SEQUENCE_NUMBER;
import static io.sentimentconsumer.events.Field.LOST;
import static io.sentimentconsumer.events.Field.MESSAGE_ID;
import static io.sentimentconsumer.events.Field.RECORDS;
import static io.sentimentconsumer.events.Field.SHARD_ID;
import static io.sentimentconsumer.events.Field.START_SEQUENCE_NUMBER;

import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.log.FieldWriter;
import io.sentimentconsumer.log.Level;
import io.sentimentconsumer.log.Line;
import io.sentimentconsumer.log.LogLine;

/** What redrive did with each message of the failure queue, and with the range it names. */
public sealed interface RedriveLine extends LogLine {

    /** A line about one message of the queue: its fields start with the message's id. */
    sealed interface OfMessage extends RedriveLine {
        String messageId();

        @Override
        default void fields(FieldWriter fields) {
            fields.put(MESSAGE_ID, messageId());
        }
    }

    /** A message's range, read from the stream. */
    @Line(event = LogEvent.REDRIVE_RANGE, level = Level.INFO)
    record Range(String messageId, FailureRecord range, int records, int requests) implements OfMessage {
        @Override
        public String message() {
            return "Message " + messageId + ": " + range.describe() + (range.condition() == null ? ""
                    : ", sent to the queue on " + range.condition()) + ": read " + records + " records in " + requests
                    + " Kinesis requests";
        }

        @Override
        public void fields(FieldWriter fields) {
            writeRange(fields.put(MESSAGE_ID, messageId), range).put(BATCH_SIZE, range.batchSize())
                    .put(RECORDS, records);
        }
    }

    /** @param why why the stream could not give the range's records */
    @Line(event = LogEvent.REDRIVE_UNREADABLE, level = Level.ERROR)
    record Unreadable(String messageId, FailureRecord range, String why) implements OfMessage {
        @Override
        public String message() {
            return "Message " + messageId + ": " + range.describe() + " cannot be read: " + why
                    + ". The message stays in the queue";
        }

        @Override
        public void fields(FieldWriter fields) {
            writeRange(fields.put(MESSAGE_ID, messageId), range).put(BATCH_SIZE, range.batchSize());
        }
    }

    /** A range holding more records than its batch: records of other batches are scored again. */
    @Line(event = LogEvent.REDRIVE_RANGE_LARGER_THAN_BATCH, level = Level.WARN)
    record LargerThanBatch(int records, int batchSize) implements RedriveLine {
        @Override
        public String message() {
            return "The range holds " + records + " records, more than the batch's " + batchSize + ": with a "
                    + "ParallelizationFactor above 1 it holds other batches' records too, and they are scored again";
        }
    }

    /** Records past the stream's retention: they can never be read again. */
    @Line(event = LogEvent.REDRIVE_LOST, level = Level.ERROR)
    record Lost(FailureRecord range, int lost) implements RedriveLine {
        @Override
        public String message() {
            return "Lost " + lost + " records past the stream's retention (" + range.describe() + ")";
        }

        @Override
        public void fields(FieldWriter fields) {
            writeRange(fields, range).put(LOST, lost);
        }
    }

    /** Every record of the range has its outcome: the message is deleted. */
    @Line(event = LogEvent.REDRIVE_DONE, level = Level.INFO)
    record Done(String messageId, RecordCounts counts) implements OfMessage {
        @Override
        public String message() {
            return "Message " + messageId + ": every record has its outcome (" + counts.scored() + " scored, "
                    + counts.unscored() + " unscored, " + counts.invalid() + " invalid); deleting the message";
        }
    }

    /** Records of the range were handed back again: the message stays, and the run stops. */
    @Line(event = LogEvent.REDRIVE_KEPT, level = Level.ERROR)
    record Kept(String messageId, int handedBack) implements OfMessage {
        @Override
        public String message() {
            return "Message " + messageId + ": " + handedBack + " records were handed back (see the errors above); "
                    + "the message stays in the queue and is visible again now. Stopping: the rest of the queue is "
                    + "left for the next redrive";
        }
    }

    /** @param why the parser's reason */
    @Line(event = LogEvent.REDRIVE_NOT_A_FAILURE_RECORD, level = Level.WARN)
    record NotAFailureRecord(String messageId, String why) implements OfMessage {
        @Override
        public String message() {
            return "Message " + messageId + " is not a Lambda failure record (" + why + "); it stays in the queue";
        }
    }

    /** @param why the SDK's error message */
    @Line(event = LogEvent.REDRIVE_RELEASE_FAILED, level = Level.WARN)
    record ReleaseFailed(String messageId, String why) implements OfMessage {
        @Override
        public String message() {
            return "Message " + messageId + " could not be made visible again (" + why + "); it will be when its "
                    + FailureQueue.VISIBILITY.toMinutes() + " minutes are over";
        }
    }

    /** @param why the SDK's error message */
    @Line(event = LogEvent.REDRIVE_DELETE_FAILED, level = Level.ERROR)
    record DeleteFailed(String messageId, String why) implements OfMessage {
        @Override
        public String message() {
            return "Message " + messageId + " could not be deleted (" + why + "): it stays in the queue, and the next "
                    + "redrive scores its range again";
        }
    }

    private static FieldWriter writeRange(FieldWriter fields, FailureRecord range) {
        return fields.put(SHARD_ID, range.shardId()).put(START_SEQUENCE_NUMBER, range.startSequenceNumber())
                .put(END_SEQUENCE_NUMBER, range.endSequenceNumber());
    }
}
