package io.sentimentconsumer.redrive;

import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.RecordCounts;
import io.sentimentconsumer.account.UsageLines;
import java.util.Locale;

/**
 * What one redrive did, and its exit code: {@value #ALL_REDRIVEN} when every message was redriven and deleted (or
 * the queue was empty), {@value #MESSAGES_KEPT} when some message stays in the queue (records handed back, a range
 * that could not be read, a message that is not a failure record), {@value #RECORDS_LOST} when records of some range
 * were past the stream's retention: lost for good, whatever else happened.
 *
 * @param messages   messages received
 * @param deleted    messages deleted (in a dry run: that would be)
 * @param kept       messages left in the queue, visible again
 * @param counts     outcomes of the records sent to the pipeline (none in a dry run)
 * @param calls      the model calls that cost
 * @param toModel    records read from the stream and sent (in a dry run: that would be sent) to the pipeline
 * @param lost       records past the stream's retention
 * @param stopped    whether the run stopped early because a range's records were handed back
 */
public record RedriveReport(boolean dryRun, int messages, int deleted, int kept, RecordCounts counts, CallTotals calls,
                            int toModel, int lost, boolean stopped, int kinesisRequests, int sqsRequests,
                            double seconds) {

    public static final int ALL_REDRIVEN = 0;
    public static final int MESSAGES_KEPT = 2;
    public static final int RECORDS_LOST = 3;

    public int exitCode() {
        return lost > 0 ? RECORDS_LOST : kept > 0 ? MESSAGES_KEPT : ALL_REDRIVEN;
    }

    /** The final report, one line on stdout. */
    public String line() {
        String requests = String.format(Locale.ROOT, "%d Kinesis and %d SQS requests, %.2f s", kinesisRequests,
                sqsRequests, seconds);
        if (dryRun) {
            return String.format(Locale.ROOT, "redrive (dry run): %d messages: %d would be deleted, %d kept; %d "
                    + "records would go to the model; %d lost past retention; %s", messages, deleted, kept, toModel,
                    lost, requests);
        }
        return String.format(Locale.ROOT, "redrive: %d messages: %d deleted, %d kept%s; %d records: %d scored, "
                        + "%d unscored, %d invalid, %d handed back, %d reused; %d lost past retention; %d model calls, %d "
                        + "tokens, %s; %s", messages, deleted, kept, stopped ? " (stopped early: records handed back)" : "",
                counts.recordsIn(), counts.scored(), counts.unscored(), counts.invalid(), counts.handedBack(),
                counts.reused(), lost,
                calls.apiCalls(), calls.usage().totalTokens(), UsageLines.dollars(calls.costUsd()), requests);
    }
}
