package io.sentimentconsumer.analyze;

/**
 * How long a model call takes, from the calls this process has seen: the slowest of the last
 * {@value #WINDOW}. Until there are any, a prior that fits Nova Micro on a batch of 25.
 */
public final class LatencyEstimate {

    static final int WINDOW = 32;
    static final double PRIOR_MILLIS = 1000;

    private final double[] recent = new double[WINDOW];
    private int count;
    private int next;

    public synchronized void observe(double millis) {
        recent[next] = millis;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
    }

    /**
     * Forgets every call seen so far but this one. For a call that answered while the estimate was stale (see
     * {@link CallGate}): the slower calls it remembered no longer describe the model.
     */
    public synchronized void restart(double millis) {
        count = 0;
        next = 0;
        observe(millis);
    }

    /** Whether the estimate comes from calls this process made rather than from the prior. */
    public synchronized boolean learned() {
        return count > 0;
    }

    public synchronized double expectedMillis() {
        if (count == 0) {
            return PRIOR_MILLIS;
        }
        double max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, recent[i]);
        }
        return max;
    }
}
