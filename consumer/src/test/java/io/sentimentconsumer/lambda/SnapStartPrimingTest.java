package io.sentimentconsumer.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.pipeline.InvocationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Priming before a SnapStart snapshot runs the real code paths and leaves no trace anyone could bill or graph. */
class SnapStartPrimingTest {

    @Test
    void runsAWholeInvocationWithoutWritingToStdoutOrCallingBedrock() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        InvocationReport report;
        try {
            report = new SnapStartPriming().prime();
        } finally {
            System.setOut(stdout);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(report.counts().recordsIn()).isEqualTo(SnapStartPriming.POSTS + 2);
        assertThat(report.counts().scored()).isEqualTo(SnapStartPriming.POSTS);
        assertThat(report.counts().invalid()).isEqualTo(2);
        assertThat(report.totals().apiCalls()).isEqualTo(6);
    }
}
