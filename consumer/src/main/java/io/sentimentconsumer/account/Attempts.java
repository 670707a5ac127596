package io.sentimentconsumer.account;

/**
 * The HTTP attempts inside one model call (the SDK retries inside a call), which travel together from the HTTP
 * client to the ledger.
 *
 * @param count         attempts sent
 * @param throttles     attempts the service answered with a throttling error
 * @param abandoned     attempts sent that got no answer (the SDK gave up after its attempt timeout, or the
 *                      connection was lost): Bedrock may have run, and billed, them, and their usage never reaches us
 * @param backoffMillis time the SDK waited between attempts
 */
public record Attempts(int count, int throttles, int abandoned, double backoffMillis) {

    public static final Attempts NONE = new Attempts(0, 0, 0, 0);

    /** One attempt, answered at once: every in-process model's call. */
    public static final Attempts ONE = new Attempts(1, 0, 0, 0);

    public boolean throttled() {
        return throttles > 0;
    }

    public Attempts plus(Attempts other) {
        return new Attempts(count + other.count, throttles + other.throttles, abandoned + other.abandoned,
                backoffMillis + other.backoffMillis);
    }
}
