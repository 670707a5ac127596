package io.sentimentconsumer.kcl;

import io.sentimentconsumer.events.Setting;
import io.sentimentconsumer.pipeline.Variables;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The worker's own settings, next to the consumer's ({@code ConsumerConfig}): built the same way, from defaults,
 * the environment ({@code SUMMARY_INTERVAL}) and then the {@code worker} command's options.
 *
 * @param streamName      the Kinesis data stream
 * @param applicationName the KCL application: the lease table's name, shared by every worker of the fleet
 * @param workerId        this worker's name in the lease table
 * @param fanOut          read with enhanced fan-out instead of polling
 * @param kclMetrics      also publish the KCL's own CloudWatch metrics
 * @param summaryInterval how often the cumulative summary is written ({@code SUMMARY_INTERVAL})
 * @param metricsInterval how often buffered metrics are published
 * @param backoff         the waits between retries of a failing batch
 * @param tuning          test-only KCL timings; {@code null} in production (KCL's defaults)
 */
public record WorkerConfig(String streamName, String applicationName, String workerId, boolean fanOut,
                           boolean kclMetrics, Duration summaryInterval, Duration metricsInterval, Backoff backoff,
                           Tuning tuning) {

    /**
     * Shorter KCL timings, and lease balancing by throughput, for workers under test: several on one host, on local
     * engines. Only the hidden {@code worker --test-failover-millis} sets it, because the tests run workers as
     * processes of the CLI jar, out of reach of any seam in the test JVM; production never does.
     */
    public record Tuning(long failoverMillis) {}

    public WorkerConfig {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(summaryInterval, "summaryInterval");
        Objects.requireNonNull(metricsInterval, "metricsInterval");
        Objects.requireNonNull(backoff, "backoff");
    }

    /** A worker of {@code streamName} with the defaults; the application defaults to one named after the stream. */
    public static Builder builder(String streamName) {
        return new Builder(streamName);
    }

    /** Collects settings; {@link #build()} fills in what was not given. */
    public static final class Builder {
        private final String streamName;
        private String applicationName;
        private String workerId;
        private boolean fanOut;
        private boolean kclMetrics;
        private Duration summaryInterval = interval(Setting.SUMMARY_INTERVAL.defaultValue());
        private Duration metricsInterval = Duration.ofSeconds(60);
        private Duration backoffInitial = Duration.ofSeconds(1);
        private Duration backoffMax = Duration.ofSeconds(60);
        private Tuning tuning;

        private Builder(String streamName) {
            this.streamName = Objects.requireNonNull(streamName, "streamName");
        }

        /** Takes every setting the environment variables {@code env} set; the others keep their value here. */
        public Builder variables(Map<String, String> env) {
            new Variables(env).ifGiven(Setting.SUMMARY_INTERVAL, v -> summaryInterval = interval(v));
            return this;
        }

        public Builder applicationName(String value) {
            applicationName = value;
            return this;
        }

        public Builder workerId(String value) {
            workerId = value;
            return this;
        }

        public Builder fanOut(boolean value) {
            fanOut = value;
            return this;
        }

        public Builder kclMetrics(boolean value) {
            kclMetrics = value;
            return this;
        }

        public Builder summaryInterval(Duration value) {
            summaryInterval = value;
            return this;
        }

        public Builder metricsInterval(Duration value) {
            metricsInterval = value;
            return this;
        }

        /** The first wait before retrying a failing batch; each further wait doubles, up to the cap. */
        public Builder backoffInitial(Duration value) {
            backoffInitial = value;
            return this;
        }

        /** The cap of the waits between retries of a failing batch. */
        public Builder backoffMax(Duration value) {
            backoffMax = value;
            return this;
        }

        public Builder tuning(Tuning value) {
            tuning = value;
            return this;
        }

        public WorkerConfig build() {
            return new WorkerConfig(streamName,
                    applicationName == null ? "sentiment-consumer-" + streamName : applicationName,
                    workerId == null ? defaultWorkerId() : workerId, fanOut, kclMetrics, summaryInterval,
                    metricsInterval, new Backoff(backoffInitial, backoffMax), tuning);
        }
    }

    /** {@code 60} and {@code 60s} are seconds, {@code 500ms} milliseconds; only positive ones. */
    private static Duration interval(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d = v.endsWith("ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                    : v.endsWith("s") ? Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)))
                    : Duration.ofSeconds(Long.parseLong(v));
            if (d.isNegative() || d.isZero()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Setting.SUMMARY_INTERVAL.variable()
                    + " must be a positive number of seconds (60, 60s or 500ms); was '" + value + "'");
        }
    }

    /** The host's name and a random suffix, so workers on one host differ. */
    private static String defaultWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "worker";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
