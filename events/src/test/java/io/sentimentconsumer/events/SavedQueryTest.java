package io.sentimentconsumer.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SavedQueryTest {

    @Test
    void everyQueryReadsEventsBothDeployedRuntimesWrite() {
        assertThat(SavedQuery.ALL).allSatisfy(query -> {
            assertThat(query.readsFrom(Writer.LAMBDA)).as(query.name()).isTrue();
            assertThat(query.readsFrom(Writer.WORKER)).as(query.name()).isTrue();
        });
    }

    @Test
    void everyFieldAQueryListsIsOneItsEventsCarry() {
        assertThat(SavedQuery.ALL).allSatisfy(query -> {
            List<String> carried = query.events().stream().flatMap(e -> e.fields().stream()).map(Field::id).toList();
            assertThat(query.fields().stream().filter(f -> !f.startsWith("@")))
                    .as(query.name()).allSatisfy(field -> assertThat(carried).contains(field));
        });
    }

    @Test
    void filtersOnTheEventFieldFirst() {
        SavedQuery one = SavedQuery.ALL.get(0);
        SavedQuery summaries = SavedQuery.ALL.stream().filter(q -> q.name().equals("Comparison by model"))
                .findFirst().orElseThrow();

        assertThat(one.eventFilter()).isEqualTo("event = \"bedrock_call\"");
        assertThat(summaries.eventFilter()).isEqualTo("event in [\"invocation_summary\", \"worker_summary\"]");
        assertThat(SavedQuery.ALL.get(2).allFilters()).containsExactly("event = \"bedrock_call\"", "posts > 0");
    }

    @Test
    void namesAreUniqueAndLookedUpByTheirId() {
        assertThat(Arrays.stream(LogEvent.values()).map(LogEvent::id)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(Metric.values()).map(Metric::id)).doesNotHaveDuplicates();
        assertThat(LogEvent.byId("worker_summary")).contains(LogEvent.WORKER_SUMMARY);
        assertThat(LogEvent.byId("no_such_event")).isEmpty();
        assertThat(SavedQuery.ALL.stream().map(SavedQuery::name).toList()).doesNotHaveDuplicates();
        assertThat(Metric.DIMENSIONS).isEqualTo(List.of("Environment", "ModelId"));
    }
}
