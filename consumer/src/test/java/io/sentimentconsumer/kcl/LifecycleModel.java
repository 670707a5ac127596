package io.sentimentconsumer.kcl;

import io.sentimentconsumer.account.Attempts;
import io.sentimentconsumer.account.CallReceipt;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.ModelCallException;
import io.sentimentconsumer.analyze.ModelReply;
import io.sentimentconsumer.analyze.ModelRequest;
import io.sentimentconsumer.analyze.SentimentModel;
import io.sentimentconsumer.testing.FakeBedrock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model behind {@link KclLifecycleTest}, in process. (FakeBedrock puts the real SDK client on the wire: about
 * 4 ms an answered call and 200 ms a failed one, the SDK's retries, here; a thousand seeds of a hundred calls
 * would take most of an hour.) It stands where the Bedrock adapter stands: it answers, or fails the way the
 * adapter does once the SDK's retries are spent, which is what blocks a shard.
 *
 * <p>Each call draws its behaviour from the seed, the request's content and how often that content was asked, so
 * a seed replays the same faults. It bills every answer as Bedrock does, and notes each call made for a processor
 * that had lost its lease.
 */
final class LifecycleModel implements SentimentModel {

    /** The processor now calling: whether faults are on, whether it holds the lease, and its stop switch. */
    interface Caller {
        boolean faulty();

        boolean holdsLease();

        /** The worker is asked to stop (a SIGTERM that lands while a call is in flight). */
        void requestStop();

        String name();
    }

    /** A call made for a processor that no longer held its lease. */
    record LateCall(String caller, String firstPost) {}

    /** After this many failures of the same request it is answered, so that a seed's stream always completes. */
    private static final int MOST_FAILURES = 6;

    private final long seed;
    private final Map<String, Integer> asked = new ConcurrentHashMap<>();
    private final List<LateCall> lateCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Caller caller;
    private TokenUsage billed = TokenUsage.ZERO;
    private int answered;

    LifecycleModel(long seed) {
        this.seed = seed;
    }

    void callsFor(Caller value) {
        caller = value;
    }

    synchronized TokenUsage billed() {
        return billed;
    }

    synchronized int answered() {
        return answered;
    }

    List<LateCall> lateCalls() {
        return List.copyOf(lateCalls);
    }

    @Override
    public String modelId() {
        return "amazon.nova-micro-v1:0";
    }

    @Override
    public ModelReply converse(ModelRequest request, Duration timeout) {
        Caller now = caller;
        List<String> posts = request.userMessage().lines().map(line -> line.substring(line.indexOf('|') + 1))
                .toList();
        if (!now.holdsLease()) {
            lateCalls.add(new LateCall(now.name(), posts.get(0)));
        }
        int occurrence = asked.merge(request.userMessage(), 1, Integer::sum);
        Random random = new Random(seed * 1_000_003L + request.userMessage().hashCode() * 31L + occurrence);
        int roll = now.faulty() && occurrence <= MOST_FAILURES ? random.nextInt(100) : 99;
        if (now.faulty() && random.nextInt(100) < 3) {
            now.requestStop();
        }
        if (roll < 22) {
            throw new ModelCallException(ModelCallException.Kind.TRANSIENT,
                    "InternalServerException: The server encountered an internal error.", new Attempts(4, 0, 0, 350), null);
        }
        StringBuilder answer = new StringBuilder();
        int lines = 0;
        for (int n = 1; n <= posts.size(); n++) {
            if (roll < 32 && random.nextInt(10) < 4) {
                continue; // a line the model left out: the post is asked again, then unscored
            }
            answer.append(n).append('|').append(FakeBedrock.scoreOf(posts.get(n - 1))).append('\n');
            lines++;
        }
        TokenUsage usage = new TokenUsage((request.system().length() + request.userMessage().length()) / 4 + 10,
                lines * 7L + 1, 0, 0);
        synchronized (this) {
            billed = billed.plus(usage);
            answered++;
        }
        return new ModelReply(answer.toString(), new CallReceipt(usage, "end_turn", 5, 4L, Attempts.ONE));
    }
}
