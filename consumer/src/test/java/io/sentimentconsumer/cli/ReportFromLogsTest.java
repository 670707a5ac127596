package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.report.BudgetStatus;
import io.sentimentconsumer.testing.ConsumerUnderTest;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.JsonLines;
import io.sentimentconsumer.testing.LogLineSums;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --logs} on lines the consumer itself wrote: its totals are the sums of those lines, exactly. */
class ReportFromLogsTest {

    @RegisterExtension
    static final FakeBedrock bedrock = new FakeBedrock();

    @TempDir
    Path dir;

    /** Every JSON object on the lines, the export's timestamp before it cut off; other lines left out. */
    private static List<JsonNode> json(List<String> lines) {
        return lines.stream().filter(line -> line.contains("{"))
                .map(line -> JsonLines.parse(line.substring(line.indexOf('{')))).toList();
    }

    private static void assertTotalsAre(LogLineSums sums, Map<String, String> total) {
        assertThat(total.get("calls")).isEqualTo(Long.toString(sums.calls()));
        assertThat(total.get("unpriced_calls")).isEqualTo(Long.toString(sums.unpricedCalls()));
        assertThat(total.get("posts")).isEqualTo(Long.toString(sums.posts()));
        assertThat(total.get("input_tokens")).isEqualTo(Long.toString(sums.inputTokens()));
        assertThat(total.get("output_tokens")).isEqualTo(Long.toString(sums.outputTokens()));
        assertThat(total.get("total_tokens")).isEqualTo(Long.toString(sums.totalTokens()));
        assertThat(new BigDecimal(total.get("cost_usd"))).isEqualByComparingTo(sums.costUsd());
        assertThat(total.get("records_in")).isEqualTo(Long.toString(sums.recordsIn()));
        assertThat(total.get("scored")).isEqualTo(Long.toString(sums.scored()));
        assertThat(total.get("unscored")).isEqualTo(Long.toString(sums.unscored()));
        assertThat(total.get("invalid")).isEqualTo(Long.toString(sums.invalid()));
        assertThat(total.get("handed_back")).isEqualTo(Long.toString(sums.handedBack()));
        assertThat(total.get("throttles")).isEqualTo(Long.toString(sums.throttles()));
        assertThat(total.get("abandoned_attempts")).isEqualTo(Long.toString(sums.abandonedAttempts()));
    }

    @Test
    void theCommittedExportsTotalsAreTheSumsOfItsLines() throws IOException {
        List<String> lines = Files.readAllLines(ReportRun.FIXTURE);
        LogLineSums sums = LogLineSums.of(json(lines));
        long notJson = lines.stream().filter(line -> !line.contains("{")).count();

        ReportRun run = ReportRun.of("--logs", ReportRun.FIXTURE.toString(), "--region", "us-east-1",
                "--as-of", "2026-11-11", "--csv", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertTotalsAre(sums, ReportRun.csv(dir.resolve("total.csv")).get(0));
        assertThat(sums.unpricedCalls()).as("the fixture has unpriced calls, which must not count as $0").isPositive();
        assertThat(run.out()).contains(String.format("Calls: %,d (%,d unpriced)", sums.calls(), sums.unpricedCalls()))
                .contains(notJson + " lines of " + ReportRun.FIXTURE + " skipped: not a JSON event of the consumer");
    }

    @Test
    void eachDaysCostIsTheSumOfThatDaysLines() throws IOException {
        List<String> lines = Files.readAllLines(ReportRun.FIXTURE);
        List<String> fifth = lines.stream().filter(line -> line.startsWith("2026-11-05T")).toList();
        LogLineSums sums = LogLineSums.of(json(fifth));

        ReportRun run = ReportRun.of("--logs", ReportRun.FIXTURE.toString(), "--as-of", "2026-11-11",
                "--csv", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> day = ReportRun.csv(dir.resolve("by_day.csv")).stream()
                .filter(row -> row.get("day").equals("2026-11-05")).findFirst().orElseThrow();
        assertTotalsAre(sums, day);
    }

    @Test
    void aForecastOverTheBudgetExitsThreeAndOneWithinItZero() throws IOException {
        LogLineSums sums = LogLineSums.of(json(Files.readAllLines(ReportRun.FIXTURE)));
        // The month to date alone: 20 more days at a rising daily cost must go over it.
        String monthToDate = sums.costUsd().toPlainString();

        ReportRun over = ReportRun.of("--logs", ReportRun.FIXTURE.toString(), "--as-of", "2026-11-11",
                "--budget", monthToDate);
        ReportRun within = ReportRun.of("--logs", ReportRun.FIXTURE.toString(), "--as-of", "2026-11-11",
                "--budget", "1000");

        assertThat(over.exitCode()).as(over.out() + over.err()).isEqualTo(BudgetStatus.EXIT_OVER).isEqualTo(3);
        assertThat(over.out()).contains("Budget: OVER budget");
        assertThat(within.exitCode()).as(within.out() + within.err()).isZero();
        assertThat(within.out()).contains("Budget: within budget $1000.000000");
    }

    @Test
    void linesThePipelineWritesAgainstBedrockAddUpThrottlesIncluded() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        bedrock.script(call -> requests.incrementAndGet() % 4 == 1 ? FakeBedrock.Failure.throttling()
                : FakeBedrock.scoreAll(call));
        String event = Files.readString(Path.of("..", "test-events", "kinesis-150.json"));
        List<String> export = new ArrayList<>();
        try (ConsumerUnderTest consumer = new ConsumerUnderTest(bedrock, Map.of("BATCH_SIZE", "20"))) {
            consumer.handle(event);
            consumer.handle(event);
            // Stamped as CloudWatch Logs stamps each event, one hour apart, as an export writes them.
            int hour = 0;
            for (String line : consumer.logText().split("\n")) {
                export.add(String.format("2026-11-03T%02d:00:00.000Z %s", 8 + (hour++ % 3), line));
            }
        }
        Path file = dir.resolve("export.log");
        Files.write(file, export, StandardCharsets.UTF_8);
        LogLineSums sums = LogLineSums.of(json(export));

        ReportRun run = ReportRun.of("--logs", file.toString(), "--region", "us-east-1", "--as-of", "2026-11-03",
                "--csv", dir.resolve("csv").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sums.throttles()).as("Bedrock throttled some attempts").isPositive();
        assertThat(sums.calls()).isPositive();
        assertTotalsAre(sums, ReportRun.csv(dir.resolve("csv").resolve("total.csv")).get(0));
        assertThat(ReportRun.csv(dir.resolve("csv").resolve("by_hour.csv"))).extracting(row -> row.get("hour"))
                .containsExactly("2026-11-03T08:00Z", "2026-11-03T09:00Z", "2026-11-03T10:00Z");
    }

    @Test
    void linesWithoutATimeAreCountedAtTheTimeGivenAndSaidSo() throws Exception {
        Path file = dir.resolve("replay.log");
        List<String> lines = Files.readAllLines(ReportRun.FIXTURE).stream()
                .filter(line -> line.contains("{")).map(line -> line.substring(line.indexOf('{'))).toList();
        Files.write(file, lines, StandardCharsets.UTF_8);

        ReportRun run = ReportRun.of("--logs", file.toString(), "--undated-at", "2026-11-20T09:30:00Z",
                "--as-of", "2026-11-20", "--csv", dir.resolve("csv").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ReportRun.csv(dir.resolve("csv").resolve("by_hour.csv"))).extracting(row -> row.get("hour"))
                .containsExactly("2026-11-20T09:00Z");
        assertThat(run.out()).contains(lines.size() - lines.stream().filter(l -> !isReportEvent(l)).count()
                + " lines carry no time: counted at 2026-11-20T09:30:00Z (--undated-at)");
    }

    private static boolean isReportEvent(String line) {
        String event = JsonLines.parse(line).path("event").asText();
        return event.equals("bedrock_call") || event.equals("invocation_summary") || event.equals("worker_summary");
    }

    @Test
    void twoSourcesAtOnceAreRefusedSinceTheyWouldCountCallsTwice() {
        ReportRun run = ReportRun.of("--logs", ReportRun.FIXTURE.toString(), "--calls", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }
}
