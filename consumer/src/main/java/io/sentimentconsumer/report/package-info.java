/**
 * {@code report}: what the consumer's calls cost, read back from its log lines, a log group (Logs Insights) or the
 * calls dataset, added up by hour, day, model, Region and service tier, with the month to date and a month-end
 * forecast. CLI jar only: the Lambda jar carries none of it.
 */
package io.sentimentconsumer.report;
