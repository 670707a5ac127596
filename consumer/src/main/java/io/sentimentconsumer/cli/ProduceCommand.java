package io.sentimentconsumer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentimentconsumer.generate.SyntheticPosts;
import io.sentimentconsumer.generate.SyntheticPosts.SyntheticPost;
import io.sentimentconsumer.kcl.Backoff;
import io.sentimentconsumer.kcl.KclClients;
import io.sentimentconsumer.lambda.KinesisEventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Puts posts on a stream in the record format the consumer reads (one post's UTF-8 JSON per record, partition key
 * {@code user_id}): from JSON Lines or a Lambda Kinesis event, or generated ({@link SyntheticPosts}). Progress goes
 * to stderr, the final report to stdout; never post text.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Writes posts to a Kinesis stream with PutRecords, from FILE (JSON Lines of posts or a Lambda "
                + "Kinesis event) or generated with --generate N. Endpoint: AWS_ENDPOINT_URL_KINESIS.")
final class ProduceCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--stream", required = true, paramLabel = "NAME", description = "Kinesis data stream")
    String stream;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "FILE", description = "JSON Lines of posts, or a Lambda Kinesis event (.json)")
        Path file;

        @Option(names = "--generate", paramLabel = "N", description = "generate N synthetic posts instead")
        Integer generate;
    }

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + GenerateTestEventsCommand.DEFAULT_SEED,
            description = "seed of --generate (default: ${DEFAULT-VALUE}); the same seed gives the same posts")
    long seed;

    @Option(names = "--rate", paramLabel = "R", description = "at most R records per second (default: as fast "
            + "as the stream takes them)")
    Double rate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (rate != null && rate <= 0) {
            throw new IllegalArgumentException("--rate must be positive; was " + rate);
        }
        if (source.generate != null && source.generate < 0) {
            throw new IllegalArgumentException("--generate must not be negative; was " + source.generate);
        }
        List<StreamProducer.Entry> entries = source.file != null ? fromFile(source.file) : generated();
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(entries.size(), spec.commandLine().getErr(), System.console() != null);
        try (KinesisClient kinesis = KclClients.kinesisSync()) {
            StreamProducer producer = new StreamProducer(stream, kinesis::putRecords,
                    d -> Thread.sleep(d.toMillis()), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)));
            long started = System.nanoTime();
            long sent = 0, failed = 0, retries = 0, bytes = 0;
            for (List<StreamProducer.Entry> request : StreamProducer.requests(entries, recordsPerRequest(rate))) {
                if (rate != null) {
                    pace(started, sent + failed);
                }
                StreamProducer.Result result = producer.send(request, progress::advance);
                sent += result.sent();
                failed += result.failed();
                retries += result.retries();
                bytes += result.bytes();
            }
            progress.done();
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
            out.printf(Locale.ROOT, "produce: stream %s: sent %d, failed %d, retries %d, %.1f records/s, "
                            + "%.2f MB/s, %.2f s%n", stream, sent, failed, retries, sent / seconds,
                    bytes / 1e6 / seconds, seconds);
            out.flush();
            return failed == 0 ? 0 : 2;
        }
    }

    /**
     * With a rate, one request carries at most a second's worth of records, so that the stream sees a steady flow
     * rather than a full request followed by a long pause.
     */
    static int recordsPerRequest(Double rate) {
        return rate == null ? StreamProducer.MAX_RECORDS_PER_REQUEST
                : (int) Math.max(1, Math.min(StreamProducer.MAX_RECORDS_PER_REQUEST, Math.ceil(rate)));
    }

    /**
     * Waits until the {@code done} records so far have had their 1/{@code --rate} s each: a request sent then keeps
     * the average at or under the rate.
     */
    private void pace(long started, long done) throws InterruptedException {
        long due = started + (long) (done / rate * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private List<StreamProducer.Entry> generated() {
        List<StreamProducer.Entry> entries = new ArrayList<>(source.generate);
        SyntheticPosts posts = new SyntheticPosts(seed);
        for (int i = 0; i < source.generate; i++) {
            SyntheticPost post = posts.next();
            entries.add(new StreamProducer.Entry(post.post().userId(), post.toBytes()));
        }
        return entries;
    }

    /** Records of a file as {@code replay} reads it; the partition key is the post's user_id where it has one. */
    static List<StreamProducer.Entry> fromFile(Path file) throws IOException {
        List<KinesisEventJson.Record> records = LambdaTestEvent.records(file);
        List<StreamProducer.Entry> entries = new ArrayList<>(records.size());
        for (KinesisEventJson.Record record : records) {
            entries.add(new StreamProducer.Entry(partitionKey(record), record.data()));
        }
        return entries;
    }

    private static String partitionKey(KinesisEventJson.Record record) {
        try {
            JsonNode userId = JSON.readTree(record.data()).path("user_id");
            if (userId.isTextual() && !userId.asText().isEmpty()) {
                return userId.asText();
            }
        } catch (IOException | RuntimeException notAPost) {
            // Malformed records go on the stream as they are; the consumer reports them as invalid.
        }
        String key = record.partitionKey();
        return key == null || key.isEmpty() ? "record-" + record.sequenceNumber() : key;
    }

    /** A progress bar on a terminal; otherwise a line at every tenth. */
    private static final class Progress {
        private final long total;
        private final PrintWriter err;
        private final boolean terminal;
        private long done;
        private long lastTenth;

        Progress(long total, PrintWriter err, boolean terminal) {
            this.total = total;
            this.err = err;
            this.terminal = terminal;
        }

        void advance(long records) {
            done += records;
            if (terminal) {
                int width = 40;
                int filled = total == 0 ? width : (int) (width * done / total);
                err.printf("\r[%s%s] %d/%d records", "#".repeat(filled), ".".repeat(width - filled), done, total);
                err.flush();
            } else if (total > 0 && done * 10 / total > lastTenth) {
                lastTenth = done * 10 / total;
                err.printf("produce: %d/%d records (%d%%)%n", done, total, done * 100 / total);
                err.flush();
            }
        }

        void done() {
            if (terminal) {
                err.println();
                err.flush();
            }
        }
    }
}
