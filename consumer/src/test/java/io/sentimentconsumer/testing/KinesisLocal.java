package io.sentimentconsumer.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * kinesis-local (the npm package of kinesis-mock, pinned in {@code test-engines/package.json}) as a process on a
 * free loopback port, with a client for tests to create streams and read them back. Its location comes from the
 * {@code kinesis.local.main} system property; when it is missing, the suite fails with the command that installs
 * it, unless {@code SKIP_KINESIS_LOCAL_TESTS=true} says to skip.
 */
public final class KinesisLocal implements AutoCloseable {

    public static final String INSTALL = "npm ci --prefix test-engines";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final EngineProcess process;
    private final String endpoint;
    private final KinesisClient client;

    /** {@code process} is null for an engine this harness did not start (LocalStack's). */
    private KinesisLocal(EngineProcess process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = KinesisClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("test-access-key", "test-secret-key")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** Whether the environment says to skip the engines' tests (documented in the README). */
    public static boolean skipped() {
        return "true".equalsIgnoreCase(System.getenv("SKIP_KINESIS_LOCAL_TESTS"));
    }

    public static Path mainScript() {
        String main = System.getProperty("kinesis.local.main");
        Path path = main == null ? null : Path.of(main);
        if (path == null || !Files.isRegularFile(path)) {
            throw new IllegalStateException("kinesis-local is not installed (looked for " + main + "). Install it "
                    + "once from the repository root with: " + INSTALL + " (needs Node.js 18+), or set "
                    + "SKIP_KINESIS_LOCAL_TESTS=true to skip the tests that need it");
        }
        return path;
    }

    public static KinesisLocal start() throws IOException, InterruptedException {
        Path main = mainScript();
        int plain = freePort();
        int tls = freePort();
        Path log = Files.createTempFile("kinesis-local", ".log");
        ProcessBuilder builder = new ProcessBuilder("node", main.toString())
                .directory(main.getParent().toFile());
        builder.environment().put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(plain));
        builder.environment().put("KINESIS_MOCK_TLS_PORT", Integer.toString(tls));
        builder.environment().put("KINESIS_MOCK_CERT_PATH", main.resolveSibling("server.json").toString());
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("LOG_LEVEL", "WARN");
        builder.environment().put("CREATE_STREAM_DURATION", "0ms");
        EngineProcess process = EngineProcess.start("kinesis-local", builder, log);
        KinesisLocal local = new KinesisLocal(process, "http://127.0.0.1:" + plain);
        process.awaitReady(START_TIMEOUT, local.client::listStreams);
        return local;
    }

    /** A Kinesis engine someone else runs, e.g. LocalStack in a container. */
    public static KinesisLocal connect(String endpoint) {
        return new KinesisLocal(null, endpoint);
    }

    public String endpoint() {
        return endpoint;
    }

    public KinesisClient client() {
        return client;
    }

    public void createStream(String name, int shards) throws InterruptedException {
        client.createStream(r -> r.streamName(name).shardCount(shards));
        Polling.until(Duration.ofSeconds(30), "stream " + name + " active",
                () -> client.describeStreamSummary(r -> r.streamName(name)).streamDescriptionSummary()
                        .streamStatus() == StreamStatus.ACTIVE);
    }

    /** Every record of every shard, from the oldest, by shard id. */
    public Map<String, List<Record>> readAll(String stream) {
        Map<String, List<Record>> byShard = new LinkedHashMap<>();
        for (Shard shard : client.listShards(r -> r.streamName(stream)).shards()) {
            List<Record> records = new ArrayList<>();
            String iterator = client.getShardIterator(r -> r.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var response = client.getRecords(r -> r.shardIterator(current).limit(10_000));
                records.addAll(response.records());
                if (response.records().isEmpty()) {
                    break;
                }
                iterator = response.nextShardIterator();
            }
            byShard.put(shard.shardId(), records);
        }
        return byShard;
    }

    public String logText() {
        return process == null ? "(not started here)" : process.logText();
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
        if (process == null) {
            return;
        }
        process.stop();
        new File(process.log().toString()).delete();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
