package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentimentconsumer.events.Dataset;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --calls} on gzip JSON Lines written in the results bucket's layout, by the dataset's columns. */
class ReportFromCallsDatasetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path bucket;

    private static ObjectNode call(String calledAt, String region, String tier, int posts, int input, int output,
                                   String cost, double durationMs, int throttles, int abandoned) {
        ObjectNode row = JSON.createObjectNode()
                .put("call_id", calledAt + "-" + input).put("invocation_id", "inv").put("called_at", calledAt)
                .put("model_id", "amazon.nova-micro-v1:0").put("region", region).put("routing", "in-region")
                .put("served_tier", tier).put("batch", 1).put("follow_up", false).put("posts", posts)
                .put("input_tokens", input).put("output_tokens", output).put("cache_read_input_tokens", 0)
                .put("cache_write_input_tokens", 0).put("total_tokens", input + output).put("latency_ms", 500)
                .put("duration_ms", durationMs).put("priced", cost != null).put("attempts", 1 + throttles + abandoned)
                .put("throttles", throttles).put("abandoned_attempts", abandoned).put("stream", "posts")
                .put("shard_id", "shardId-000000000000");
        if (cost == null) {
            row.putNull("cost_usd");
        } else {
            row.put("cost_usd", new BigDecimal(cost));
        }
        return row;
    }

    /** One object per delivery of a range, where the consumer's results sink writes it. */
    private void object(Instant firstArrival, String first, String last, List<String> rows) throws IOException {
        Path file = bucket.resolve(Dataset.CALLS.key(firstArrival, "posts", "shardId-000000000000", first, last,
                "delivery-" + first));
        Files.createDirectories(file.getParent());
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file));
             Writer out = new java.io.OutputStreamWriter(gzip, StandardCharsets.UTF_8)) {
            for (String row : rows) {
                out.write(row + "\n");
            }
        }
    }

    @Test
    void rowsAddUpByRegionAndTierWithTheirThrottlesAndUnpricedCallsApart() throws IOException {
        object(Instant.parse("2026-11-18T07:59:00Z"), "100", "200", List.of(
                call("2026-11-18 08:00:01.000", "us-east-1", "default", 25, 1000, 120, "0.0000512", 700.0, 1, 0)
                        .toString(),
                call("2026-11-18 08:00:02.500", "us-east-1", "flex", 25, 1100, 130, "0.0000281", 1900.0, 0, 1)
                        .toString()));
        object(Instant.parse("2026-11-19T10:00:00Z"), "300", "400", List.of(
                call("2026-11-19 10:00:00.000", "eu-central-1", "default", 20, 900, 100, null, 900.0, 2, 0)
                        .toString(),
                "not json",
                call("2026-11-19 10:00:03.000", "eu-central-1", "default", 20, 900, 100, null, 900.0, 0, 0)
                        .put("priced", true).toString()));

        ReportRun run = ReportRun.of("--calls", bucket.toString(), "--as-of", "2026-11-19", "--csv",
                bucket.resolve("out").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // By hand: three good rows; the fourth says priced with no cost and is skipped, as is the line of text.
        Map<String, String> total = ReportRun.csv(bucket.resolve("out").resolve("total.csv")).get(0);
        assertThat(total).containsEntry("calls", "3").containsEntry("unpriced_calls", "1")
                .containsEntry("posts", "70").containsEntry("input_tokens", "3000")
                .containsEntry("total_tokens", "3350").containsEntry("throttles", "3")
                .containsEntry("abandoned_attempts", "1").containsEntry("duration_ms_p50", "900")
                .containsEntry("duration_percentiles", "exact").containsEntry("records_in", "");
        assertThat(new BigDecimal(total.get("cost_usd"))).isEqualByComparingTo("0.0000793");
        assertThat(ReportRun.csv(bucket.resolve("out").resolve("by_region.csv")))
                .extracting(r -> r.get("region") + " " + r.get("calls") + " " + r.get("cost_usd"))
                .containsExactly("eu-central-1 1 ", "us-east-1 2 0.0000793");
        assertThat(ReportRun.csv(bucket.resolve("out").resolve("by_tier.csv")))
                .extracting(r -> r.get("tier") + " " + r.get("throttles") + " " + r.get("abandoned_attempts"))
                .containsExactly("default 3 0", "flex 0 1");
        assertThat(run.out()).contains("1 calls-dataset rows skipped: not JSON")
                .contains("1 calls-dataset rows skipped: priced and cost_usd disagree")
                .contains("Outcomes: not in this source");
    }

    @Test
    void aFolderWithoutCallsObjectsNamesWhatToGive() throws IOException {
        Files.createDirectories(bucket.resolve("calls"));

        ReportRun run = ReportRun.of("--calls", bucket.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no calls objects (*.jsonl.gz) under " + bucket)
                .contains("aws s3 sync s3://BUCKET/calls");
    }
}
