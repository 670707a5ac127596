package io.sentimentconsumer.results;

import io.sentimentconsumer.events.Dataset;

/**
 * A delivery's object could not be written: which dataset's (a calls object is written before the posts one, so
 * a posts failure means the calls are kept), the bucket and key, and why.
 */
public final class ResultsWriteException extends RuntimeException {

    private final transient Dataset dataset;
    private final String bucket;
    private final String key;

    public ResultsWriteException(Dataset dataset, String bucket, String key, Throwable cause) {
        super("cannot write s3://" + bucket + "/" + key + ": " + cause.getMessage(), cause);
        this.dataset = dataset;
        this.bucket = bucket;
        this.key = key;
    }

    public Dataset dataset() {
        return dataset;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }
}
