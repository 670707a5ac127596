package io.sentimentconsumer.analyze;

/** One Converse call as the prompt contract shapes it: instructions, the numbered posts, and the answer budget. */
public record ModelRequest(String system, String userMessage, int maxTokens) {}
