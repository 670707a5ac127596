package io.sentimentconsumer.aws;

import io.sentimentconsumer.account.Attempts;
import io.sentimentconsumer.analyze.ModelCallException;
import io.sentimentconsumer.analyze.ModelCallException.Kind;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Sorts Bedrock's errors by what can help: retrying later (throttling, 5xx, timeouts), smaller requests (input
 * too long), or a person (access, model id, credentials, region, any other rejected request). Configuration
 * errors get a message that names the fix, because the operator reads it in the log at 3 a.m.
 */
final class BedrockErrors {

    private static final Set<String> CREDENTIAL_ERRORS = Set.of(
            "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
            "ExpiredToken", "IncompleteSignature", "MissingAuthenticationToken", "InvalidClientTokenId",
            "SignatureDoesNotMatch");

    /**
     * The ValidationException messages for which a smaller request can succeed, lower case, matched as parts of
     * the message. Every other ValidationException fails the same way however small the request (a batch split
     * down to single posts costs 2n - 1 requests and leaves every post unscored), so it is a configuration error.
     * Kept to messages Bedrock is known to send:
     * <ul>
     *   <li>"Input is too long for requested model." (Claude and other models, InvokeModel and Converse);</li>
     *   <li>"The model returned the following errors: prompt is too long: 200049 tokens &gt; 200000 maximum"
     *       (Claude);</li>
     *   <li>"input length and `max_tokens` exceed context limit" (Claude; our {@code maxTokens} grows with the
     *       batch);</li>
     *   <li>"too many total text bytes";</li>
     *   <li>"Too many input tokens. Max input tokens: 8192, request input token count: 9279" (Titan, Mistral);</li>
     *   <li>"This request has been blocked by our content filters. Please adjust your text prompt to submit a new
     *       request." (Nova's input filter): not a length, but one post trips it, so halving isolates that post
     *       and scores the others; handed back, the batch would come back and be blocked again forever.</li>
     * </ul>
     */
    private static final List<String> SMALLER_REQUEST_HELPS = List.of(
            "input is too long", "prompt is too long", "exceed context limit", "too many total text bytes",
            "too many input tokens", "blocked by our content filters");

    private final String modelId;
    private final String region;

    BedrockErrors(String modelId, String region) {
        this.modelId = modelId;
        this.region = region == null ? "AWS_REGION" : region;
    }

    ModelCallException toModelCallException(SdkException e, Attempts attempts) {
        String after = " (after " + attempts.count() + (attempts.count() == 1 ? " attempt)" : " attempts)");
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = String.valueOf(service.awsErrorDetails().errorCode());
            String message = String.valueOf(service.awsErrorDetails().errorMessage());
            String what = code + " (HTTP " + service.statusCode() + "): " + message;
            String fix = configurationFix(code, message, service.statusCode());
            if (fix != null) {
                return new ModelCallException(Kind.CONFIGURATION, "Bedrock rejected the call to " + modelId
                        + ": " + what + ". Fix: " + fix, attempts, e);
            }
            // A ValidationException left here is one a smaller request can avoid: configurationFix took the rest.
            Kind kind = "ValidationException".equals(code) ? Kind.INPUT_REJECTED : Kind.TRANSIENT;
            return new ModelCallException(kind, "Bedrock Converse (" + modelId + ") failed" + after + ": " + what,
                    attempts, e);
        }
        if (causedBy(e, UnknownHostException.class)) {
            return new ModelCallException(Kind.CONFIGURATION, "Bedrock Runtime endpoint for region " + region
                    + " cannot be resolved. Fix: set BEDROCK_REGION (or AWS_REGION) to a region where Amazon "
                    + "Bedrock is available", attempts, e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials")) {
            return new ModelCallException(Kind.CONFIGURATION, "No AWS credentials found for Bedrock. Fix: run "
                    + "with an IAM role (Lambda execution role) or set credentials in the environment or profile",
                    attempts, e);
        }
        String what = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                ? "timed out: " + message : e.getClass().getSimpleName() + ": " + message;
        return new ModelCallException(Kind.TRANSIENT, "Bedrock Converse (" + modelId + ") failed" + after + ": "
                + what, attempts, e);
    }

    private String configurationFix(String code, String message, int status) {
        String lower = message.toLowerCase(Locale.ROOT);
        if ("AccessDeniedException".equals(code)) {
            return "enable access to " + modelId + " in the Bedrock console (Model access, region " + region
                    + ") and allow bedrock:InvokeModel on its ARN in the caller's IAM policy";
        }
        // Bedrock's words: "Invocation of model ID amazon.nova-micro-v1:0 with on-demand throughput isn't
        // supported. Retry your request with the ID or ARN of an inference profile that contains this model." (with
        // a curly apostrophe, so the match leaves "isn't" out). Met on a first deploy in regions where the model is
        // served only through cross-region inference profiles.
        if ("ValidationException".equals(code) && lower.contains("on-demand throughput")
                && lower.contains("inference profile")) {
            return modelId + " is served in " + region + " only through a cross-region inference profile: set "
                    + "BEDROCK_MODEL_ID to " + inferenceProfiles() + " (and allow bedrock:InvokeModel on the "
                    + "profile's ARN and on the model in each region it routes to)";
        }
        if ("ResourceNotFoundException".equals(code)
                || ("ValidationException".equals(code) && (lower.contains("model identifier is invalid")
                        || lower.contains("on-demand throughput")))) {
            return "check BEDROCK_MODEL_ID '" + modelId + "' and BEDROCK_REGION " + region + ": the model must "
                    + "exist there, and models that need an inference profile take its id "
                    + "(e.g. us.amazon.nova-micro-v1:0)";
        }
        if (CREDENTIAL_ERRORS.contains(code) || status == 401) {
            return "the AWS credentials were rejected; check the execution role or the credentials in the "
                    + "environment, and that the clock is right";
        }
        if ("ValidationException".equals(code) && SMALLER_REQUEST_HELPS.stream().noneMatch(lower::contains)) {
            return "the message names the cause, and it is not the request's length (smaller requests would fail "
                    + "the same way); check that BEDROCK_MODEL_ID '" + modelId + "' is a text model that takes "
                    + "Converse requests with a system prompt, temperature and maxTokens in BEDROCK_REGION " + region;
        }
        return null;
    }

    /** The inference profile ids for the region's geography; all three when the region does not say which. */
    private String inferenceProfiles() {
        String geography = region.startsWith("us-gov-") ? "us-gov."
                : region.startsWith("us-") ? "us."
                : region.startsWith("eu-") ? "eu."
                : region.startsWith("ap-") ? "apac."
                : null;
        if (geography != null) {
            return geography + modelId;
        }
        return "the profile of the region's geography: us." + modelId + ", eu." + modelId + " or apac." + modelId;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
