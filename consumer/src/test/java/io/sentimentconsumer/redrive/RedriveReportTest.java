package io.sentimentconsumer.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.RecordCounts;
import org.junit.jupiter.api.Test;

class RedriveReportTest {

    private static RedriveReport report(int kept, int lost) {
        return new RedriveReport(false, 3, 3 - kept, kept, RecordCounts.NONE, CallTotals.NONE, 0, lost, false, 0, 0,
                0.5);
    }

    @Test
    void exitCodeSaysWhetherEverythingWasRedrivenKeptOrLost() {
        assertThat(report(0, 0).exitCode()).isEqualTo(0);
        assertThat(report(1, 0).exitCode()).isEqualTo(2);
        assertThat(report(0, 5).exitCode()).isEqualTo(3);
        // A loss is the graver news: it wins over kept messages.
        assertThat(report(1, 5).exitCode()).isEqualTo(3);
    }

    @Test
    void aDryRunSaysWhatWouldHappen() {
        RedriveReport dryRun = new RedriveReport(true, 2, 1, 1, RecordCounts.NONE, CallTotals.NONE, 150, 0, false, 5,
                4, 0.25);

        assertThat(dryRun.line()).isEqualTo("redrive (dry run): 2 messages: 1 would be deleted, 1 kept; 150 records "
                + "would go to the model; 0 lost past retention; 5 Kinesis and 4 SQS requests, 0.25 s");
    }
}
