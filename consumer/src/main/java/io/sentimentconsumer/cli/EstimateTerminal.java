package io.sentimentconsumer.cli;

import io.sentimentconsumer.estimate.CalibrationResult;
import io.sentimentconsumer.estimate.EstimateReport;
import io.sentimentconsumer.estimate.ModelEstimate;
import io.sentimentconsumer.estimate.Quota;
import io.sentimentconsumer.estimate.SampleTokens;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalLong;

/** An estimate for a terminal: what was counted and how, then aligned tables; figures rounded for reading. */
final class EstimateTerminal {

    private static final String UNKNOWN = "unknown";
    private static final String UNPRICED = "unpriced";

    private EstimateTerminal() {}

    static void print(EstimateReport report, PrintWriter out) {
        SampleTokens tokens = report.tokens();
        out.println("Sample " + report.sampleName() + ": " + count(report.sample().records()) + " records, "
                + count(tokens.posts()) + " posts to the model (" + report.sample().invalid() + " invalid, "
                + report.sample().repeats() + " repeats, " + report.sample().truncated()
                + " cut to the character cap), " + tokens.calls() + " calls of up to " + tokens.batchSize() + ".");
        out.println("Tokens " + EstimateReport.TOKEN_METHOD + ".");
        out.println("  input a post:  " + tokens.instructionTokensPerCall() + " instruction tokens a call / "
                + tokens.batchSize() + " posts + " + count(tokens.postLineTokens()) + " tokens of post lines / "
                + count(tokens.posts()) + " posts = " + decimals(tokens.inputPerPost(), 2));
        out.println("  output a post: " + count(tokens.answerTokens()) + " tokens of the answers the contract asks "
                + "for (a line <n>|<score> a post) / " + count(tokens.posts()) + " posts = "
                + decimals(tokens.outputPerPost(), 2));
        out.println("Volume: " + count(report.volume().postsPerDay()) + " posts a day in " + String.join(", ", report.regions())
                + " on the " + report.tier().id() + " tier, evenly, and at a peak of "
                + report.volume().peakFactor().toPlainString() + " times that rate.");
        out.println("Prices: " + report.priceTable() + ". Quotas: " + report.quotaTable()
                + " (Bedrock's defaults; your account's may be lower).");
        out.println();
        costs(report, out);
        out.println();
        throughput(report, out);
        if (!report.calibrations().isEmpty()) {
            out.println();
            calibrations(report, out);
        }
        out.flush();
    }

    private static void costs(EstimateReport report, PrintWriter out) {
        TextTable table = new TextTable("MODEL", "REGION", "IN/POST", "OUT/POST", "USD/1K POSTS", "USD/DAY",
                "USD/30 DAYS", "PRICE AS OF");
        for (ModelEstimate model : report.models()) {
            table.row(model.modelId(), model.key().region(), decimals(model.tokens().inputPerPost(), 2),
                    decimals(model.tokens().outputPerPost(), 2), usd(model.costPer1000Posts(), 6),
                    usd(model.costPerDay(), 2), usd(model.costPer30Days(), 2),
                    model.price().found().map(price -> price.asOf().toString()).orElse("-"));
        }
        table.lines().forEach(out::println);
        for (ModelEstimate model : report.models()) {
            model.unpricedReason().ifPresent(reason -> out.println(model.modelId() + " in " + model.key().region()
                    + " is unpriced: " + reason));
        }
    }

    private static void throughput(EstimateReport report, PrintWriter out) {
        TextTable table = new TextTable("MODEL", "REGION", "CALLS/MIN", "AT PEAK", "RPM QUOTA", "TOKENS/MIN", "AT PEAK",
                "TPM QUOTA", "PEAK/TPM QUOTA", "QUOTA AS OF");
        boolean requestsUnknown = false;
        for (ModelEstimate model : report.models()) {
            Optional<OptionalLong> requests = model.quota().map(Quota::requestsPerMinute);
            requestsUnknown |= requests.filter(OptionalLong::isPresent).isEmpty();
            table.row(model.modelId(), model.key().region(), decimals(model.requestsPerMinute(), 1),
                    decimals(model.requestsPerMinuteAtPeak(), 1),
                    limit(requests) + model.peakShareOfRequestsQuota().map(s -> " (" + percent(s) + ")").orElse(""),
                    count(model.tokensPerMinute()), count(model.tokensPerMinuteAtPeak()),
                    limit(model.quota().map(Quota::tokensPerMinute)),
                    model.peakShareOfTokensQuota().map(EstimateTerminal::percent).orElse("-"),
                    model.quota().map(quota -> quota.asOf().toString()).orElse("-"));
        }
        table.lines().forEach(out::println);
        if (requestsUnknown) {
            out.println("An unknown quota is one no source gave: AWS no longer lists request quotas for these models, "
                    + "and a model or Region not in the quota table has none listed here (docs/estimate.md).");
        }
    }

    private static void calibrations(EstimateReport report, PrintWriter out) {
        out.println("Calibration: the sample's first batches sent to each model, billed tokens next to the estimate "
                + "of the same calls.");
        TextTable table = new TextTable("MODEL", "REGION", "CALLS", "POSTS", "IN/POST EST", "MEASURED", "RATIO",
                "OUT/POST EST", "MEASURED", "RATIO", "COST USD");
        BigDecimal total = BigDecimal.ZERO;
        boolean totalPriced = true;
        for (CalibrationResult result : report.calibrations()) {
            table.row(result.model().modelId(), result.model().key().region(), Integer.toString(result.calls()), Integer.toString(result.posts()),
                    decimals(result.estimatedInputPerPost(), 2), decimals(result.measuredInputPerPost(), 2),
                    decimals(result.inputRatio(), 3), decimals(result.estimatedOutputPerPost(), 2),
                    decimals(result.measuredOutputPerPost(), 2), decimals(result.outputRatio(), 3),
                    result.cost().map(BigDecimal::toPlainString).orElse(UNPRICED));
            if (result.cost().isPresent()) {
                total = total.add(result.cost().get());
            } else {
                totalPriced = false;
            }
        }
        table.lines().forEach(out::println);
        for (CalibrationResult result : report.calibrations()) {
            String name = result.model().modelId() + " in " + result.model().key().region();
            result.unpricedReason().ifPresent(why -> out.println(name + ": calibration is unpriced: " + why));
            result.failure().ifPresent(why -> out.println(name + ": calibration stopped: " + why));
        }
        out.println("Calibration cost: USD " + total.toPlainString() + (totalPriced ? "" : " plus the unpriced calls"));
    }

    private static String decimals(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    private static String decimals(Optional<BigDecimal> value, int scale) {
        return value.map(v -> decimals(v, scale)).orElse("-");
    }

    private static String usd(Optional<BigDecimal> value, int scale) {
        return value.map(v -> decimals(v, scale)).orElse(UNPRICED);
    }

    private static String count(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }

    private static String count(BigDecimal value) {
        return count(value.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static String percent(BigDecimal share) {
        return decimals(share.movePointRight(2), 2) + "%";
    }

    private static String limit(Optional<OptionalLong> value) {
        return value.filter(OptionalLong::isPresent).map(v -> count(v.getAsLong())).orElse(UNKNOWN);
    }
}
