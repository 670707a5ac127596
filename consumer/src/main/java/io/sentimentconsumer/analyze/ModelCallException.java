package io.sentimentconsumer.analyze;

import io.sentimentconsumer.account.Attempts;

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
    private final Attempts attempts;

    public ModelCallException(Kind kind, String message, Attempts attempts, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.attempts = attempts;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP attempts the call made before it failed. */
    public Attempts attempts() {
        return attempts;
    }
}
