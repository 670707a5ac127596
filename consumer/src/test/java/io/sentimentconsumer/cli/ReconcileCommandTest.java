package io.sentimentconsumer.cli;

import static io.sentimentconsumer.reconcile.TwoModels.H07;
import static io.sentimentconsumer.reconcile.TwoModels.LITE;
import static io.sentimentconsumer.reconcile.TwoModels.LITE_PROFILE;
import static io.sentimentconsumer.reconcile.TwoModels.MICRO;
import static io.sentimentconsumer.reconcile.TwoModels.MICRO_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentimentconsumer.reconcile.TwoModels;
import io.sentimentconsumer.testing.FakeCloudWatch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command on a local CloudWatch reached by the SDK's own endpoint setting, {@code aws.endpointUrlCloudWatch}
 * (the twin of AWS_ENDPOINT_URL_CLOUDWATCH), as an operator runs it. It is 10:34 UTC on 2026-12-01.
 */
class ReconcileCommandTest {

    private static final Clock AT_10_34 = Clock.fixed(Instant.parse("2026-12-01T10:34:00Z"), ZoneOffset.UTC);
    private static final String[] BOTH_MODELS = {"--environment", "production",
        "--model", MICRO, "--profile-id", MICRO_PROFILE,
        "--model", LITE, "--profile-arn", "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/"
            + LITE_PROFILE};

    private FakeCloudWatch cloudWatch;

    record Run(int exitCode, List<String> out, List<String> err) {}

    @BeforeEach
    void start() {
        cloudWatch = new FakeCloudWatch();
        System.setProperty("aws.endpointUrlCloudWatch", cloudWatch.endpoint());
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.endpointUrlCloudWatch");
        cloudWatch.close();
    }

    private static Run reconcile(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ReconcileCommand command = new ReconcileCommand();
        command.env = env;
        command.clock = AT_10_34;
        int exitCode = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exitCode, out.toString().lines().toList(), err.toString().lines().toList());
    }

    private static String[] with(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static final String CURRENT_HOUR_LEFT_OUT = "* Left out: the current hour, from 2026-12-01 10:00, "
            + "which either side may not have published in full yet; --until now takes it in.";
    private static final List<String> STANDING_NOTES = List.of(
            "* Left out: hours with no data on either side. An hour with data on one side only is 100% different.",
            "* Compared: input + output tokens. Cache reads and writes are not in our InputTokens, and whether "
                    + "Bedrock's InputTokenCount counts them is not documented: with prompt caching, a steady "
                    + "difference may be that.",
            "* Abandoned attempts were sent and got no answer: Bedrock may have counted and billed them, so they "
                    + "can explain Bedrock's count being above ours, not below it.");

    @Test
    void printsBothModelsHoursAndTotalsAndFailsOnTheHoursOverTheTolerance() {
        TwoModels.publish(cloudWatch);

        Run run = reconcile(Map.of(), with(BOTH_MODELS, "--since", "4h"));

        assertThat(run.exitCode()).as(String.join("\n", run.err())).isEqualTo(1);
        assertThat(run.out().subList(0, 10)).containsExactly(
                "Tokens per hour, 2026-12-01 06:00 to 2026-12-01 10:00 UTC: ours (SentimentAnalysis/Bedrock, "
                        + "Environment=production) against Bedrock's (AWS/Bedrock, ModelId a1b2c3d4e5f6 for "
                        + "amazon.nova-micro-v1:0, q9r8s7t6u5v4 for amazon.nova-lite-v1:0). Tolerance 1%.",
                "MODEL                   HOUR (UTC)        OUR INPUT  OUR OUTPUT  BEDROCK INPUT  BEDROCK OUTPUT  "
                        + "DIFFERENCE  DIFFERENCE %  ABANDONED ATTEMPTS  VERDICT",
                "amazon.nova-micro-v1:0  2026-12-01 06:00  12000      3000        12000          3000            "
                        + "0           0.00%         0                   within",
                "amazon.nova-micro-v1:0  2026-12-01 07:00  9900       2475        10000          2500            "
                        + "-125        -1.00%        2                   within",
                "amazon.nova-micro-v1:0  2026-12-01 09:00  8000       2000        8200           2100            "
                        + "-300        -2.91%        3                   over",
                "amazon.nova-lite-v1:0   2026-12-01 06:00  5000       1000        -              -               "
                        + "+6000       +100.00%      0                   over, only ours",
                "amazon.nova-lite-v1:0   2026-12-01 07:00  -          -           4000           800             "
                        + "-4800       -100.00%      0                   over, only Bedrock's",
                "amazon.nova-lite-v1:0   2026-12-01 09:00  7000       1400        7000           1400            "
                        + "0           0.00%         0                   within",
                "amazon.nova-micro-v1:0  total             29900      7475        30200          7600            "
                        + "-425        -1.12%        5                   over",
                "amazon.nova-lite-v1:0   total             12000      2400        11000          2200            "
                        + "+1200       +9.09%        0                   over");
        assertThat(run.out().subList(10, run.out().size())).containsExactly(CURRENT_HOUR_LEFT_OUT,
                STANDING_NOTES.get(0), STANDING_NOTES.get(1), STANDING_NOTES.get(2),
                "Over 1% in 3 of 6 hours, and in the total of amazon.nova-micro-v1:0, amazon.nova-lite-v1:0 "
                        + "(exit code 1).");
    }

    @Test
    void writesCsvToStdoutAndTheNotesToStderr() {
        TwoModels.publish(cloudWatch);

        Run run = reconcile(Map.of(), with(BOTH_MODELS, "--since", "4h", "--format", "csv"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsExactly(
                "model,hour,our_input_tokens,our_output_tokens,bedrock_input_tokens,bedrock_output_tokens,"
                        + "difference_tokens,difference_percent,abandoned_attempts,over_tolerance",
                "amazon.nova-micro-v1:0,2026-12-01T06:00:00Z,12000,3000,12000,3000,0,0.00,0,false",
                "amazon.nova-micro-v1:0,2026-12-01T07:00:00Z,9900,2475,10000,2500,-125,-1.00,2,false",
                "amazon.nova-micro-v1:0,2026-12-01T09:00:00Z,8000,2000,8200,2100,-300,-2.91,3,true",
                "amazon.nova-lite-v1:0,2026-12-01T06:00:00Z,5000,1000,,,6000,100.00,0,true",
                "amazon.nova-lite-v1:0,2026-12-01T07:00:00Z,,,4000,800,-4800,-100.00,0,true",
                "amazon.nova-lite-v1:0,2026-12-01T09:00:00Z,7000,1400,7000,1400,0,0.00,0,false",
                "amazon.nova-micro-v1:0,total,29900,7475,30200,7600,-425,-1.12,5,true",
                "amazon.nova-lite-v1:0,total,12000,2400,11000,2200,1200,9.09,0,true");
        assertThat(run.err()).startsWith(CURRENT_HOUR_LEFT_OUT)
                .endsWith("Over 1% in 3 of 6 hours, and in the total of amazon.nova-micro-v1:0, "
                        + "amazon.nova-lite-v1:0 (exit code 1).");
    }

    @Test
    void writesJsonWithASideWithoutDataAsNull() throws Exception {
        TwoModels.publish(cloudWatch);

        Run run = reconcile(Map.of(), with(BOTH_MODELS, "--since", "4h", "--format", "json"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).singleElement().asString().contains("\"differencePercent\":100.00,");
        JsonNode json = new ObjectMapper().readTree(run.out().get(0));
        assertThat(json.get("from").asText()).isEqualTo("2026-12-01T06:00:00Z");
        assertThat(json.get("to").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(json.get("hours")).hasSize(6);
        assertThat(json.get("hours").get(3).toString()).isEqualTo("{\"modelId\":\"amazon.nova-lite-v1:0\","
                + "\"hour\":\"2026-12-01T06:00:00Z\",\"ours\":{\"inputTokens\":5000,\"outputTokens\":1000},"
                + "\"bedrock\":null,\"differenceTokens\":6000,\"differencePercent\":100.0,"
                + "\"abandonedAttempts\":0,\"overTolerance\":true}");
        assertThat(json.get("totals").get(0).toString()).isEqualTo("{\"modelId\":\"amazon.nova-micro-v1:0\","
                + "\"ours\":{\"inputTokens\":29900,\"outputTokens\":7475},"
                + "\"bedrock\":{\"inputTokens\":30200,\"outputTokens\":7600},\"differenceTokens\":-425,"
                + "\"differencePercent\":-1.12,\"abandonedAttempts\":5,\"overTolerance\":true}");
        assertThat(json.get("hoursOverTolerance").asInt()).isEqualTo(3);
        assertThat(json.get("withinTolerance").asBoolean()).isFalse();
        assertThat(json.get("notes")).hasSize(4);
    }

    @Test
    void aDifferenceOfExactlyTheToleranceIsWithinIt() {
        TwoModels.publish(cloudWatch);
        String[] hourOf0700 = {"--environment", "production", "--model", MICRO, "--profile-id", MICRO_PROFILE,
            "--since", "2026-12-01T07:00:00Z", "--until", "2026-12-01T08:00:00Z"};

        Run atOnePercent = reconcile(Map.of(), with(hourOf0700, "--tolerance", "1%"));
        Run justUnder = reconcile(Map.of(), with(hourOf0700, "--tolerance", "0.99%"));

        // 07:00: ours 12375, Bedrock's 12500: 125 tokens, 1.00% of Bedrock's exactly.
        assertThat(atOnePercent.exitCode()).isZero();
        assertThat(atOnePercent.out()).last().isEqualTo("Within 1%: every hour of every model (exit code 0).");
        assertThat(justUnder.exitCode()).isEqualTo(1);
        assertThat(justUnder.out()).last().isEqualTo("Over 0.99% in 1 of 1 hours, and in the total of "
                + "amazon.nova-micro-v1:0 (exit code 1).");
    }

    @Test
    void takesTheModelEnvironmentAndProfileFromTheConfiguration() {
        TwoModels.publish(cloudWatch);
        Map<String, String> env = Map.of("BEDROCK_MODEL_ID", MICRO, "ENVIRONMENT", "production",
                "BEDROCK_INFERENCE_PROFILE_ARN",
                "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/" + MICRO_PROFILE);

        Run run = reconcile(env, "--since", "4h", "--tolerance", "3%");

        assertThat(run.exitCode()).as(String.join("\n", run.err())).isZero();
        assertThat(run.out().get(5)).isEqualTo("amazon.nova-micro-v1:0  total             29900      7475        "
                + "30200          7600            -425        -1.12%        5                   within");
        assertThat(cloudWatch.requests()).singleElement().satisfies(request -> assertThat(
                request.get("MetricDataQueries")).extracting(query -> query.get("MetricStat").get("Metric")
                        .get("Dimensions").toString())
                .containsOnly("[{\"Name\":\"Environment\",\"Value\":\"production\"},"
                                + "{\"Name\":\"ModelId\",\"Value\":\"amazon.nova-micro-v1:0\"}]",
                        "[{\"Name\":\"ModelId\",\"Value\":\"a1b2c3d4e5f6\"}]"));
    }

    @Test
    void takesInTheCurrentHourWithUntilNowAndSaysItIsIncomplete() {
        TwoModels.publish(cloudWatch);

        Run run = reconcile(Map.of(), "--environment", "production", "--model", MICRO, "--profile-id",
                MICRO_PROFILE, "--since", "2026-12-01T09:00:00Z", "--until", "now");

        assertThat(run.out()).contains(
                "amazon.nova-micro-v1:0  2026-12-01 10:00  700        100         300            50              "
                        + "+450        +128.57%      0                   over",
                "* The hour from 2026-12-01 10:00 is still going: either side may not have all of it yet (both "
                        + "publish with a delay of minutes).");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void saysWhereBedrocksCountMayBeWhenItHasNone() {
        TwoModels.ours(cloudWatch, MICRO, H07, 1000, 200, 0);

        Run run = reconcile(Map.of(), "--environment", "production", "--model", MICRO, "--profile-id", "wrong-id",
                "--since", "4h");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("* Bedrock has no data under ModelId=wrong-id in these hours. If "
                + "amazon.nova-micro-v1:0's calls went through that profile, Bedrock lists them under another value "
                + "(look in CloudWatch, All metrics, AWS/Bedrock, ModelId): the profile's id is what public samples "
                + "use, not a documented contract.");
    }

    @Test
    void passesWithNothingToCompareAndSaysWhatItLookedFor() {
        Run run = reconcile(Map.of(), with(BOTH_MODELS, "--since", "24h"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(
                "* No data on either side for amazon.nova-micro-v1:0 (profile a1b2c3d4e5f6): check --environment, "
                        + "--namespace, --model and the profile.",
                "No data on either side in these hours: nothing to compare (exit code 0).");
    }

    @Test
    void isAUsageErrorWithoutAProfile() {
        Run run = reconcile(Map.of("BEDROCK_MODEL_ID", MICRO), "--since", "24h");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().get(0)).isEqualTo("no inference profile to find Bedrock's count of "
                + "amazon.nova-micro-v1:0 by: give --profile-id ID or --profile-arn ARN (the stack's application "
                + "inference profile), or set BEDROCK_INFERENCE_PROFILE_ARN");
        assertThat(cloudWatch.requests()).isEmpty();
    }

    @Test
    void isAUsageErrorWhenOneOfSeveralModelsHasNoProfile() {
        Run run = reconcile(Map.of(), "--model", MICRO, "--profile-id", MICRO_PROFILE, "--model", LITE,
                "--since", "24h");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().get(0)).isEqualTo("with several models, give each --model with its own --profile-id "
                + "or --profile-arn; --model amazon.nova-lite-v1:0 has no profile");
    }

    @Test
    void isAUsageErrorForAToleranceThatIsNoPercentage() {
        Run run = reconcile(Map.of(), with(BOTH_MODELS, "--since", "24h", "--tolerance", "one"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().get(0)).isEqualTo("a tolerance is a percentage such as 1% or 0.5%; was 'one'");
    }

    @Test
    void makesNoComparisonWhenCloudWatchRefusesTheRead() {
        cloudWatch.fail(403, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/operator is not "
                + "authorized to perform: cloudwatch:GetMetricData");

        Run run = reconcile(Map.of(), with(BOTH_MODELS, "--since", "24h"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).singleElement().asString()
                .startsWith("reconcile: cannot read the metrics from CloudWatch: User: "
                        + "arn:aws:iam::123456789012:user/operator is not authorized to perform: "
                        + "cloudwatch:GetMetricData (Service: CloudWatch, Status Code: 403")
                .endsWith("It needs credentials allowed cloudwatch:GetMetricData, in the stack's Region (--region, "
                        + "else AWS_REGION); no comparison was made.");
    }

    @Test
    void isACommandOfTheCli() {
        assertThat(Main.commandLine().getSubcommands()).containsKey("reconcile");
    }
}
