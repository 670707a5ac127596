package io.sentimentconsumer.infra;

import io.github.cdklabs.cdknag.NagSuppressions;
import io.sentimentconsumer.events.Dataset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The bucket the consumer keeps its {@link Dataset}s in, and the Athena workgroup its query results, under a KMS key
 * of its own: whoever is let read the results gets {@code kms:Decrypt} on this key, and with it nothing of the
 * stream or the failure queue, which the stack's data key encrypts.
 *
 * <p>Unversioned: a delivered range that is processed again writes the same key again, and that overwrite is how
 * its rows are not counted twice; versions would keep every overwritten copy, to be counted by whoever reads them
 * and paid for until a rule removed them. Every object expires {@code resultsRetentionDays} after it was written.
 */
public final class ResultsBucket extends Construct {

    private final Key key;
    private final Bucket bucket;

    public ResultsBucket(Construct scope, String id, StackParameters p, RemovalPolicy removal) {
        super(scope, id);
        key = SentimentConsumerStack.customerKey(this, "Key", "Encrypts the results bucket: the posts and calls "
                + "datasets and Athena's query results (" + p.stackName() + ")", removal);
        bucket = Bucket.Builder.create(this, "Bucket")
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                // One data key per bucket for a while instead of one KMS request per object written or read.
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .versioned(false)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("ExpireResults")
                        .expiration(Duration.days(p.results().retentionDays()))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
                .removalPolicy(removal)
                .build();
        NagSuppressions.addResourceSuppressions(bucket, List.of(SentimentConsumerStack.suppression("AwsSolutions-S1",
                "Only the consumer's two roles write here, each object once per delivered range, and only Athena "
                        + "users read; access logs would need a bucket of their own. For an audit of who read what, "
                        + "turn on CloudTrail data events for this bucket.")));
    }

    /**
     * Lets {@code role} write the datasets' objects and nothing else: PutObject under each dataset's prefix, and the
     * one KMS action a single-request upload under SSE-KMS needs, through S3 only. (A multipart upload would need
     * {@code kms:Decrypt} too: the writer puts each object in one request.)
     */
    public void grantWrite(Role role) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("WriteResults")
                .actions(List.of("s3:PutObject"))
                .resources(Arrays.stream(Dataset.values()).map(d -> bucket.arnForObjects(d.prefix() + "/*")).toList())
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("EncryptResults")
                .actions(List.of("kms:GenerateDataKey"))
                .resources(List.of(key.getKeyArn()))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService", "s3." + Aws.REGION + ".amazonaws.com")))
                .build());
        NagSuppressions.addResourceSuppressions(role, List.of(SentimentConsumerStack.suppression("AwsSolutions-IAM5",
                "PutObject under the posts/ and calls/ prefixes of the results bucket: each delivered range is an "
                        + "object of its own, named by its partition, stream, shard and sequence numbers, so the "
                        + "resource is the prefix. No other action, and no other prefix.",
                "^Resource::<ResultsBucket[0-9A-F]+\\.Arn>/(" + String.join("|",
                        Arrays.stream(Dataset.values()).map(Dataset::prefix).toList()) + ")/\\*$")), true);
    }

    public Bucket bucket() {
        return bucket;
    }

    public Key key() {
        return key;
    }

    /** {@code s3://<bucket>/<prefix>/}: a dataset's table location, or Athena's results under {@code prefix}. */
    public String location(String prefix) {
        return "s3://" + bucket.getBucketName() + "/" + prefix + "/";
    }
}
