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
