package io.sentimentconsumer.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/observability.md's tables of events (with their writers and fields) and metrics say what this module says,
 * no more and no less.
 */
class DocumentedNamesTest {

    private static final Path DOC = Path.of("..", "docs", "observability.md");

    @Test
    void theEventTableListsEveryEventWithItsWritersAndFields() throws IOException {
        String doc = Files.readString(DOC);
        Map<String, String> documentedWriters = new LinkedHashMap<>();
        Map<String, List<String>> documentedFields = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| ([A-Z, ]+) \\| (.+) \\|$").matcher(doc);
        while (row.find()) {
            documentedWriters.put(row.group(1), row.group(2));
            documentedFields.put(row.group(1), fields(row.group(3), summaryFigures(doc)));
        }
        Map<String, String> declaredWriters = new LinkedHashMap<>();
        Map<String, List<String>> declaredFields = new LinkedHashMap<>();
        for (LogEvent event : LogEvent.values()) {
            declaredWriters.put(event.id(), event.writers().stream().map(Enum::name).collect(Collectors.joining(", ")));
            declaredFields.put(event.id(), event.fields().stream().map(Field::id).toList());
        }

        assertThat(documentedWriters).containsExactlyEntriesOf(declaredWriters);
        assertThat(documentedFields).containsExactlyEntriesOf(declaredFields);
    }

    @Test
    void theSummaryFiguresAreDocumentedInTheirOrder() throws IOException {
        assertThat(summaryFigures(Files.readString(DOC)))
                .containsExactlyElementsOf(Field.SUMMARY_FIGURES.stream().map(Field::id).toList());
    }

    @Test
    void everyFieldBelongsToSomeEvent() {
        assertThat(Arrays.stream(LogEvent.values()).flatMap(e -> e.fields().stream()).distinct())
                .containsExactlyInAnyOrder(Field.values());
        assertThat(Arrays.stream(Field.values()).map(Field::id)).doesNotHaveDuplicates();
    }

    /** A table cell's fields: {@code `name`} each, or "the summary figures" for those the doc lists once. */
    private static List<String> fields(String cell, List<String> summaryFigures) {
        if (cell.equals("-")) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        for (String item : cell.split(", ")) {
            if (item.equals("the summary figures")) {
                fields.addAll(summaryFigures);
            } else {
                assertThat(item).as("a field in backticks").matches("`[a-zA-Z]+`");
                fields.add(item.substring(1, item.length() - 1));
            }
        }
        return fields;
    }

    private static List<String> summaryFigures(String doc) {
        Matcher line = Pattern.compile("The summary figures: ((?:`[a-zA-Z]+`(?:,\\s+)?)+)\\.").matcher(doc);
        assertThat(line.find()).as("the doc lists the summary figures").isTrue();
        List<String> figures = new ArrayList<>();
        Matcher name = Pattern.compile("`([a-zA-Z]+)`").matcher(line.group(1));
        while (name.find()) {
            figures.add(name.group(1));
        }
        return figures;
    }

    @Test
    void theMetricTableNamesEveryMetric() throws IOException {
        String doc = Files.readString(DOC);
        String table = doc.substring(doc.indexOf("| metric | unit | per |"), doc.indexOf("```bash", doc.indexOf("## Metrics")));
        Set<String> documented = new LinkedHashSet<>();
        Matcher name = Pattern.compile("`([A-Z][A-Za-z]+)`").matcher(table);
        while (name.find()) {
            documented.add(name.group(1));
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Metric.values()).map(Metric::id).toList());
    }
}
