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
    private final double backoffMillis;

    public ModelCallException(Kind kind, String message, int attempts, int throttles, double backoffMillis,
                              Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.attempts = attempts;
        this.throttles = throttles;
        this.backoffMillis = backoffMillis;
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

    public double backoffMillis() {
        return backoffMillis;
    }
}
