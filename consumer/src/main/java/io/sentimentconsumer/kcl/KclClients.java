package io.sentimentconsumer.kcl;

import io.sentimentconsumer.aws.AwsClients;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.kinesis.common.KinesisClientUtil;

/**
 * The SDK clients of the worker and the producer. The KCL needs async clients (Netty); the producer needs one
 * sync Kinesis client, which uses the JDK's URL connection like the rest of the consumer. Region, credentials and
 * endpoints come from the SDK's own configuration ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_KINESIS},
 * {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL_CLOUDWATCH}, ...), never from code.
 */
public final class KclClients {

    private KclClients() {}

    /**
     * Kinesis for the KCL. Enhanced fan-out reads over HTTP/2, which {@link KinesisClientUtil} configures; polling
     * stays on HTTP/1.1, which every Kinesis endpoint (and kinesis-local's plain port) speaks.
     */
    public static KinesisAsyncClient kinesisAsync(boolean fanOut) {
        var builder = KinesisAsyncClient.builder();
        return fanOut ? KinesisClientUtil.createKinesisAsyncClient(builder)
                : builder.httpClientBuilder(NettyNioAsyncHttpClient.builder()).build();
    }

    public static DynamoDbAsyncClient dynamoDbAsync() {
        return DynamoDbAsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder()).build();
    }

    public static CloudWatchAsyncClient cloudWatchAsync() {
        return CloudWatchAsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder()).build();
    }

    /** Kinesis for {@code produce}: PutRecords is request/response, no reason for Netty there. */
    public static KinesisClient kinesisSync() {
        return KinesisClient.builder().httpClientBuilder(AwsClients.httpClient()).build();
    }
}
