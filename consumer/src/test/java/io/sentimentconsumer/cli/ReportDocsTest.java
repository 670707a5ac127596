package io.sentimentconsumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.report.Forecast;
import io.sentimentconsumer.report.ReportColumns;
import io.sentimentconsumer.report.ReportRow;
import io.sentimentconsumer.report.Tally;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/report.md names every CSV column the report writes, in the order it writes them. */
class ReportDocsTest {

    private static final Path DOC = Path.of("..", "docs", "report.md");

    @Test
    void theDocListsTheGroupingColumnsInTheirOrder() throws IOException {
        String doc = Files.readString(DOC).replaceAll("\\s+", " ");
        String columns = String.join(", ", ReportColumns.of("all", new ReportRow("all", new Tally())).keySet())
                .replace("all, ", "").replace("duration_percentiles", "duration_percentiles (exact | upper_bound)");

        assertThat(doc).contains(columns);
    }

    @Test
    void theDocListsTheForecastColumnsInTheirOrder() throws IOException {
        String doc = Files.readString(DOC).replaceAll("\\s+", " ");
        var report = io.sentimentconsumer.report.CostReport.of("doc", emptyData(), java.time.LocalDate.of(2026, 11, 3),
                14, null);

        assertThat(doc).contains(String.join(", ", ReportCsv.forecastColumns(report).keySet()));
        assertThat(report.forecast()).isInstanceOf(Forecast.Unavailable.class);
    }

    private static io.sentimentconsumer.report.ReportData emptyData() throws IOException {
        return new io.sentimentconsumer.report.LogFiles(null, null).read(java.util.List.of());
    }
}
