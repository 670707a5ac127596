package io.sentimentconsumer.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the SDK clients, once per process. They use the JDK's URL connection client: the lightest sync client,
 * and the fastest to start in Lambda. Endpoints come only from the SDK's own configuration
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}, ...), never from code.
 */
public final class AwsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Nova Micro answers a 25-post batch in about a second; a silent socket for this long is a dead one. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    static final Duration PUT_METRIC_DATA_TIMEOUT = Duration.ofMillis(1500);
    /** A delivery's objects are kilobytes: an attempt slower than this is a stuck one, and the SDK retries it. */
    static final Duration PUT_OBJECT_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    /** Every attempt of one PutObject together: a write that fails hands its delivery back, to come again. */
    static final Duration PUT_OBJECT_TIMEOUT = Duration.ofSeconds(6);

    private AwsClients() {}

    /**
     * Retries with full-jitter exponential back-off, short enough to fit inside one Lambda invocation: every call
     * also carries a total timeout bounded by the invocation's deadline, which ends retrying there. Throttling
     * waits longer; across calls, the pipeline also halves its concurrency when it sees throttles.
     *
     * <p>A new strategy for each client: a standard strategy keeps its retry quota (a token bucket that stops
     * retrying after many failures) in the instance, and one static instance shared that quota by every client of
     * the process.
     */
    static RetryStrategy bedrockRetries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(4)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(2)))
                .throttlingBackoffStrategy(
                        BackoffStrategy.exponentialDelay(Duration.ofMillis(250), Duration.ofSeconds(5)))
                .build();
    }

    /** A Bedrock Runtime client; {@code region} may be {@code null} to let the SDK resolve it from AWS_REGION. */
    public static BedrockRuntimeClient bedrockRuntime(String region, ExecutionInterceptor interceptor) {
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .httpClientBuilder(httpClient())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor).retryStrategy(bedrockRetries()));
        if (region != null) {
            builder.region(Region.of(region));
        }
        return builder.build();
    }

    /**
     * PutMetricData runs after the last model call, inside the deadline margin; its total time, retries
     * included, is bounded well inside the default margin so that publishing can never cause a Lambda timeout.
     */
    public static CloudWatchClient cloudWatch() {
        return CloudWatchClient.builder()
                .httpClientBuilder(httpClient())
                .overrideConfiguration(c -> c.apiCallTimeout(PUT_METRIC_DATA_TIMEOUT)
                        .apiCallAttemptTimeout(PUT_METRIC_DATA_TIMEOUT.dividedBy(2)))
                .build();
    }

    /**
     * CloudWatch for an operator's command that reads metrics ({@code reconcile}): the SDK's own retries and no
     * deadline, since nothing waits on it but the operator. {@code region} {@code null} leaves it to the SDK.
     */
    public static CloudWatchClient cloudWatchReader(String region) {
        CloudWatchClientBuilder builder = CloudWatchClient.builder().httpClientBuilder(httpClient());
        if (region != null) {
            builder.region(Region.of(region));
        }
        return builder.build();
    }

    /**
     * The results bucket's client (RESULTS_SINK=s3). Its endpoint is the SDK's to find, like every client's:
     * {@code AWS_ENDPOINT_URL_S3} (or the system property {@code aws.endpointUrlS3}) points it at another server.
     * Its PutObject runs after the model calls, in the deadline margin, with the SDK's standard retries inside
     * {@link #PUT_OBJECT_TIMEOUT}.
     */
    /**
     * The longest a delivery's results writes can take: its two objects, each within {@link #PUT_OBJECT_TIMEOUT}.
     * A Lambda invocation keeps this much more time free before its deadline when it writes results.
     */
    public static Duration resultsWritesWorstCase() {
        return PUT_OBJECT_TIMEOUT.multipliedBy(2);
    }

    public static S3Client s3() {
        return S3Client.builder()
                .httpClientBuilder(httpClient())
                .overrideConfiguration(c -> c.apiCallTimeout(PUT_OBJECT_TIMEOUT)
                        .apiCallAttemptTimeout(PUT_OBJECT_ATTEMPT_TIMEOUT))
                .build();
    }

    /**
     * The HTTP client of every synchronous client of the process, Bedrock's, CloudWatch's and the commands' own
     * (Kinesis, SQS): the same connect and socket timeouts for all.
     */
    public static UrlConnectionHttpClient.Builder httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT);
    }
}
