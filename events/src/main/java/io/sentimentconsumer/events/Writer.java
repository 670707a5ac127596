package io.sentimentconsumer.events;

/** Who writes a log event: the deployed runtimes, each to its own log group, and the operator's CLI. */
public enum Writer {
    /** The Lambda function (and {@code replay}, which runs the same handler). */
    LAMBDA,
    /** The KCL worker. */
    WORKER,
    /** {@code redrive}, run by an operator. */
    REDRIVE
}
