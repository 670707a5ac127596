package io.sentimentconsumer.cli;

import io.sentimentconsumer.aws.AwsClients;
import io.sentimentconsumer.report.CallsDataset;
import io.sentimentconsumer.report.CostReport;
import io.sentimentconsumer.report.LogFiles;
import io.sentimentconsumer.report.LogGroupInsights;
import io.sentimentconsumer.report.ReportData;
import io.sentimentconsumer.report.ReportHtml;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * What the consumer's calls cost, from its log lines, a log group or the calls dataset: totals by hour, day, model,
 * Region and tier, the month to date and a month-end forecast, on stdout, as CSV files and as an HTML page.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {
            "Adds up what the consumer's calls cost, by hour, day, model, Region and tier, with the month to date and "
                    + "a month-end forecast with its range (docs/report.md). Give one source: --logs, --log-group or "
                    + "--calls.",
            "Exit codes: 0 done; 3 the forecast's upper end (or, without a forecast, the month to date) is over "
                    + "--budget; 1 an error; 2 a wrong option."})
final class ReportCommand implements Callable<Integer> {

    /** Exactly one source: two would count the same calls twice. */
    static final class Source {
        @Option(names = "--logs", paramLabel = "FILE", arity = "1..*",
                description = "files of the consumer's JSON log lines: a CloudWatch Logs export (gzip or not), or "
                        + "what worker or replay --log-format json wrote")
        List<Path> logs;

        @Option(names = "--log-group", paramLabel = "NAME",
                description = "a log group of the consumer's, read with Logs Insights (repeat for more; billed per "
                        + "GB scanned)")
        List<String> logGroups;

        @Option(names = "--calls", paramLabel = "DIR",
                description = "a local copy of the results bucket's calls/ prefix (gzip JSON Lines)")
        Path calls;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--since", paramLabel = "AGE", defaultValue = "30d",
            description = "with --log-group: how far back to query, e.g. 30d, 36h (default: ${DEFAULT-VALUE})")
    String since;

    @Option(names = "--region", paramLabel = "REGION",
            description = "the Region the calls were billed in (log lines do not say it); with --log-group, the log "
                    + "group's Region (default: AWS_REGION)")
    String region;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "the day to report as of, yyyy-MM-dd (UTC; default: today): later figures are left out")
    LocalDate asOf;

    @Option(names = "--undated-at", paramLabel = "TIME",
            description = "with --logs: the time of lines that carry none, e.g. 2026-12-01T07:00:00Z (default: the "
                    + "file's last modification)")
    Instant undatedAt;

    @Option(names = "--forecast-window", paramLabel = "DAYS", defaultValue = "14",
            description = "complete days the forecast's line is fitted to, at most (default: ${DEFAULT-VALUE})")
    int windowDays;

    @Option(names = "--budget", paramLabel = "USD",
            description = "the month's budget: exit code 3 when the forecast's upper end is over it")
    BigDecimal budget;

    @Option(names = "--csv", paramLabel = "DIR", description = "write a CSV file per aggregation into DIR")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "write the report as one self-contained HTML page")
    Path html;

    @Option(names = "--query-timeout", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "with --log-group: the longest wait for the query (ISO-8601, default: ${DEFAULT-VALUE})")
    Duration queryTimeout;

    @Option(names = "--poll-interval", hidden = true, defaultValue = "PT1S")
    Duration pollInterval;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();
    /** Builds the Logs Insights client for a Region ({@code null}: the SDK's default chain). */
    Function<String, CloudWatchLogsClient> logsClient = ReportCommand::client;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (windowDays < 3 || windowDays > 90) {
            throw usage("--forecast-window must be from 3 to 90 days; was " + windowDays);
        }
        if (budget != null && budget.signum() < 0) {
            throw usage("--budget must be at least 0; was " + budget.toPlainString());
        }
        LocalDate today = asOf != null ? asOf : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        CostReport report = CostReport.of(describe(), read(today), today, windowDays, budget);
        PrintWriter out = spec.commandLine().getOut();
        ReportTerminal.print(report, out);
        if (csv != null) {
            out.println("CSV files: " + ReportCsv.write(report, csv).size() + " in " + csv);
        }
        if (html != null) {
            Path parent = html.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(html, ReportHtml.page(report), StandardCharsets.UTF_8);
            out.println("HTML page: " + html);
        }
        out.flush();
        return report.exitCode();
    }

    private ReportData read(LocalDate today) throws IOException, InterruptedException {
        if (source.logs != null) {
            return new LogFiles(region, undatedAt).read(source.logs);
        }
        if (source.calls != null) {
            return new CallsDataset().read(source.calls);
        }
        Instant end = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = clock.instant().isBefore(end) ? clock.instant() : end.minusSeconds(1);
        try (CloudWatchLogsClient logs = logsClient.apply(region)) {
            String clientRegion = logs.serviceClientConfiguration().region().id();
            return new LogGroupInsights(logs, clientRegion, pollInterval, queryTimeout)
                    .read(source.logGroups, to.minus(age(since)), to);
        }
    }

    private String describe() {
        if (source.logs != null) {
            return source.logs.size() + " log file" + (source.logs.size() == 1 ? "" : "s") + " ("
                    + String.join(", ", source.logs.stream().map(Path::toString).toList()) + ")";
        }
        if (source.calls != null) {
            return "the calls dataset in " + source.calls;
        }
        return "Logs Insights on " + String.join(", ", source.logGroups) + ", the last " + since;
    }

    private static final Pattern AGE = Pattern.compile("(\\d+)([dh])");

    private Duration age(String text) {
        Matcher m = AGE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw usage("--since must be a number of days or hours, e.g. 30d or 36h; was " + text);
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
    }

    private static CloudWatchLogsClient client(String region) {
        var builder = CloudWatchLogsClient.builder().httpClientBuilder(AwsClients.httpClient());
        if (region != null) {
            builder.region(Region.of(region));
        }
        return builder.build();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
