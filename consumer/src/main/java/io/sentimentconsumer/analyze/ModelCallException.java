package io.sentimentconsumer.analyze;

/** A model call that failed after its retries. The message names the cause and never contains post text. */
public class ModelCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final int throttles;

    public ModelCallException(String message, int attempts, int throttles, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
        this.throttles = throttles;
    }

    public int attempts() {
        return attempts;
    }

    public int throttles() {
        return throttles;
    }
}
