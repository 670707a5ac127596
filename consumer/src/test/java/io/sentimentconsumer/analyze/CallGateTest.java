package io.sentimentconsumer.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.account.Attempts;
import io.sentimentconsumer.account.CallReceipt;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.testing.Polling;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When a model call may start, and what the gate learns from the calls that end. */
class CallGateTest {

    private static CallGate gate(AdaptiveConcurrency concurrency, LatencyEstimate latency, long deadlineMillis) {
        return new CallGate(concurrency, latency, Deadline.after(Duration.ofMillis(deadlineMillis)), Duration.ZERO);
    }

    @Test
    void anEstimateLongerThanAWholeInvocationLetsOneCallThroughAndItsAnswerReplacesTheEstimate() {
        // A warm environment once saw a 60 s call; every invocation now has 10 s.
        LatencyEstimate latency = new LatencyEstimate();
        latency.observe(60_000);
        CallGate gate = gate(new AdaptiveConcurrency(4), latency, 10_000);

        assertThat(enter(gate)).as("the first call of the invocation").isTrue();
        assertThat(enter(gate)).as("a second call while the first is out").isFalse();
        gate.answered(new CallReceipt(new TokenUsage(900, 100, 0, 0), "end_turn", 200.0, 180L, Attempts.ONE));

        assertThat(latency.expectedMillis()).isEqualTo(200.0);
        assertThat(enter(gate)).as("a call after the estimate was refreshed").isTrue();
    }

    @Test
    void aCallLetThroughThatFailsKeepsTheEstimateAndTheNextInvocationTriesOnceAgain() {
        LatencyEstimate latency = new LatencyEstimate();
        latency.observe(60_000);
        AdaptiveConcurrency concurrency = new AdaptiveConcurrency(4);
        CallGate first = gate(concurrency, latency, 10_000);

        assertThat(enter(first)).isTrue();
        first.failed(Attempts.ONE);

        assertThat(latency.expectedMillis()).isEqualTo(60_000.0);
        assertThat(enter(first)).as("the same invocation again").isFalse();
        assertThat(enter(gate(concurrency, latency, 10_000))).as("the next invocation").isTrue();
    }

    @Test
    void timeRunningOutWithinAnInvocationStillStopsCallsThatCannotFinish() throws InterruptedException {
        LatencyEstimate latency = new LatencyEstimate();
        latency.observe(200);
        CallGate gate = gate(new AdaptiveConcurrency(4), latency, 400);

        assertThat(enter(gate)).isTrue();
        Thread.sleep(300);

        assertThat(enter(gate)).as("100 ms left for a 200 ms call").isFalse();
    }

    @Test
    void aCallThatNeverStartedLeavesTheConcurrencyLimitAsItWas() throws Exception {
        AdaptiveConcurrency concurrency = new AdaptiveConcurrency(4);
        assertThat(concurrency.acquire(0)).isTrue();
        concurrency.release(true);                      // a throttled call: 4 -> 2
        assertThat(concurrency.acquire(0)).isTrue();
        assertThat(concurrency.acquire(0)).isTrue();    // both slots busy
        LatencyEstimate latency = new LatencyEstimate();
        CallGate gate = gate(concurrency, latency, 10_000);
        FutureTask<Boolean> waiting = new FutureTask<>(() -> enter(gate));
        Thread caller = new Thread(waiting);
        caller.start();
        Polling.until(Duration.ofSeconds(5), "the call to wait for a slot",
                () -> caller.getState() == Thread.State.TIMED_WAITING);

        // While it waits, another call shows the model takes longer than the time left; then a slot comes free.
        latency.observe(20_000);
        concurrency.release(false);                     // a clean call: 2 + 1/2

        assertThat(waiting.get(5, TimeUnit.SECONDS)).as("the waiting call started").isFalse();
        assertThat(concurrency.limit()).isEqualTo(2.5);
        assertThat(concurrency.acquire(0)).as("its slot is free again").isTrue();
    }

    private static boolean enter(CallGate gate) {
        try {
            return gate.enter().isPresent();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
