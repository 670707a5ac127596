package io.sentimentconsumer.log;

/** How much a line matters; TEXT prints it before every message but an {@link #INFO} one. */
public enum Level { INFO, WARN, ERROR }
