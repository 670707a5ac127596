package io.sentimentconsumer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Adobe's S3Mock (Maven Central, its executable jar copied to {@code target/test-engines} by the build) as a process
 * on a free loopback port, its store in a temporary folder: an S3-compatible server that the SDK's real S3 client
 * writes to, with the SDK's default request checksums (aws-chunked bodies with a checksum trailer), and that tests
 * read back from. A process, not a library in this JVM: its Spring Boot stays off the tests' class path. One server
 * per test JVM ({@link #shared()}), each test class in buckets of its own; it starts in about three seconds.
 *
 * <p>Its endpoint is an IP address, which the SDK's S3 endpoint rules address path-style
 * ({@code http://127.0.0.1:port/bucket/key}), as S3Mock wants: the consumer's client needs no test-only setting.
 */
public final class S3Mock implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static S3Mock shared;

    private final EngineProcess process;
    private final String endpoint;
    private final S3Client client;

    private S3Mock(EngineProcess process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access-key",
                        "test-secret-key")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The test JVM's server, started on first use and stopped when the JVM exits. */
    public static synchronized S3Mock shared() throws IOException, InterruptedException {
        if (shared == null) {
            S3Mock started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "s3mock-stop"));
            shared = started;
        }
        return shared;
    }

    public static S3Mock start() throws IOException, InterruptedException {
        String jar = System.getProperty("s3mock.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("S3Mock's jar is not at " + jar + ": the build copies it there in "
                    + "generate-test-resources (maven-dependency-plugin, execution s3mock-jar); run the tests through "
                    + "Maven, e.g. mvn -B -pl events,consumer test");
        }
        int port = KinesisLocal.freePort();
        Path dir = Files.createTempDirectory("s3mock");
        String java = ProcessHandle.current().info().command().orElse("java");
        // Client-compiler-only and a small heap: it starts in about three seconds and serves a test's few objects.
        EngineProcess process = EngineProcess.start("S3Mock", new ProcessBuilder(java, "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar,
                "--com.adobe.testing.s3mock.httpPort=" + port, "--server.port=0",
                "--com.adobe.testing.s3mock.store.root=" + dir.resolve("store")), dir.resolve("s3mock.log"));
        S3Mock mock = new S3Mock(process, "http://127.0.0.1:" + port);
        process.awaitReady(START_TIMEOUT, mock.client::listBuckets);
        return mock;
    }

    public String endpoint() {
        return endpoint;
    }

    /** A client of this server. */
    public S3Client client() {
        return client;
    }

    public void createBucket(String bucket) {
        client.createBucket(r -> r.bucket(bucket));
    }

    /** Every key in {@code bucket}, in key order. */
    public List<String> keys(String bucket) {
        return client.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    public byte[] get(String bucket, String key) {
        return client.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    public HeadObjectResponse head(String bucket, String key) {
        return client.headObject(r -> r.bucket(bucket).key(key));
    }

    /** Every object of {@code bucket}, by key, in key order. */
    public Map<String, byte[]> objects(String bucket) {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        for (String key : keys(bucket)) {
            objects.put(key, get(bucket, key));
        }
        return objects;
    }

    /** Downloads every object of {@code bucket} below {@code dir}, its key as its path, as a reader would. */
    public void download(String bucket, Path dir) {
        objects(bucket).forEach((key, bytes) -> {
            try {
                Path file = dir.resolve(key);
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public String logText() {
        return process.logText();
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
        process.stop();
    }
}
