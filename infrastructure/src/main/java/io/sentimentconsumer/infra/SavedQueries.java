package io.sentimentconsumer.infra;

import java.util.List;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.QueryDefinition;
import software.amazon.awscdk.services.logs.QueryString;
import software.constructs.Construct;

/**
 * The Logs Insights queries saved under {@code <stack>/}, over the runtimes' log groups: each reads one event of
 * the consumer's JSON lines (README, "What it logs") and only the fields that event carries.
 */
public final class SavedQueries extends Construct {

    private final String folder;
    private final List<? extends ILogGroup> logGroups;

    public SavedQueries(Construct scope, String id, String stackName, List<? extends ILogGroup> logGroups) {
        super(scope, id);
        this.folder = stackName + "/";
        this.logGroups = List.copyOf(logGroups);
        query("Cost by hour", QueryString.Builder.create()
                .filterStatements(List.of("event = \"bedrock_call\""))
                .statsStatements(List.of("sum(costUsd) as costUsd, sum(totalTokens) as totalTokens, "
                        + "sum(inputTokens) as inputTokens, sum(outputTokens) as outputTokens, count(*) as calls "
                        + "by bin(1h) as hour"))
                .sort("hour desc")
                .build());
        query("Top 20 batches by tokens", QueryString.Builder.create()
                .fields(List.of("@timestamp", "@requestId", "modelId", "batch", "followUp", "posts", "totalTokens",
                        "inputTokens", "outputTokens", "tokensPerPost", "costUsd", "stopReason", "attempts"))
                .filterStatements(List.of("event = \"bedrock_call\""))
                .sort("totalTokens desc")
                .limit(20)
                .build());
        query("Tokens per post percentiles", QueryString.Builder.create()
                .filterStatements(List.of("event = \"bedrock_call\"", "posts > 0"))
                .statsStatements(List.of("pct(tokensPerPost, 50) as p50, pct(tokensPerPost, 90) as p90, "
                        + "pct(tokensPerPost, 99) as p99, max(tokensPerPost) as maximum, count(*) as calls "
                        + "by bin(1h) as hour"))
                .sort("hour desc")
                .build());
        query("Invalid records by reason", QueryString.Builder.create()
                .filterStatements(List.of("event = \"invalid_record\""))
                .statsStatements(List.of("count(*) as records, earliest(sequenceNumber) as firstSequenceNumber "
                        + "by reason"))
                .sort("records desc")
                .build());
        query("Handed-back batches", QueryString.Builder.create()
                .fields(List.of("@timestamp", "@requestId", "batch", "records", "firstSequenceNumber", "error"))
                .filterStatements(List.of("event = \"batch_handed_back\""))
                .sort("@timestamp desc")
                .limit(100)
                .build());
        query("Comparison by model", QueryString.Builder.create()
                .filterStatements(List.of("event = \"invocation_summary\""))
                .statsStatements(List.of("sum(postsAnalyzed) as posts, sum(totalTokens) as tokens, "
                        + "sum(costUsd) as costUsd, sum(totalTokens) / sum(postsAnalyzed) as tokensPerPost, "
                        + "1000 * sum(costUsd) / sum(postsAnalyzed) as costPer1000Posts, "
                        + "sum(unscored) as unscored, sum(handedBack) as handedBack, sum(throttles) as throttles, "
                        + "sum(apiCalls) as apiCalls by modelId"))
                .sort("costUsd desc")
                .build());
    }

    private void query(String name, QueryString query) {
        QueryDefinition.Builder.create(this, name.replaceAll("[^A-Za-z0-9]", "") + "Query")
                .queryDefinitionName(folder + name)
                .queryString(query)
                .logGroups(logGroups)
                .build();
    }
}
