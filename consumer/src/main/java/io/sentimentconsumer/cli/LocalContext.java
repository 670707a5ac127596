package io.sentimentconsumer.cli;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda context {@code replay} hands the handler: a local request id and a deadline like Lambda's. */
public final class LocalContext implements Context {

    /** Lambda's longest timeout, 15 minutes. */
    static final int MAX_LAMBDA_TIMEOUT_MILLIS = 900_000;

    private final String requestId = "replay-" + UUID.randomUUID();
    private final long deadline;
    private final PrintStream log;

    public LocalContext(PrintStream log, int remainingMillis) {
        this.log = log;
        this.deadline = System.currentTimeMillis() + remainingMillis;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/sentiment-consumer-replay";
    }

    @Override
    public String getLogStreamName() {
        return "replay";
    }

    @Override
    public String getFunctionName() {
        return "sentiment-consumer-replay";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:sentiment-consumer-replay";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.print(message);
            }

            @Override
            public void log(byte[] message) {
                log.print(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
