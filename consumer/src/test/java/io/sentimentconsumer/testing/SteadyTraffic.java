package io.sentimentconsumer.testing;

import io.sentimentconsumer.generate.SyntheticPosts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * Synthetic posts put on a stream at a steady rate from a background thread until {@link #stop()}, which returns
 * only once the last request has been answered: from then on the stream's contents are final. (The {@code produce}
 * command sends a fixed number of posts; a scenario whose length depends on the KCL needs traffic it can end.)
 */
public final class SteadyTraffic implements AutoCloseable {

    private static final long TICK_MILLIS = 250;

    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    private SteadyTraffic(KinesisClient kinesis, String stream, long seed, int postsPerTick) {
        SyntheticPosts posts = new SyntheticPosts(seed);
        thread = new Thread(() -> {
            try {
                do {
                    List<PutRecordsRequestEntry> entries = new ArrayList<>();
                    for (int i = 0; i < postsPerTick; i++) {
                        SyntheticPosts.SyntheticPost post = posts.next();
                        entries.add(PutRecordsRequestEntry.builder().partitionKey(post.post().userId())
                                .data(SdkBytes.fromByteArray(post.toBytes())).build());
                    }
                    PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(entries));
                    if (response.failedRecordCount() != null && response.failedRecordCount() > 0) {
                        throw new IllegalStateException(response.failedRecordCount() + " records not put on " + stream);
                    }
                } while (!stop.await(TICK_MILLIS, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "steady-traffic-" + stream);
        thread.setDaemon(true);
    }

    /** Starts putting {@code postsPerSecond} posts a second (in four requests a second), generated from the seed. */
    public static SteadyTraffic start(KinesisClient kinesis, String stream, long seed, int postsPerSecond) {
        SteadyTraffic traffic = new SteadyTraffic(kinesis, stream, seed,
                Math.max(1, postsPerSecond * (int) TICK_MILLIS / 1000));
        traffic.thread.start();
        return traffic;
    }

    /** Stops after the request in flight; fails if any request failed. */
    public void stop() throws InterruptedException {
        stop.countDown();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        if (thread.isAlive()) {
            throw new IllegalStateException(thread.getName() + " did not stop");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop.countDown();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
