package io.sentimentconsumer.report;

/** One group of a {@link Grouping}: its key (an hour, a day, a model id, ...) and what it adds up to. */
public record ReportRow(String key, Tally tally) {}
