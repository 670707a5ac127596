package io.sentimentconsumer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the dataset queries name exists in the datasets, and rendering leaves nothing to fill. */
class DatasetQueryTest {

    /** A lower-case word: by the queries' convention, a table, a column or an alias. */
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-z_][a-z0-9_]*\\b");
    /** What a query names itself: {@code AS name}, and the column of {@code AS t(tag)}. */
    private static final Pattern ALIAS = Pattern.compile("\\bAS ([a-z_][a-z0-9_]*)(?:\\(([a-z_][a-z0-9_]*)\\))?");

    @Test
    void everyQueryNamesOnlyItsTableItsColumnsThePartitionKeysAndItsOwnAliases() {
        for (DatasetQuery query : DatasetQuery.values()) {
            String code = code(query.template());
            Set<String> known = new LinkedHashSet<>(aliases(code));
            known.add(query.reads().prefix());
            query.reads().columns().forEach(c -> known.add(c.name()));
            Dataset.PARTITION_KEYS.forEach(c -> known.add(c.name()));

            assertThat(identifiers(code)).as(query.title()).isSubsetOf(known);
            assertThat(code).as(query.title()).contains("FROM " + query.reads().prefix() + "\n");
        }
    }

    @Test
    void theIdentifierCheckCatchesAColumnNoDatasetHas() {
        String misspelt = code(DatasetQuery.COST_BY_DAY.template().replace("SUM(cost_usd)", "SUM(cost_dollars)"));

        assertThat(identifiers(misspelt)).contains("cost_dollars");
        assertThat(Dataset.CALLS.column("cost_dollars")).isEmpty();
    }

    @Test
    void everyQueryReadsThePartitionKeyDtSoAthenaPrunesPartitions() {
        assertThat(DatasetQuery.values()).allSatisfy(query ->
                assertThat(query.template()).as(query.title()).containsPattern("WHERE dt >= CAST\\(CAST\\("));
    }

    @Test
    void renderingFillsTheBudgetAndLeavesNoPlaceholder() {
        assertThat(DatasetQuery.MONTH_TO_DATE.placeholders())
                .containsExactly(DatasetQuery.MONTHLY_BUDGET_USD, DatasetQuery.MONTHLY_BUDGET_USD);
        assertThat(DatasetQuery.MONTH_TO_DATE.sql(250.5))
                .contains("250.5 AS monthly_budget_usd", "/ 250.5, 2)")
                .doesNotContain("{{");
        assertThat(DatasetQuery.MONTH_TO_DATE.sql(100)).contains("100 AS monthly_budget_usd")
                .doesNotContain("100.0", "E+");

        for (DatasetQuery query : DatasetQuery.values()) {
            assertThat(query.placeholders()).as(query.title()).allMatch(DatasetQuery.MONTHLY_BUDGET_USD::equals);
            assertThat(query.sql(100)).as(query.title()).doesNotContain("{{", "}}");
        }
    }

    @Test
    void aBudgetThatIsNoAmountIsRefused() {
        assertThatThrownBy(() -> DatasetQuery.MONTH_TO_DATE.sql(0))
                .hasMessage("the monthly budget must be a positive number of US dollars; was 0.0");
        assertThatThrownBy(() -> DatasetQuery.MONTH_TO_DATE.sql(Double.NaN)).hasMessageContaining("was NaN");
    }

    @Test
    void titlesAreUniqueAndFitAnAthenaNamedQuery() {
        assertThat(Arrays.stream(DatasetQuery.values()).map(DatasetQuery::title)).doesNotHaveDuplicates()
                .allMatch(t -> t.length() <= 128);
        assertThat(Arrays.stream(DatasetQuery.values()).map(DatasetQuery::description))
                .allMatch(d -> !d.isBlank() && d.length() <= 1024);
    }

    /** The text without its string literals and placeholders, which are values, not names. */
    private static String code(String sql) {
        return sql.replaceAll("'[^']*'", "''").replaceAll("\\{\\{[A-Za-z]+}}", "0");
    }

    private static Set<String> identifiers(String code) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Set<String> aliases(String code) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = ALIAS.matcher(code);
        while (m.find()) {
            Stream.of(m.group(1), m.group(2)).filter(a -> a != null).forEach(found::add);
        }
        return found;
    }
}
