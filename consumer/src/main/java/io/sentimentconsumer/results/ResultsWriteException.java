package io.sentimentconsumer.results;

/** A delivery's object could not be written: the bucket and key that failed, and why. */
public final class ResultsWriteException extends RuntimeException {

    private final String bucket;
    private final String key;

    public ResultsWriteException(String bucket, String key, Throwable cause) {
        super("cannot write s3://" + bucket + "/" + key + ": " + cause.getMessage(), cause);
        this.bucket = bucket;
        this.key = key;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }
}
