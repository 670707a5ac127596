package io.sentimentconsumer.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: one stack, {@code SentimentConsumer-<environment>}, parameters from context. The stack is
 * environment-agnostic (account and region come from the deploying credentials), so synth needs none.
 */
public final class InfraApp {

    private InfraApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        stack(app);
        app.synth();
    }

    /** The stack for the app's context, with the AwsSolutions checks unless {@code -c nag=false}. */
    public static SentimentConsumerStack stack(App app) {
        StackParameters parameters = StackParameters.fromContext(name -> app.getNode().tryGetContext(name));
        SentimentConsumerStack stack = new SentimentConsumerStack(app, parameters.stackName(), StackProps.builder()
                .stackName(parameters.stackName())
                .description("sentiment-consumer (" + parameters.environment() + "): Kinesis posts, Bedrock "
                        + "sentiment, token and cost accounting")
                .build(), parameters);
        Tags.of(stack).add("project", "sentiment-consumer");
        Tags.of(stack).add("environment", parameters.environment());
        if (!"false".equals(String.valueOf(app.getNode().tryGetContext("nag")))) {
            Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        }
        return stack;
    }
}
