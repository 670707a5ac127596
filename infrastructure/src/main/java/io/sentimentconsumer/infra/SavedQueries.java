package io.sentimentconsumer.infra;

import io.sentimentconsumer.events.SavedQuery;
import java.util.List;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.QueryDefinition;
import software.amazon.awscdk.services.logs.QueryString;
import software.constructs.Construct;

/**
 * The Logs Insights queries saved under {@code <stack>/}, over the runtimes' log groups. The queries themselves
 * are the events module's {@link SavedQuery#ALL}, written against the events they read, which both runtimes write
 * (docs/observability.md, "What it logs").
 */
public final class SavedQueries extends Construct {

    private final String folder;
    private final List<? extends ILogGroup> logGroups;

    public SavedQueries(Construct scope, String id, String stackName, List<? extends ILogGroup> logGroups) {
        super(scope, id);
        this.folder = stackName + "/";
        this.logGroups = List.copyOf(logGroups);
        SavedQuery.ALL.forEach(this::query);
    }

    /** One saved query, as the events module writes it against the events it reads. */
    private void query(SavedQuery query) {
        QueryString.Builder text = QueryString.Builder.create().filterStatements(query.allFilters()).sort(query.sort());
        if (!query.fields().isEmpty()) {
            text.fields(query.fields());
        }
        if (query.stats() != null) {
            text.statsStatements(List.of(query.stats()));
        }
        if (query.limit() != null) {
            text.limit(query.limit());
        }
        QueryDefinition.Builder.create(this, query.name().replaceAll("[^A-Za-z0-9]", "") + "Query")
                .queryDefinitionName(folder + query.name())
                .queryString(text.build())
                .logGroups(logGroups)
                .build();
    }
}
