package io.sentimentconsumer.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureRecordTest {

    /** The Lambda developer guide's example invocation record for a Kinesis stream, as it prints it. */
    private static final String DOCUMENTED = """
            {
                "requestContext": {
                    "requestId": "c9b8fa9f-5a7f-xmpl-af9c-0c604cde93a5",
                    "functionArn": "arn:aws:lambda:us-east-2:123456789012:function:myfunction",
                    "condition": "RetryAttemptsExhausted",
                    "approximateInvokeCount": 1
                },
                "responseContext": {
                    "statusCode": 200,
                    "executedVersion": "$LATEST",
                    "functionError": "Unhandled"
                },
                "version": "1.0",
                "timestamp": "2019-11-14T00:38:06.021Z",
                "KinesisBatchInfo": {
                    "shardId": "shardId-000000000001",
                    "startSequenceNumber": "49601189658422359378836298521827638475320189012309704722",
                    "endSequenceNumber": "49601189658422359378836298522902373528957594348623495186",
                    "approximateArrivalOfFirstRecord": "2019-11-14T00:38:04.835Z",
                    "approximateArrivalOfLastRecord": "2019-11-14T00:38:05.580Z",
                    "batchSize": 500,
                    "streamArn": "arn:aws:kinesis:us-east-2:123456789012:stream/mystream"
                }
            }""";

    @Test
    void readsTheDocumentedRecord() {
        FailureRecord record = FailureRecord.parse(DOCUMENTED);

        assertThat(record).isEqualTo(new FailureRecord("shardId-000000000001",
                "49601189658422359378836298521827638475320189012309704722",
                "49601189658422359378836298522902373528957594348623495186", 500,
                "arn:aws:kinesis:us-east-2:123456789012:stream/mystream", Instant.parse("2019-11-14T00:38:04.835Z"),
                "RetryAttemptsExhausted"));
        assertThat(record.streamName()).isEqualTo("mystream");
        assertThat(record.region()).isEqualTo("us-east-2");
    }

    @Test
    void placesSequenceNumbersAsNumbersNotAsText() {
        FailureRecord record = FailureRecord.parse(DOCUMENTED);

        assertThat(record.position("49601189658422359378836298521827638475320189012309704722")).isZero();
        assertThat(record.position("49601189658422359378836298522902373528957594348623495186")).isZero();
        assertThat(record.position("49601189658422359378836298521827638475320189012309704721")).isNegative();
        assertThat(record.position("49601189658422359378836298522902373528957594348623495187")).isPositive();
        // Shorter is smaller, though "5" sorts after "4960..." as text.
        assertThat(record.position("5")).isNegative();
    }

    @Test
    void whatIsNotAKinesisFailureRecordSaysWhatItLacks() {
        assertThatThrownBy(() -> FailureRecord.parse("hello")).hasMessage("not JSON");
        assertThatThrownBy(() -> FailureRecord.parse(DOCUMENTED.replace("KinesisBatchInfo", "DDBStreamBatchInfo")))
                .hasMessageContaining("no KinesisBatchInfo");
        assertThatThrownBy(() -> FailureRecord.parse(DOCUMENTED.replace("\"endSequenceNumber\"", "\"end\"")))
                .hasMessage("KinesisBatchInfo.endSequenceNumber is missing");
        assertThatThrownBy(() -> FailureRecord.parse(DOCUMENTED.replace("\"batchSize\": 500", "\"batchSize\": 0")))
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> FailureRecord.parse(DOCUMENTED.replace("49601189658422359378836298521827638475320189"
                + "012309704722", "49601189658422359378836298532827638475320189012309704722")))
                .hasMessageContaining("startSequenceNumber is after its endSequenceNumber");
        assertThatThrownBy(() -> FailureRecord.parse(DOCUMENTED.replace("stream/mystream", "table/mystream")))
                .hasMessageContaining("not a Kinesis stream ARN");
    }
}
