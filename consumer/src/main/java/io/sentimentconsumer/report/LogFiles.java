package io.sentimentconsumer.report;

import static io.sentimentconsumer.events.Field.*;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sentimentconsumer.events.LogEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The consumer's JSON log lines from files: what {@code worker} or {@code replay --log-format json} wrote, or a
 * CloudWatch Logs export (each line its timestamp, then the JSON; gzip or not). {@code bedrock_call} lines give the
 * calls; {@code invocation_summary} and {@code worker_summary} lines the outcomes, throttles and abandoned attempts
 * (not {@code worker_cumulative_summary}, which repeats what the worker's batches already counted).
 */
public final class LogFiles {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final String region;
    private final Instant undatedAt;

    /**
     * @param region    the Region the calls were billed in (the lines do not say), or {@code null}
     * @param undatedAt the time of lines that carry none, or {@code null} for each file's last modification
     */
    public LogFiles(String region, Instant undatedAt) {
        this.region = region;
        this.undatedAt = undatedAt;
    }

    public ReportData read(List<Path> files) throws IOException {
        ReportData data = new ReportData();
        for (Path file : files) {
            read(file, data);
        }
        return data;
    }

    private void read(Path file, ReportData data) throws IOException {
        Instant fallback = undatedAt != null ? undatedAt : Files.getLastModifiedTime(file).toInstant();
        SkipCounter skipped = new SkipCounter();
        long undated = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int start = line.indexOf('{');
                Optional<JsonNode> json = start < 0 ? Optional.empty() : parse(line.substring(start));
                if (json.isEmpty() || !json.get().path("event").isTextual()) {
                    if (!line.isBlank()) {
                        skipped.skip("not a JSON event of the consumer");
                    }
                    continue;
                }
                Optional<LogEvent> event = LogEvent.byId(json.get().get("event").asText());
                if (event.isEmpty() || !(event.get() == LogEvent.BEDROCK_CALL
                        || event.get() == LogEvent.INVOCATION_SUMMARY || event.get() == LogEvent.WORKER_SUMMARY)) {
                    continue;
                }
                Optional<Instant> stamped = LineTime.of(line.substring(0, start).trim(), json.get());
                undated += stamped.isEmpty() ? 1 : 0;
                Instant at = stamped.orElse(fallback);
                try {
                    if (event.get() == LogEvent.BEDROCK_CALL) {
                        data.add(call(at, new JsonFields(json.get())));
                    } else {
                        data.add(summary(at, new JsonFields(json.get())));
                    }
                } catch (JsonFields.MissingField missing) {
                    skipped.skip(event.get().id() + " lines without a numeric or text " + missing.getMessage());
                }
            }
        }
        skipped.noteTo(data, "lines of " + file);
        if (undated > 0) {
            data.note(file + ": " + undated + " lines carry no time: counted at " + fallback
                    + (undatedAt != null ? " (--undated-at)" : " (the file's last modification; --undated-at sets it)"));
        }
    }

    private CallFact call(Instant at, JsonFields line) {
        return new CallFact(at, line.text(MODEL_ID.id()), region, line.textOr(SERVED_TIER.id(), Cell.UNKNOWN),
                line.count(POSTS.id()), line.count(INPUT_TOKENS.id()), line.count(OUTPUT_TOKENS.id()),
                line.countOrZero(CACHE_READ_INPUT_TOKENS.id()), line.countOrZero(CACHE_WRITE_INPUT_TOKENS.id()),
                line.count(TOTAL_TOKENS.id()), line.money(COST_USD.id()), line.decimal(DURATION_MS.id()));
    }

    private DeliveryFact summary(Instant at, JsonFields line) {
        Outcomes outcomes = new Outcomes(line.count(RECORDS_IN.id()), line.count(SCORED.id()),
                line.count(POSITIVE.id()), line.count(NEGATIVE.id()), line.count(NEUTRAL.id()),
                line.count(UNSCORED.id()), line.count(INVALID.id()), line.count(HANDED_BACK.id()));
        return new DeliveryFact(at, line.text(MODEL_ID.id()), region, null, outcomes, line.count(THROTTLES.id()),
                line.countOrZero(ABANDONED_ATTEMPTS.id()));
    }

    private static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** A CloudWatch Logs export to S3 is gzip; a file the consumer wrote is not. */
    static InputStream open(Path file) throws IOException {
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new java.util.zip.GZIPInputStream(in) : in;
    }
}
