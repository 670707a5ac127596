package io.sentimentconsumer.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.sentimentconsumer.events.Field;
import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.log.LogLineExamples.Example;
import io.sentimentconsumer.testing.JsonLines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of line prints its golden text and fields, and only the fields its event declares, in their order, so
 * that docs/observability.md (held to the events module) says what the consumer writes.
 */
class LogLinesTest {

    static Stream<Example> examples() {
        return LogLineExamples.ALL.stream();
    }

    private static String print(LogLine line, EventLog.Format format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new EventLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), format).write(line);
        return bytes.toString(StandardCharsets.UTF_8).stripTrailing();
    }

    /** The fields a line writes after {@code level}, {@code message} and {@code event}. */
    private static List<String> writtenFields(LogLine line) {
        List<String> names = new ArrayList<>();
        JsonLines.parse(print(line, EventLog.Format.JSON)).fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(0, 3)).containsExactly("level", "message", "event");
        return names.subList(3, names.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void printsItsGoldenJsonLine(Example example) {
        assertThat(print(example.line(), EventLog.Format.JSON)).isEqualTo(example.json());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void printsItsMessageAloneAsTextAfterItsLevelUnlessInfo(Example example) {
        JsonNode golden = JsonLines.parse(example.json());
        String level = golden.path("level").asText();

        assertThat(print(example.line(), EventLog.Format.TEXT))
                .isEqualTo((level.equals("INFO") ? "" : level + " ") + golden.path("message").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void writesOnlyTheFieldsItsEventDeclaresInTheirOrder(Example example) {
        List<String> declared = example.line().event().fields().stream().map(Field::id).toList();

        List<String> written = writtenFields(example.line());

        assertThat(written).isEqualTo(declared.stream().filter(written::contains).toList());
    }

    @Test
    void theExamplesWriteEveryFieldOfEveryEvent() {
        Map<LogEvent, Set<String>> written = new EnumMap<>(LogEvent.class);
        for (Example example : LogLineExamples.ALL) {
            written.computeIfAbsent(example.line().event(), e -> new LinkedHashSet<>())
                    .addAll(writtenFields(example.line()));
        }

        assertThat(written).containsOnlyKeys(LogEvent.values());
        assertThat(written).allSatisfy((event, fields) -> assertThat(fields).as(event.id())
                .containsExactlyInAnyOrderElementsOf(event.fields().stream().map(Field::id).toList()));
    }

    @Test
    void aKindOfLineWithoutItsEventSaysHowToDeclareIt() {
        record Undeclared() implements LogLine {
            @Override
            public String message() {
                return "a line of no declared event";
            }
        }

        assertThatThrownBy(() -> new EventLog(System.out, EventLog.Format.JSON).write(new Undeclared()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("annotate it with @Line(event = ..., level = ...)");
    }

    @Test
    void everyKindOfLineHasAGoldenExample() {
        Set<String> kinds = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sentimentconsumer").stream()
                .filter(c -> c.isAssignableTo(LogLine.class) && !c.isInterface())
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(kinds).isNotEmpty().containsExactlyInAnyOrderElementsOf(LogLineExamples.ALL.stream()
                .map(e -> e.line().getClass().getName()).distinct().toList());
    }
}
