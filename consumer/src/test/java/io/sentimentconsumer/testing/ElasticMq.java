package io.sentimentconsumer.testing;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ (Maven Central, test scope), an SQS engine that speaks the SDK's protocol, in this JVM on a free loopback
 * port: no Docker, no network. With a client for tests to make queues, send Lambda's failure records and count what
 * is left.
 */
public final class ElasticMq implements AutoCloseable {

    private final SQSRestServer server;
    private final String endpoint;
    private final SqsClient client;

    private ElasticMq(SQSRestServer server, String endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("test-access-key", "test-secret-key")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static ElasticMq start() throws IOException {
        int port = KinesisLocal.freePort();
        // Queue URLs name this server, so that the URL a test hands redrive is one it can use as it is.
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, "")).start();
        server.waitUntilStarted();
        return new ElasticMq(server, "http://127.0.0.1:" + port);
    }

    public String endpoint() {
        return endpoint;
    }

    /** A new queue with SQS's defaults; returns its URL. */
    public String createQueue(String name) {
        return client.createQueue(r -> r.queueName(name)).queueUrl();
    }

    public void send(String queueUrl, String body) {
        client.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }

    /** Messages in the queue that a receive would get now. */
    public int visible(String queueUrl) {
        return attribute(queueUrl, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }

    /** Messages received and neither deleted nor visible again yet. */
    public int inFlight(String queueUrl) {
        return attribute(queueUrl, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    }

    private int attribute(String queueUrl, QueueAttributeName name) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(name)).attributes();
        return Integer.parseInt(attributes.get(name));
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
