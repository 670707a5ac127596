package io.sentimentconsumer.analyze;

import java.time.Duration;

/** The moment an invocation must be finished by, on the monotonic clock. */
public record Deadline(long nanoTime) {

    /** No deadline: a long-running worker, or a caller without a Lambda context. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    public static Deadline after(Duration remaining) {
        return new Deadline(System.nanoTime() + remaining.toNanos());
    }

    public Duration remaining() {
        if (nanoTime == Long.MAX_VALUE) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }
}
