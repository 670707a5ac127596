package io.sentimentconsumer.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Message bodies as Lambda writes them to an on-failure destination for a Kinesis event source mapping, in the
 * shape of the Lambda developer guide's example invocation record: the failed invocation's context and the batch's
 * shard and sequence range, never the records.
 */
public final class FailureRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FailureRecords() {}

    /** The record Lambda sends when retries are exhausted on a batch of {@code batchSize} records. */
    public static String body(String streamArn, String shardId, String startSequenceNumber, String endSequenceNumber,
                              int batchSize, Instant firstArrival, Instant lastArrival) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode request = root.putObject("requestContext");
        request.put("requestId", UUID.randomUUID().toString());
        request.put("functionArn", "arn:aws:lambda:us-east-1:000000000000:function:sentiment-consumer-test");
        request.put("condition", "RetryAttemptsExhausted");
        request.put("approximateInvokeCount", 6);
        ObjectNode response = root.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        response.put("functionError", "Unhandled");
        root.put("version", "1.0");
        root.put("timestamp", lastArrival.plusSeconds(60).toString());
        ObjectNode info = root.putObject("KinesisBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", startSequenceNumber);
        info.put("endSequenceNumber", endSequenceNumber);
        info.put("approximateArrivalOfFirstRecord", firstArrival.toString());
        info.put("approximateArrivalOfLastRecord", lastArrival.toString());
        info.put("batchSize", batchSize);
        info.put("streamArn", streamArn);
        return root.toString();
    }
}
