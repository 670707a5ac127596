package io.sentimentconsumer.analyze;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many model calls may be in flight, adjusted to what Bedrock accepts: halved on every throttled call
 * (multiplicative decrease, down to one), raised by 1/limit on every call that went through unthrottled (additive
 * increase: about one more slot per round of calls), never above the configured maximum. It lives as long as the
 * process, so what one invocation learned about the account's quota carries over to the next.
 */
public final class AdaptiveConcurrency {

    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFreed = lock.newCondition();
    private double limit;
    private int inFlight;

    public AdaptiveConcurrency(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        this.max = max;
        this.limit = max;
    }

    /** Takes a slot, waiting at most {@code timeoutNanos}; false when none came free in time. */
    public boolean acquire(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = timeoutNanos;
            while (inFlight >= (int) limit) {
                if (left <= 0) {
                    return false;
                }
                left = slotFreed.awaitNanos(left);
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    public void release(boolean throttled) {
        lock.lock();
        try {
            inFlight--;
            limit = throttled ? Math.max(1, limit / 2) : Math.min(max, limit + 1 / limit);
            slotFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives back a slot whose call never started: it says nothing about what Bedrock accepts, so the limit stays
     * (counted as a clean call, every refused start would widen it).
     */
    public void cancel() {
        lock.lock();
        try {
            inFlight--;
            slotFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public double limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }
}
