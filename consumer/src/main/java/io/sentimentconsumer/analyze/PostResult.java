package io.sentimentconsumer.analyze;

/** What analysis made of one post: a score, unscored with a reason, or handed back because its call failed. */
public sealed interface PostResult {

    record Scored(double score) implements PostResult {}

    record Unscored(String reason) implements PostResult {}

    record HandedBack(String reason) implements PostResult {}
}
