package io.sentimentconsumer.aws;

import java.time.Duration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Builds the SDK clients, once per process. They use the JDK's URL connection client: the lightest sync client,
 * and the fastest to start in Lambda. Endpoints come only from the SDK's own configuration
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}, ...), never from code.
 */
public final class AwsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Nova Micro answers a 25-post batch in about a second; a silent socket for this long is a dead one. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private AwsClients() {}

    /** A Bedrock Runtime client; {@code region} may be {@code null} to let the SDK resolve it from AWS_REGION. */
    public static BedrockRuntimeClient bedrockRuntime(String region, ExecutionInterceptor interceptor) {
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .httpClientBuilder(httpClient())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor));
        if (region != null) {
            builder.region(Region.of(region));
        }
        return builder.build();
    }

    public static CloudWatchClient cloudWatch() {
        return CloudWatchClient.builder().httpClientBuilder(httpClient()).build();
    }

    private static UrlConnectionHttpClient.Builder httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT);
    }
}
