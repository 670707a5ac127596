package io.sentimentconsumer.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/observability.md's tables of events and metrics say what this module says, no more and no less. */
class DocumentedNamesTest {

    private static final Path DOC = Path.of("..", "docs", "observability.md");

    @Test
    void theEventTableListsEveryEventWithItsWriters() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| ([A-Z, ]+) \\|$").matcher(Files.readString(DOC));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (LogEvent event : LogEvent.values()) {
            declared.put(event.id(), event.writers().stream().map(Enum::name).collect(Collectors.joining(", ")));
        }

        assertThat(documented).containsExactlyEntriesOf(declared);
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
