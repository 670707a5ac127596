package io.sentimentconsumer.infra;

import io.sentimentconsumer.events.DatasetQuery;
import software.amazon.awscdk.services.athena.CfnNamedQuery;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.constructs.Construct;

/**
 * The Athena workgroup for the results, and the events module's {@link DatasetQuery}s saved in it as named queries
 * over the catalog's database, the budget written in from {@code monthlyBudgetUsd}.
 *
 * <p>The workgroup's settings are enforced, so every query in it writes its results encrypted with the results key
 * under {@value #RESULTS_PREFIX}/ and stops at the per-query scan limit, whatever the client asks for.
 */
public final class ResultsQueries extends Construct {

    /** Where Athena writes query results in the results bucket, which expire with the datasets. */
    static final String RESULTS_PREFIX = "athena-results";

    private final CfnWorkGroup workGroup;

    public ResultsQueries(Construct scope, String id, StackParameters p, ResultsBucket results,
                          ResultsCatalog catalog) {
        super(scope, id);
        workGroup = CfnWorkGroup.Builder.create(this, "WorkGroup")
                .name(p.functionName())
                .description("Queries over the posts and calls datasets of " + p.stackName())
                .state("ENABLED")
                // The stack deletes its own named queries first; this lets it delete the workgroup even when a user
                // saved queries of their own in it.
                .recursiveDeleteOption(true)
                .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                        .enforceWorkGroupConfiguration(true)
                        .publishCloudWatchMetricsEnabled(true)
                        .bytesScannedCutoffPerQuery(p.results().scanLimitBytes())
                        .engineVersion(CfnWorkGroup.EngineVersionProperty.builder()
                                .selectedEngineVersion("AUTO").build())
                        .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                                .outputLocation(results.location(RESULTS_PREFIX))
                                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                        .encryptionOption("SSE_KMS")
                                        .kmsKey(results.key().getKeyArn())
                                        .build())
                                .build())
                        .build())
                .build();
        for (DatasetQuery query : DatasetQuery.values()) {
            CfnNamedQuery.Builder.create(this, query.title().replaceAll("[^A-Za-z0-9]", "") + "Query")
                    .name(query.title())
                    .description(query.description())
                    .database(catalog.databaseRef())
                    .workGroup(workGroup.getRef())
                    .queryString(query.sql(p.alarms().monthlyBudgetUsd()))
                    .build();
        }
    }

    public String workGroupName() {
        return workGroup.getRef();
    }
}
