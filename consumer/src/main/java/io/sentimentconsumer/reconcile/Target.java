package io.sentimentconsumer.reconcile;

/**
 * One model's two counts: ours, published under the configured model id, and Bedrock's, which lists the calls made
 * through the deployment's application inference profile under the profile's id.
 *
 * @param modelId   the {@code ModelId} dimension of our metrics: the configured model id
 * @param profileId the {@code ModelId} dimension of Bedrock's metrics: the profile's id, the last part of its ARN
 */
public record Target(String modelId, String profileId) {

    public Target {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("a model id is needed to find our metrics");
        }
        if (profileId == null || profileId.isBlank()) {
            throw new IllegalArgumentException("an inference profile id is needed to find Bedrock's metrics for "
                    + modelId);
        }
    }

    /**
     * The profile's id from its ARN ({@code arn:aws:bedrock:<region>:<account>:application-inference-profile/<id>}):
     * the part after the last {@code /}, which is what Bedrock's metrics appear to use (docs/observability.md).
     */
    public static String profileIdOf(String arn) {
        int slash = arn.lastIndexOf('/');
        if (!arn.startsWith("arn:") || slash < 0 || slash == arn.length() - 1) {
            throw new IllegalArgumentException("'" + arn + "' is not an inference profile ARN (arn:aws:bedrock:"
                    + "<region>:<account>:application-inference-profile/<id>); give the id alone with --profile-id");
        }
        return arn.substring(slash + 1);
    }
}
