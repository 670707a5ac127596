package io.sentimentconsumer.analyze;

import io.sentimentconsumer.account.CallReceipt;

/**
 * What one model call returned.
 *
 * @param text    the answer's text blocks, joined
 * @param receipt what the call used and took, and why it stopped: for the analyzer, the ledger and the call gate
 */
public record ModelReply(String text, CallReceipt receipt) {}
