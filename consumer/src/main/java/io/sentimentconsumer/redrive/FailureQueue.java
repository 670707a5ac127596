package io.sentimentconsumer.redrive;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * The SQS queue of the event source mapping's on-failure destination, one message at a time: a message is invisible
 * to others while its range is redriven, deleted once every record of the range has its outcome, and released
 * (visible again at once) when it is kept.
 */
public final class FailureQueue {

    /**
     * How long a received message stays invisible: enough for Lambda's largest batch (10,000 records, 400 model
     * calls) to be scored. Two redrives at once could still take the same message after it; run one at a time.
     */
    static final Duration VISIBILITY = Duration.ofMinutes(15);
    /** Long polling: SQS then asks all its servers, so an empty answer means an empty queue. */
    static final int WAIT_SECONDS = 1;

    /** One received message; the receipt handle is what deleting or releasing it takes. */
    public record Message(String id, String receiptHandle, String body) {}

    private final SqsClient sqs;
    private final String url;
    private int requests;

    public FailureQueue(SqsClient sqs, String url) {
        this.sqs = sqs;
        this.url = url;
    }

    /** The next visible message, or empty when the queue has none. */
    public Optional<Message> next() {
        ReceiveMessageResponse response;
        try {
            requests++;
            response = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(WAIT_SECONDS)
                    .visibilityTimeout((int) VISIBILITY.toSeconds()));
        } catch (QueueDoesNotExistException e) {
            throw new IllegalArgumentException("queue " + url + " does not exist: check --queue (the stack's "
                    + "FailureQueueUrl output), AWS_REGION and AWS_ENDPOINT_URL_SQS", e);
        } catch (SdkException e) {
            // No credentials, no route, no permission: nothing was received, so nothing is lost by stopping here.
            throw new IllegalArgumentException("cannot receive from queue " + url + " (" + e.getMessage() + "): "
                    + "check the credentials, AWS_REGION and AWS_ENDPOINT_URL_SQS", e);
        }
        return response.messages().stream().findFirst()
                .map(m -> new Message(m.messageId(), m.receiptHandle(), m.body()));
    }

    public void delete(Message message) {
        requests++;
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
    }

    /** Makes a kept message visible again now, for the next redrive (rather than in {@link #VISIBILITY}). */
    public void release(Message message) {
        requests++;
        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
    }

    /** SQS requests so far. */
    public int requests() {
        return requests;
    }
}
