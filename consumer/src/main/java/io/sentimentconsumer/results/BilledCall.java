package io.sentimentconsumer.results;

import io.sentimentconsumer.account.CallRecord;
import java.util.Objects;

/** A call and the delivery that paid for it: a calls row. */
public record BilledCall(CallRecord call, String invocationId) {

    public BilledCall {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(invocationId, "invocationId");
    }
}
