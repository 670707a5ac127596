package io.sentimentconsumer.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DynamoDB Local (Maven Central, test scope) in this JVM, in memory, on a free loopback port. */
public final class DynamoDbLocal implements AutoCloseable {

    /** A lease as KCL stores it: which worker holds the shard and where it is checkpointed. */
    public record Lease(String shardId, String owner, String checkpoint) {}

    private final DynamoDBProxyServer server;
    private final String endpoint;
    private final DynamoDbClient client;

    /** {@code server} is null for an engine this harness did not start (LocalStack's). */
    private DynamoDbLocal(DynamoDBProxyServer server, String endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("testaccesskey", "testsecretkey")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static DynamoDbLocal start() throws Exception {
        int port = KinesisLocal.freePort();
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
        server.start();
        return new DynamoDbLocal(server, "http://127.0.0.1:" + port);
    }

    /** A DynamoDB engine someone else runs, e.g. LocalStack in a container. */
    public static DynamoDbLocal connect(String endpoint) {
        return new DynamoDbLocal(null, endpoint);
    }

    public String endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The lease table's leases by shard id (empty while the table does not exist). */
    public Map<String, Lease> leases(String table) {
        Map<String, Lease> leases = new LinkedHashMap<>();
        if (!client.listTables().tableNames().contains(table)) {
            return leases;
        }
        for (Map<String, AttributeValue> item : client.scan(r -> r.tableName(table).consistentRead(true)).items()) {
            String key = item.get("leaseKey").s();
            if (!key.startsWith("shardId-")) {
                continue; // the KCL keeps its leader lock and coordinator state in the same table
            }
            leases.put(key, new Lease(key, text(item.get("leaseOwner")), text(item.get("checkpoint"))));
        }
        return leases;
    }

    /**
     * Creates a KCL lease table the way the KCL would, with its lease-owner index, so that a worker need not wait
     * for the index to become active (the KCL polls it every 10 s): a test-only timing knob.
     */
    public void createLeaseTable(String table) {
        client.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("leaseKey").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("leaseOwner").attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(KeySchemaElement.builder().attributeName("leaseKey").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("LeaseOwnerToLeaseKeyIndex")
                        .keySchema(KeySchemaElement.builder().attributeName("leaseOwner").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("leaseKey").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build()));
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }

    @Override
    public void close() throws Exception {
        client.close();
        if (server != null) {
            server.stop();
        }
    }
}
