package io.sentimentconsumer.aws;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the HTTP attempts inside one SDK call, and the ones the service throttled, into the {@link Counts}
 * attached to that call's request. The SDK retries inside a call; these counts make the retries visible.
 */
final class AttemptCounter implements ExecutionInterceptor {

    static final ExecutionAttribute<Counts> COUNTS = new ExecutionAttribute<>("sentiment-consumer.attempts");
    private static final int TOO_MANY_REQUESTS = 429;

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Counts counts = attributes.getAttribute(COUNTS);
        if (counts != null) {
            counts.attempts.incrementAndGet();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Counts counts = attributes.getAttribute(COUNTS);
        if (counts != null && context.httpResponse().statusCode() == TOO_MANY_REQUESTS) {
            counts.throttles.incrementAndGet();
        }
    }

    /** Attempts and throttles of one call. */
    static final class Counts {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger throttles = new AtomicInteger();
    }
}
