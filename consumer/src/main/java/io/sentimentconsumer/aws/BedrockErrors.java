package io.sentimentconsumer.aws;

import io.sentimentconsumer.analyze.ModelCallException;
import io.sentimentconsumer.analyze.ModelCallException.Kind;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Sorts Bedrock's errors by what can help: retrying later (throttling, 5xx, timeouts), smaller requests (input
 * rejected), or a person (access, model id, credentials, region). Configuration errors get a message that names
 * the fix, because the operator reads it in the log at 3 a.m.
 */
final class BedrockErrors {

    private static final Set<String> CREDENTIAL_ERRORS = Set.of(
            "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
            "ExpiredToken", "IncompleteSignature", "MissingAuthenticationToken", "InvalidClientTokenId",
            "SignatureDoesNotMatch");

    private final String modelId;
    private final String region;

    BedrockErrors(String modelId, String region) {
        this.modelId = modelId;
        this.region = region == null ? "AWS_REGION" : region;
    }

    ModelCallException toModelCallException(SdkException e, int attempts, int throttles, double backoffMillis) {
        String after = " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)");
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = String.valueOf(service.awsErrorDetails().errorCode());
            String message = String.valueOf(service.awsErrorDetails().errorMessage());
            String what = code + " (HTTP " + service.statusCode() + "): " + message;
            String fix = configurationFix(code, message, service.statusCode());
            if (fix != null) {
                return new ModelCallException(Kind.CONFIGURATION, "Bedrock rejected the call to " + modelId
                        + ": " + what + ". Fix: " + fix, attempts, throttles, backoffMillis, e);
            }
            Kind kind = "ValidationException".equals(code) ? Kind.INPUT_REJECTED : Kind.TRANSIENT;
            return new ModelCallException(kind, "Bedrock Converse (" + modelId + ") failed" + after + ": " + what,
                    attempts, throttles, backoffMillis, e);
        }
        if (causedBy(e, UnknownHostException.class)) {
            return new ModelCallException(Kind.CONFIGURATION, "Bedrock Runtime endpoint for region " + region
                    + " cannot be resolved. Fix: set BEDROCK_REGION (or AWS_REGION) to a region where Amazon "
                    + "Bedrock is available", attempts, throttles, backoffMillis, e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials")) {
            return new ModelCallException(Kind.CONFIGURATION, "No AWS credentials found for Bedrock. Fix: run "
                    + "with an IAM role (Lambda execution role) or set credentials in the environment or profile",
                    attempts, throttles, backoffMillis, e);
        }
        String what = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                ? "timed out: " + message : e.getClass().getSimpleName() + ": " + message;
        return new ModelCallException(Kind.TRANSIENT, "Bedrock Converse (" + modelId + ") failed" + after + ": "
                + what, attempts, throttles, backoffMillis, e);
    }

    private String configurationFix(String code, String message, int status) {
        String lower = message.toLowerCase(Locale.ROOT);
        if ("AccessDeniedException".equals(code)) {
            return "enable access to " + modelId + " in the Bedrock console (Model access, region " + region
                    + ") and allow bedrock:InvokeModel on its ARN in the caller's IAM policy";
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
        return null;
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
