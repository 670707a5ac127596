package io.sentimentconsumer.infra;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.services.bedrock.CfnApplicationInferenceProfile;
import software.constructs.Construct;

/**
 * The deployment's application inference profile: a copy of the configured model (or of its cross-region profile)
 * that the function and the worker invoke through, so that Bedrock counts the deployment's calls on their own
 * ({@code AWS/Bedrock}, {@code ModelId} = the profile's id) and the bill carries its cost allocation tags.
 *
 * <p>Made only when {@code bedrockRegion} is unset: the profile lives in the stack's region, and a client calling
 * Bedrock in another region could not invoke it.
 */
public final class ApplicationProfile {

    /** The {@code Application} cost allocation tag. */
    public static final String APPLICATION = "sentiment-consumer";

    /**
     * CreateInferenceProfile's name pattern: letters and digits, each followed by at most one separator. (Its
     * 64-character limit holds: the function name has at most 50.)
     */
    private static final Pattern NAME = Pattern.compile("([0-9a-zA-Z][ _-]?)+");

    private final CfnApplicationInferenceProfile resource;

    private ApplicationProfile(Construct scope, StackParameters p, BedrockModelAccess model) {
        String name = p.functionName();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The application inference profile's name " + name + " must be "
                    + "letters, digits and single hyphens: choose an environment without two hyphens in a row");
        }
        resource = CfnApplicationInferenceProfile.Builder.create(scope, "ApplicationInferenceProfile")
                .inferenceProfileName(name)
                .description("sentiment-consumer " + p.environment() + ": " + p.consumer().modelId())
                .modelSource(CfnApplicationInferenceProfile.InferenceProfileModelSourceProperty.builder()
                        .copyFrom(model.copySourceArn())
                        .build())
                .tags(List.of(
                        CfnTag.builder().key("Environment").value(p.environment()).build(),
                        CfnTag.builder().key("Application").value(APPLICATION).build()))
                .build();
    }

    /** The deployment's profile, or none when {@code bedrockRegion} names the region Bedrock is called in. */
    public static Optional<ApplicationProfile> of(Construct scope, StackParameters p, BedrockModelAccess model) {
        return p.consumer().bedrockRegion().isPresent()
                ? Optional.empty() : Optional.of(new ApplicationProfile(scope, p, model));
    }

    /** What the consumer sends to Converse ({@code BEDROCK_INFERENCE_PROFILE_ARN}), and IAM's resource. */
    public String arn() {
        return resource.getAttrInferenceProfileArn();
    }

    /** The {@code ModelId} dimension value of Bedrock's own metrics for calls through the profile. */
    public String metricModelId() {
        return resource.getAttrInferenceProfileId();
    }
}
