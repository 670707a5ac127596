package io.sentimentconsumer.aws;

import io.sentimentconsumer.account.Attempts;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
            counts.attemptStarted(System.nanoTime());
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Counts counts = attributes.getAttribute(COUNTS);
        if (counts != null) {
            counts.attemptAnswered(System.nanoTime(), context.httpResponse().statusCode() == TOO_MANY_REQUESTS);
        }
    }

    /**
     * Attempts, throttles, unanswered attempts and back-off of one call. The back-off is the time from one
     * answered attempt to the start of the next: the SDK's retry delay. An attempt without an answer (timed out,
     * connection lost) may still have been run, and billed, by Bedrock; an attempt whose connection failed before
     * the request left counts too, so the figure is an upper bound.
     */
    static final class Counts {
        private final AtomicInteger attempts = new AtomicInteger();
        private final AtomicInteger throttles = new AtomicInteger();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicLong backoffNanos = new AtomicLong();
        private final AtomicLong lastAnsweredAt = new AtomicLong();

        void attemptStarted(long now) {
            attempts.incrementAndGet();
            long answered = lastAnsweredAt.getAndSet(0);
            if (answered != 0) {
                backoffNanos.addAndGet(now - answered);
            }
        }

        void attemptAnswered(long now, boolean throttled) {
            answered.incrementAndGet();
            lastAnsweredAt.set(now);
            if (throttled) {
                throttles.incrementAndGet();
            }
        }

        /** The call's attempts so far. */
        Attempts snapshot() {
            return new Attempts(attempts.get(), throttles.get(), attempts.get() - answered.get(),
                    backoffNanos.get() / 1e6);
        }
    }
}
