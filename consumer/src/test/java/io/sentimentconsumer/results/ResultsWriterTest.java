package io.sentimentconsumer.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.pipeline.RecordResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of a delivery's records get their rows now: those the runtime will not deliver again. */
class ResultsWriterTest {

    private static RecordResult scored(String sequenceNumber, Integer sub) {
        return new RecordResult(new RecordOutcome.Scored(sequenceNumber, sub, "p", 0.5, null), null, null);
    }

    private static RecordResult handedBack(String sequenceNumber, Integer sub) {
        return new RecordResult(new RecordOutcome.HandedBack(sequenceNumber, sub, "p", "call failed"), null, null);
    }

    @Test
    void rowsStopAtTheFirstRecordHandedBackEvenWhereLaterOnesAreFinished() {
        List<RecordResult> records = List.of(scored("1", null), scored("2", null), handedBack("3", null),
                scored("4", null));

        assertThat(ResultsWriter.beforeFirstHandedBack(records)).containsExactly(records.get(0), records.get(1));
    }

    /** A KPL aggregate goes back whole: its user records before the one handed back come again too. */
    @Test
    void anAggregateWithAUserRecordHandedBackComesBackWhole() {
        List<RecordResult> records = List.of(scored("1", null), scored("2", 0), scored("2", 1), handedBack("2", 2),
                scored("3", null));

        assertThat(ResultsWriter.beforeFirstHandedBack(records)).containsExactly(records.get(0));
    }

    @Test
    void aDeliveryWithNothingHandedBackWritesEveryRow() {
        List<RecordResult> records = List.of(scored("1", null), scored("2", null));

        assertThat(ResultsWriter.beforeFirstHandedBack(records)).isEqualTo(records);
        assertThat(ResultsWriter.beforeFirstHandedBack(List.of(handedBack("1", null)))).isEmpty();
    }
}
