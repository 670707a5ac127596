package io.sentimentconsumer.analyze;

/**
 * A model call that failed after its retries. The message names the cause (and, for configuration errors, the
 * fix) and never contains post text.
 */
public class ModelCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the failure means for the records of the call. */
    public enum Kind {
        /** Throttling, 5xx, timeouts, lost connections: the records go back to be delivered again. */
        TRANSIENT,
        /**
         * Access, model id, credentials or region are wrong, or the service rejected the request for a reason no
         * smaller request avoids: no retry can help until someone fixes them.
         */
        CONFIGURATION,
        /** The service rejected the request for its content (e.g. too long): smaller batches can succeed. */
        INPUT_REJECTED
    }

    private final Kind kind;
    private final int attempts;
    private final int throttles;
    private final int abandonedAttempts;
    private final double backoffMillis;

    /**
     * @param abandonedAttempts attempts sent that got no answer (timed out, connection lost): Bedrock may have
     *                          billed them
     */
    public ModelCallException(Kind kind, String message, int attempts, int throttles, int abandonedAttempts,
                              double backoffMillis, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.attempts = attempts;
        this.throttles = throttles;
        this.abandonedAttempts = abandonedAttempts;
        this.backoffMillis = backoffMillis;
    }

    /** A failure whose attempts all got an answer (in-process models, tests). */
    public ModelCallException(Kind kind, String message, int attempts, int throttles, double backoffMillis,
                              Throwable cause) {
        this(kind, message, attempts, throttles, 0, backoffMillis, cause);
    }

    public Kind kind() {
        return kind;
    }

    public int attempts() {
        return attempts;
    }

    public int throttles() {
        return throttles;
    }

    public int abandonedAttempts() {
        return abandonedAttempts;
    }

    public double backoffMillis() {
        return backoffMillis;
    }
}
