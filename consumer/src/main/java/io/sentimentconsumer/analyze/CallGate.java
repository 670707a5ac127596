package io.sentimentconsumer.analyze;

import io.sentimentconsumer.account.Attempts;
import io.sentimentconsumer.account.CallReceipt;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, for one invocation, whether a model call may start: it needs a concurrency slot, and enough time
 * before the deadline for a call as slow as the slowest recent one plus the margin the invocation keeps for
 * writing its summary and metrics. A call that starts gets the time left minus that margin as its total timeout,
 * so even a slower call ends before the deadline.
 *
 * <p>The estimate changes only when a call answers. Once it is longer than the whole time an invocation has (one
 * slow answer in a warm environment is enough), no call would ever start again to correct it, and every delivery
 * would be handed back untried. So an estimate longer than the time this invocation had when its first call asked
 * is stale: one call may start anyway, and if it answers, its duration replaces the estimate. If it fails, the
 * estimate stays and the next invocation tries once more: while the model really is that slow, that costs one call
 * per invocation, cut off at the deadline like any other.
 */
public final class CallGate {

    /** The longest any one call may take, deadline or not, retries included. */
    static final Duration MAX_CALL_TIME = Duration.ofMinutes(2);

    private static final long UNSET = Long.MIN_VALUE;

    private final AdaptiveConcurrency concurrency;
    private final LatencyEstimate latency;
    private final Deadline deadline;
    private final Duration margin;
    private final AtomicLong waitedNanos = new AtomicLong();
    private final AtomicLong retryWaitNanos = new AtomicLong();
    /** The time the invocation's first call had: the most any of its calls can have. */
    private final AtomicLong firstWindowNanos = new AtomicLong(UNSET);
    private final AtomicBoolean staleTried = new AtomicBoolean();

    public CallGate(AdaptiveConcurrency concurrency, LatencyEstimate latency, Deadline deadline, Duration margin) {
        this.concurrency = concurrency;
        this.latency = latency;
        this.deadline = deadline;
        this.margin = margin;
    }

    /**
     * Waits for a slot and returns the call's timeout, or empty when no call could finish before the deadline
     * (but for the one call a stale estimate lets through, above). A caller that got a timeout must call
     * {@link #answered} or {@link #failed} once the call is over.
     */
    public Optional<Duration> enter() throws InterruptedException {
        long started = System.nanoTime();
        long usable = usableNanos();
        firstWindowNanos.compareAndSet(UNSET, usable);
        long window = usable - millisToNanos(latency.expectedMillis());
        boolean despiteEstimate = false;
        if (window < 0) {
            despiteEstimate = usable > 0 && stale() && staleTried.compareAndSet(false, true);
            if (!despiteEstimate) {
                return Optional.empty();
            }
            window = usable;
        }
        boolean acquired = concurrency.acquire(window);
        waitedNanos.addAndGet(System.nanoTime() - started);
        if (!acquired) {
            return Optional.empty();
        }
        usable = usableNanos();
        if (usable <= 0 || (!despiteEstimate && usable < millisToNanos(latency.expectedMillis()))) {
            concurrency.cancel();
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.min(usable, MAX_CALL_TIME.toNanos())));
    }

    /** Ends a call that {@link #enter} let start and the model answered: its duration teaches the estimate. */
    public void answered(CallReceipt receipt) {
        if (stale()) {
            latency.restart(receipt.durationMillis());
        } else {
            latency.observe(receipt.durationMillis());
        }
        release(receipt.attempts());
    }

    /** Ends a call that {@link #enter} let start and that failed after its retries: the estimate stays. */
    public void failed(Attempts attempts) {
        release(attempts);
    }

    /** Frees the call's slot; its throttles lower the concurrency, its back-off counts as retry wait. */
    private void release(Attempts attempts) {
        retryWaitNanos.addAndGet((long) (attempts.backoffMillis() * 1e6));
        concurrency.release(attempts.throttled());
    }

    /** Time calls spent waiting for a concurrency slot. */
    public double slotWaitMillis() {
        return waitedNanos.get() / 1e6;
    }

    /** Time the SDK spent waiting between attempts, over all calls. */
    public double retryWaitMillis() {
        return retryWaitNanos.get() / 1e6;
    }

    public double concurrencyLimit() {
        return concurrency.limit();
    }

    /** Whether the estimate, learned from calls, is longer than any call of this invocation could take. */
    private boolean stale() {
        long firstWindow = firstWindowNanos.get();
        return latency.learned() && firstWindow != UNSET && millisToNanos(latency.expectedMillis()) > firstWindow;
    }

    private static long millisToNanos(double millis) {
        return (long) (millis * 1e6);
    }

    private long usableNanos() {
        Duration remaining = deadline.remaining();
        if (remaining.toNanos() == Long.MAX_VALUE) {
            return Long.MAX_VALUE / 2;
        }
        return remaining.minus(margin).toNanos();
    }
}
