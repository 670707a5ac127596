package io.sentimentconsumer.ingest;

/** What a record's data turned out to be: a post, or invalid with a reason that never quotes the data. */
public sealed interface DecodedRecord {

    record Valid(Post post) implements DecodedRecord {}

    record Invalid(String reason) implements DecodedRecord {}
}
