package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.report.ReportHtml;
import io.sentimentconsumer.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML page of {@code report}, opened from {@code file://} in a real headless Chromium: it loads nothing from
 * anywhere, logs no error, and draws every chart with data. The page and a screenshot of it are kept under
 * {@code target/report-screenshots/}, for a person to look at.
 */
class ReportPageInBrowserTest {

    private static final Path ARTIFACTS = Path.of("target", "report-screenshots");
    private static final String CHART_POINTS = "JSON.stringify(Object.fromEntries(Array.from("
            + "document.querySelectorAll('.chart')).map(e => [e.id, e.getAttribute('data-points')])))";

    @TempDir
    Path profile;

    @Test
    void thePageLoadsNothingLogsNoErrorAndDrawsEveryChartWithData() throws Exception {
        Optional<Path> chromium = HeadlessChromium.binary();
        assumeTrue(chromium.isPresent(), "no Chromium on this machine (apt-get install -y chromium, as .ci/run does; "
                + "or set CHROMIUM to a browser): the page is not checked in a browser");
        Files.createDirectories(ARTIFACTS);
        Path page = ARTIFACTS.resolve("report.html").toAbsolutePath();
        ReportRun run = ReportRun.of("--logs", ReportRun.FIXTURE.toString(), "--region", "us-east-1",
                "--as-of", "2026-11-11", "--budget", "0.06", "--html", page.toString());
        assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
        String url = page.toUri().toString();

        Map<String, Integer> points = new LinkedHashMap<>();
        List<String> requests = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (HeadlessChromium browser = HeadlessChromium.start(chromium.get(), profile, 1280, 1000)) {
            for (String domain : List.of("Network", "Runtime", "Log", "Page")) {
                browser.send(domain + ".enable", Map.of());
            }
            browser.send("Page.navigate", Map.of("url", url));
            browser.await(b -> !b.events("Page.loadEventFired").isEmpty(), Duration.ofSeconds(30), "the page loads");
            browser.await(b -> allDrawn(b.evaluate(CHART_POINTS)), Duration.ofSeconds(30),
                    "every chart has data-points");
            JsonNode drawn = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(browser.evaluate(CHART_POINTS).asText());
            drawn.fields().forEachRemaining(e -> points.put(e.getKey(), Integer.parseInt(e.getValue().asText())));
            Files.write(ARTIFACTS.resolve("report.png"), browser.screenshot());

            browser.events("Network.requestWillBeSent").stream().map(e -> e.path("params").path("request")
                    .path("url").asText()).filter(u -> !u.equals(url)).forEach(requests::add);
            browser.events("Runtime.consoleAPICalled").stream()
                    .filter(e -> List.of("error", "assert").contains(e.path("params").path("type").asText()))
                    .forEach(e -> errors.add(e.path("params").path("args").toString()));
            browser.events("Runtime.exceptionThrown").forEach(e -> errors.add(e.path("params").toString()));
            browser.events("Log.entryAdded").stream()
                    .filter(e -> e.path("params").path("entry").path("level").asText().equals("error"))
                    .forEach(e -> errors.add(e.path("params").path("entry").path("text").asText()));
        }

        assertThat(requests).as("requests besides the page itself").isEmpty();
        assertThat(errors).as("console errors").isEmpty();
        assertThat(points.keySet()).containsExactlyElementsOf(ReportHtml.CHARTS.keySet());
        assertThat(points).allSatisfy((chart, count) -> assertThat(count).as(chart).isPositive());
        assertThat(Files.size(ARTIFACTS.resolve("report.png"))).isPositive();
    }

    @Test
    void theCspForbidsEveryFetchSoThatOneWouldFailLoudly() throws Exception {
        Path page = profile.resolve("report.html");
        ReportRun.of("--logs", ReportRun.FIXTURE.toString(), "--as-of", "2026-11-11", "--html", page.toString());
        String html = Files.readString(page);

        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">");
        assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+href=")
                .doesNotContain("@import").doesNotContain("@font-face");
    }

    private static boolean allDrawn(JsonNode value) {
        try {
            JsonNode charts = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(value.asText());
            List<Boolean> drawn = new ArrayList<>();
            charts.forEach(points -> drawn.add(!points.isNull()));
            return !drawn.isEmpty() && !drawn.contains(false);
        } catch (java.io.IOException notYet) {
            return false;
        }
    }
}
