package io.sentimentconsumer.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code bedrock:InvokeModel} on the configured model and nothing else (the Converse API is authorised as
 * InvokeModel).
 *
 * <ul>
 *   <li>A foundation model id ({@code amazon.nova-micro-v1:0}): its foundation-model ARN in the Bedrock region.</li>
 *   <li>A cross-region profile id ({@code us.amazon.nova-micro-v1:0}): the inference-profile ARN in the Bedrock
 *       region, plus the foundation-model ARNs in every region the profile routes to, usable only through that
 *       profile ({@code bedrock:InferenceProfileArn} condition). Routing regions come from
 *       {@code bedrockProfileRegions}, else from {@link #PROFILE_REGIONS} for the prefix. A {@code global.} profile
 *       routes to any commercial region, so its foundation-model resource has a region wildcard, still only
 *       through the profile.</li>
 * </ul>
 *
 * <p>With the deployment's application inference profile ({@link ApplicationProfile}), which is copied from the
 * model or the cross-region profile above: InvokeModel on it as well, and the routed models may also be reached
 * through it. The Bedrock user guide ("Prerequisites for inference profiles") requires, for a profile in the
 * resource list, the foundation model in each of its regions too, which the statements above already allow.
 */
public final class BedrockModelAccess {

    /**
     * Destination regions of the geography profiles (Bedrock user guide, "Supported Regions and models for
     * inference profiles"). They differ by model and grow over time: override with {@code bedrockProfileRegions}.
     */
    public static final Map<String, List<String>> PROFILE_REGIONS = Map.of(
            "us", List.of("us-east-1", "us-east-2", "us-west-2"),
            "us-gov", List.of("us-gov-east-1", "us-gov-west-1"),
            "eu", List.of("eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"),
            "apac", List.of("ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"),
            "jp", List.of("ap-northeast-1", "ap-northeast-3"),
            "au", List.of("ap-southeast-2", "ap-southeast-4"),
            "ca", List.of("ca-central-1", "ca-west-1"));

    public static final String GLOBAL_PREFIX = "global";

    private final String modelId;
    private final String region;
    private final Optional<String> profilePrefix;
    private final List<String> routedRegions;

    /**
     * @param region the region the client calls (a token for the stack's region when {@code bedrockRegion} is unset)
     */
    public BedrockModelAccess(String modelId, String region, List<String> configuredProfileRegions) {
        this.modelId = modelId;
        this.region = region;
        this.profilePrefix = profilePrefix(modelId);
        if (profilePrefix.isEmpty() || profilePrefix.get().equals(GLOBAL_PREFIX)) {
            this.routedRegions = List.of();
        } else if (!configuredProfileRegions.isEmpty()) {
            this.routedRegions = configuredProfileRegions;
        } else {
            this.routedRegions = PROFILE_REGIONS.get(profilePrefix.get());
        }
    }

    public static Optional<String> profilePrefix(String modelId) {
        int dot = modelId.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String prefix = modelId.substring(0, dot);
        return PROFILE_REGIONS.containsKey(prefix) || prefix.equals(GLOBAL_PREFIX)
                ? Optional.of(prefix) : Optional.empty();
    }

    public boolean isProfile() {
        return profilePrefix.isPresent();
    }

    /** The model the profile routes to, or the model itself. */
    public String foundationModelId() {
        return profilePrefix.map(p -> modelId.substring(p.length() + 1)).orElse(modelId);
    }

    /** True for a {@code global.} profile, whose foundation-model resource needs a region wildcard. */
    public boolean isGlobalProfile() {
        return profilePrefix.filter(GLOBAL_PREFIX::equals).isPresent();
    }

    /**
     * What the application inference profile copies: the cross-region profile, or the foundation model in the
     * Bedrock region.
     */
    public String copySourceArn() {
        return isProfile() ? inferenceProfileArn() : foundationModelArn(region);
    }

    public String inferenceProfileArn() {
        return "arn:" + Aws.PARTITION + ":bedrock:" + region + ":" + Aws.ACCOUNT_ID + ":inference-profile/" + modelId;
    }

    private String foundationModelArn(String inRegion) {
        return "arn:" + Aws.PARTITION + ":bedrock:" + inRegion + "::foundation-model/" + foundationModelId();
    }

    /**
     * @param applicationProfileArn the deployment's application inference profile, if it has one
     */
    public List<PolicyStatement> statements(Optional<String> applicationProfileArn) {
        List<PolicyStatement> statements = new ArrayList<>();
        if (!isProfile()) {
            statements.add(invoke("InvokeConfiguredModel", List.of(foundationModelArn(region))).build());
        } else {
            List<String> modelArns = isGlobalProfile()
                    ? List.of(foundationModelArn("*"), "arn:" + Aws.PARTITION + ":bedrock:::foundation-model/"
                            + foundationModelId())
                    : routedRegions.stream().map(this::foundationModelArn).toList();
            // Through the cross-region profile, or through the application profile copied from it.
            List<String> throughProfiles = new ArrayList<>(List.of(inferenceProfileArn()));
            applicationProfileArn.ifPresent(throughProfiles::add);
            statements.add(invoke("InvokeConfiguredProfile", List.of(inferenceProfileArn())).build());
            statements.add(invoke("InvokeRoutedModelsThroughProfile", modelArns)
                    .conditions(Map.of("StringEquals", Map.of("bedrock:InferenceProfileArn", throughProfiles)))
                    .build());
        }
        applicationProfileArn.ifPresent(arn ->
                statements.add(invoke("InvokeApplicationProfile", List.of(arn)).build()));
        return List.copyOf(statements);
    }

    private static PolicyStatement.Builder invoke(String sid, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).actions(List.of("bedrock:InvokeModel")).resources(resources);
    }
}
