package io.sentimentconsumer.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sentimentconsumer.events.Column;
import io.sentimentconsumer.events.Dataset;
import io.sentimentconsumer.events.DatasetQuery;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * The results bucket, its key, the Glue tables and the Athena workgroup with its saved queries, as synthesized: what
 * the runtimes may do with them, and that {@code resultsSink=none} makes none of it.
 */
class ResultsTest {

    private static final String BUCKET = "${ResultsBucket46167C27}";
    private static final String BUCKET_ARN = "${ResultsBucket46167C27.Arn}";
    private static final String KEY_ARN = "${ResultsKey3631D39F.Arn}";
    private static final Map<String, Object> TUNED = Map.of("resultsRetentionDays", "30", "streamRetentionHours", "25",
            "resultsScanLimitMb", "50", "retainData", "true", "monthlyBudgetUsd", "250.5", "environment", "prod-eu");

    // ------------------------------------------------------------------------------------------------- bucket

    @Test
    void theBucketIsEncryptedWithAKeyOfItsOwnPrivateAndTlsOnly() {
        Template t = Synth.template(Map.of());
        Map<String, Object> bucket = Cfn.only(t, "AWS::S3::Bucket");
        Map<String, Object> encryption = first(bucket, "BucketEncryption", "ServerSideEncryptionConfiguration");
        assertThat(encryption.get("BucketKeyEnabled")).isEqualTo(true);
        Map<String, Object> byDefault = map(encryption.get("ServerSideEncryptionByDefault"));
        assertThat(byDefault.get("SSEAlgorithm")).isEqualTo("aws:kms");
        assertThat(Cfn.text(byDefault.get("KMSMasterKeyID"))).isEqualTo(KEY_ARN);
        assertThat(bucket.get("PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(bucket).doesNotContainKeys("VersioningConfiguration", "BucketName");

        Map<String, Object> tlsOnly = statements(Cfn.only(t, "AWS::S3::BucketPolicy")).get(0);
        assertThat(tlsOnly).containsEntry("Effect", "Deny").containsEntry("Action", "s3:*")
                .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        assertThat(Cfn.list(tlsOnly.get("Resource"))).containsExactly(BUCKET_ARN, BUCKET_ARN + "/*");

        // Its own key, rotated, beside the stack's data key.
        assertThat(t.findResources("AWS::KMS::Key")).containsKeys("ResultsKey3631D39F", "DataKey17AFBB84")
                .hasSize(2).allSatisfy((id, key) -> assertThat(Cfn.props(key)).containsEntry("EnableKeyRotation",
                        true));
    }

    @Test
    void objectsExpireAfterTheRetentionAndUnfinishedUploadsAfterADay() {
        assertThat(lifecycleRule(Synth.template(Map.of()))).isEqualTo(Map.of("Id", "ExpireResults",
                "Status", "Enabled", "ExpirationInDays", 400,
                "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1)));
        assertThat(lifecycleRule(Synth.template(TUNED))).containsEntry("ExpirationInDays", 30);
    }

    @Test
    void theBucketAndItsKeyAreKeptOnDestroyOnlyWithRetainData() {
        Template kept = Synth.template(TUNED);
        Template deleted = Synth.template(Map.of());
        for (String id : List.of("ResultsBucket46167C27", "ResultsKey3631D39F")) {
            assertThat(map(map(kept.toJSON().get("Resources")).get(id))).containsEntry("DeletionPolicy", "Retain");
            assertThat(map(map(deleted.toJSON().get("Resources")).get(id))).containsEntry("DeletionPolicy", "Delete");
        }
    }

    // ---------------------------------------------------------------------------------------------------- IAM

    @Test
    void theFunctionMayOnlyPutObjectsUnderTheTwoDatasetPrefixesAndMakeTheirDataKeys() {
        List<Map<String, Object>> statements = Cfn.statements(Synth.template(Map.of()), "FunctionRoleDefaultPolicy");
        List<Map<String, Object>> results = statements.stream()
                .filter(s -> String.valueOf(s.get("Resource")).contains("Results")).toList();

        assertThat(results).extracting(s -> s.get("Sid")).containsExactly("WriteResults", "EncryptResults");
        Map<String, Object> write = results.get(0);
        assertThat(Cfn.list(write.get("Action"))).containsExactly("s3:PutObject");
        assertThat(Cfn.list(write.get("Resource"))).containsExactly(BUCKET_ARN + "/posts/*", BUCKET_ARN + "/calls/*");
        assertThat(write).doesNotContainKey("Condition");
        Map<String, Object> encrypt = results.get(1);
        assertThat(Cfn.list(encrypt.get("Action"))).containsExactly("kms:GenerateDataKey");
        assertThat(Cfn.list(encrypt.get("Resource"))).containsExactly(KEY_ARN);
        assertThat(Cfn.text(IamTest.condition(encrypt, "StringEquals", "kms:ViaService")))
                .isEqualTo("s3.${AWS::Region}.amazonaws.com");
        // Nothing reads, lists or deletes: no s3 action but PutObject in the whole policy.
        assertThat(statements).flatMap(s -> Cfn.list(s.get("Action"))).filteredOn(a -> a.startsWith("s3:"))
                .containsOnly("s3:PutObject");
    }

    @Test
    void theWorkerMayWriteExactlyWhatTheFunctionMay() {
        Template t = Synth.template(Map.of("worker", "true"));
        assertThat(resultsStatements(t, "WorkerTaskRoleDefaultPolicy"))
                .isEqualTo(resultsStatements(t, "FunctionRoleDefaultPolicy")).hasSize(2);
    }

    // ------------------------------------------------------------------------------------------- environment

    @Test
    void bothRuntimesAreToldToWriteToTheBucket() {
        Template t = Synth.template(Map.of("worker", "true"));
        Map<String, Object> function = functionVariables(t);
        assertThat(function).containsEntry("RESULTS_SINK", "s3").containsEntry("RESULTS_INCLUDE_TEXT", "false");
        assertThat(Cfn.text(function.get("RESULTS_BUCKET"))).isEqualTo(BUCKET);
        assertThat(WorkerTest.containerEnvironment(t)).containsEntry("RESULTS_SINK", "s3")
                .containsEntry("RESULTS_BUCKET", BUCKET).containsEntry("RESULTS_INCLUDE_TEXT", "false");

        assertThat(functionVariables(Synth.template(Map.of("resultsIncludeText", "true"))))
                .containsEntry("RESULTS_INCLUDE_TEXT", "true");
    }

    // ------------------------------------------------------------------------------------------------- tables

    @Test
    void eachDatasetIsAGlueTableWithItsColumnsInOrderAndTheirGlueTypes() {
        Template t = Synth.template(Map.of());
        assertThat(map(Cfn.only(t, "AWS::Glue::Database").get("DatabaseInput")))
                .containsEntry("Name", "sentiment_consumer_dev");
        Map<String, Map<String, Object>> tables = tables(t);

        assertThat(tables).containsOnlyKeys("posts", "calls");
        for (Dataset dataset : Dataset.values()) {
            Map<String, Object> input = tables.get(dataset.prefix());
            Map<String, Object> storage = map(input.get("StorageDescriptor"));
            assertThat(columns(storage.get("Columns"))).as(dataset.prefix()).containsExactlyElementsOf(
                    dataset.columns().stream().map(ResultsTest::glue).toList());
            assertThat(columns(input.get("PartitionKeys")))
                    .containsExactly(tuple("dt", "string"), tuple("hour", "string"));
            assertThat(input).containsEntry("TableType", "EXTERNAL_TABLE");
            assertThat(Cfn.text(storage.get("Location"))).isEqualTo("s3://" + BUCKET + "/" + dataset.prefix() + "/");
            assertThat(storage).containsEntry("InputFormat", "org.apache.hadoop.mapred.TextInputFormat")
                    .containsEntry("OutputFormat", "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                    .containsEntry("SerdeInfo", Map.of("SerializationLibrary",
                            "org.apache.hive.hcatalog.data.JsonSerDe"));
        }
        assertThat(columns(map(tables.get("calls").get("StorageDescriptor")).get("Columns")))
                .contains(tuple("called_at", "timestamp"), tuple("cost_usd", "decimal(24,14)"));
        assertThat(columns(map(tables.get("posts").get("StorageDescriptor")).get("Columns")))
                .contains(tuple("hashtags", "array<string>"), tuple("score", "double"));
    }

    @Test
    void partitionsAreProjectedFromTheKeyLayoutBackAsFarAsAnObjectCanLive() {
        Map<String, Object> posts = tables(Synth.template(Map.of())).get("posts");
        Map<String, String> parameters = texts(posts.get("Parameters"));
        // 400 days of retention, and 7 days of stream retention before the last write of a day's records.
        assertThat(parameters).containsExactlyInAnyOrderEntriesOf(Map.of(
                "classification", "json",
                "projection.enabled", "true",
                "projection.dt.type", "date",
                "projection.dt.format", "yyyy-MM-dd",
                "projection.dt.range", "NOW-407DAYS,NOW",
                "projection.hour.type", "integer",
                "projection.hour.range", "0,23",
                "projection.hour.digits", "2",
                "storage.location.template", "s3://" + BUCKET + "/posts/dt=${dt}/hour=${hour}/"));

        Map<String, Map<String, Object>> tuned = tables(Synth.template(TUNED));
        // 30 days, and 25 hours of stream retention, which reach into a second day.
        assertThat(texts(tuned.get("calls").get("Parameters"))).containsEntry("projection.dt.range", "NOW-32DAYS,NOW")
                .containsEntry("storage.location.template", "s3://" + BUCKET + "/calls/dt=${dt}/hour=${hour}/");
        assertThat(map(Cfn.only(Synth.template(TUNED), "AWS::Glue::Database").get("DatabaseInput")))
                .containsEntry("Name", "sentiment_consumer_prod_eu");
    }

    // ----------------------------------------------------------------------------------------------- workgroup

    @Test
    void theWorkgroupEnforcesEncryptedResultsInTheBucketAndAScanLimit() {
        Map<String, Object> workGroup = Cfn.only(Synth.template(Map.of()), "AWS::Athena::WorkGroup");
        assertThat(workGroup).containsEntry("Name", "sentiment-consumer-dev").containsEntry("State", "ENABLED");
        Map<String, Object> configuration = map(workGroup.get("WorkGroupConfiguration"));
        assertThat(configuration).containsEntry("EnforceWorkGroupConfiguration", true)
                .containsEntry("BytesScannedCutoffPerQuery", 1_000_000_000)
                .containsEntry("EngineVersion", Map.of("SelectedEngineVersion", "AUTO"))
                .containsEntry("PublishCloudWatchMetricsEnabled", true);
        Map<String, Object> result = map(configuration.get("ResultConfiguration"));
        assertThat(Cfn.text(result.get("OutputLocation"))).isEqualTo("s3://" + BUCKET + "/athena-results/");
        Map<String, Object> encryption = map(result.get("EncryptionConfiguration"));
        assertThat(encryption).containsEntry("EncryptionOption", "SSE_KMS");
        assertThat(Cfn.text(encryption.get("KmsKey"))).isEqualTo(KEY_ARN);

        assertThat(map(Cfn.only(Synth.template(TUNED), "AWS::Athena::WorkGroup").get("WorkGroupConfiguration")))
                .containsEntry("BytesScannedCutoffPerQuery", 50_000_000);
    }

    @Test
    void everyDatasetQueryIsSavedInTheWorkgroupOverTheDatabaseWithTheBudgetWrittenIn() {
        Template t = Synth.template(TUNED);
        Map<String, Map<String, Object>> saved = new LinkedHashMap<>();
        Cfn.all(t, "AWS::Athena::NamedQuery").values().forEach(q -> saved.put((String) Cfn.props(q).get("Name"),
                Cfn.props(q)));

        assertThat(saved.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(DatasetQuery.values()).map(DatasetQuery::title).toList());
        assertThat(saved.values()).allSatisfy(q -> {
            assertThat(Cfn.text(q.get("WorkGroup"))).isEqualTo("${ResultsQueriesWorkGroup51D8F567}");
            assertThat(Cfn.text(q.get("Database"))).isEqualTo("${ResultsCatalogDatabase52CE4995}");
            assertThat((String) q.get("QueryString")).doesNotContain("{{").contains("WHERE dt >= ");
            assertThat((String) q.get("Description")).isNotBlank();
        });
        assertThat((String) saved.get("Month to date against the budget").get("QueryString"))
                .contains("250.5 AS monthly_budget_usd", "/ 250.5, 2) AS percent_of_budget");
        assertThat((String) saved.get("Sentiment by hashtag").get("QueryString"))
                .contains("FROM posts\nCROSS JOIN UNNEST(hashtags) AS t(tag)");
    }

    @Test
    void theOutputsNameTheBucketTheWorkgroupAndTheDatabase() {
        Map<String, Object> outputs = map(Synth.template(Map.of()).toJSON().get("Outputs"));
        assertThat(Cfn.text(map(outputs.get("ResultsBucketName")).get("Value"))).isEqualTo(BUCKET);
        assertThat(Cfn.text(map(outputs.get("ResultsWorkGroup")).get("Value")))
                .isEqualTo("${ResultsQueriesWorkGroup51D8F567}");
        assertThat(map(outputs.get("ResultsDatabase"))).containsEntry("Value", "sentiment_consumer_dev");
    }

    // ---------------------------------------------------------------------------------------------------- none

    @Test
    void resultsSinkNoneMakesNoneOfItAndTellsTheRuntimesNothing() {
        Template t = Synth.template(Map.of("resultsSink", "none", "worker", "true"));
        for (String type : List.of("AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::Glue::Database",
                "AWS::Glue::Table", "AWS::Athena::WorkGroup", "AWS::Athena::NamedQuery")) {
            t.resourceCountIs(type, 0);
        }
        assertThat(t.findResources("AWS::KMS::Key")).containsOnlyKeys("DataKey17AFBB84");
        assertThat(functionVariables(t)).doesNotContainKeys("RESULTS_SINK", "RESULTS_BUCKET", "RESULTS_INCLUDE_TEXT");
        assertThat(WorkerTest.containerEnvironment(t))
                .doesNotContainKeys("RESULTS_SINK", "RESULTS_BUCKET", "RESULTS_INCLUDE_TEXT");
        assertThat(Cfn.statements(t, "")).flatMap(s -> Cfn.list(s.get("Action")))
                .noneMatch(a -> a.startsWith("s3:Put"));
        assertThat(map(t.toJSON().get("Outputs"))).doesNotContainKeys("ResultsBucketName", "ResultsWorkGroup",
                "ResultsDatabase");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static List<Map<String, Object>> resultsStatements(Template t, String policy) {
        return Cfn.statements(t, policy).stream().filter(s -> String.valueOf(s.get("Resource")).contains("Results"))
                .toList();
    }

    /** The tables' inputs by name. */
    private static Map<String, Map<String, Object>> tables(Template t) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Cfn.all(t, "AWS::Glue::Table").values().forEach(table -> {
            Map<String, Object> input = map(Cfn.props(table).get("TableInput"));
            out.put((String) input.get("Name"), input);
        });
        return out;
    }

    private static org.assertj.core.groups.Tuple glue(Column column) {
        return tuple(column.name(), column.type().glue());
    }

    @SuppressWarnings("unchecked")
    private static List<org.assertj.core.groups.Tuple> columns(Object value) {
        return ((List<Map<String, Object>>) value).stream().map(c -> tuple(c.get("Name"), c.get("Type"))).toList();
    }

    private static Map<String, String> texts(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        map(value).forEach((k, v) -> out.put(k, Cfn.text(v)));
        return out;
    }

    private static Map<String, Object> lifecycleRule(Template t) {
        return first(Cfn.only(t, "AWS::S3::Bucket"), "LifecycleConfiguration", "Rules");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> properties, String property, String list) {
        return ((List<Map<String, Object>>) map(properties.get(property)).get(list)).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        return (List<Map<String, Object>>) map(policy.get("PolicyDocument")).get("Statement");
    }

    private static Map<String, Object> functionVariables(Template t) {
        return map(map(Cfn.only(t, "AWS::Lambda::Function").get("Environment")).get("Variables"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
