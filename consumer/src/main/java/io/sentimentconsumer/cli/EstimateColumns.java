package io.sentimentconsumer.cli;

import io.sentimentconsumer.estimate.CalibrationResult;
import io.sentimentconsumer.estimate.EstimateReport;
import io.sentimentconsumer.estimate.ModelEstimate;
import io.sentimentconsumer.estimate.Quota;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One model's row of an estimate for files: the column names {@code --format csv} and {@code --format json} share
 * (docs/estimate.md lists them), in their order, each value exact and unrounded, {@code null} where a figure is
 * unknown, unpriced or not measured.
 */
final class EstimateColumns {

    private EstimateColumns() {}

    static Map<String, String> of(EstimateReport report, ModelEstimate model) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("model", model.modelId());
        row.put("region", model.key().region());
        row.put("routing", model.key().routing().key());
        row.put("tier", model.key().tier().id());
        row.put("postsPerDay", Long.toString(model.volume().postsPerDay()));
        row.put("batchSize", Integer.toString(model.volume().batchSize()));
        row.put("peakFactor", model.volume().peakFactor().toPlainString());
        row.put("inputTokensPerPost", model.tokens().inputPerPost().toPlainString());
        row.put("outputTokensPerPost", model.tokens().outputPerPost().toPlainString());
        row.put("tokenCounts", EstimateReport.TOKEN_METHOD);
        row.put("usdPer1000Posts", plain(model.costPer1000Posts()));
        row.put("usdPerDay", plain(model.costPerDay()));
        row.put("usdPer30Days", plain(model.costPer30Days()));
        row.put("priceAsOf", model.price().found().map(price -> price.asOf().toString()).orElse(null));
        row.put("unpricedReason", model.unpricedReason().orElse(null));
        row.put("requestsPerMinute", model.requestsPerMinute().toPlainString());
        row.put("requestsPerMinutePeak", model.requestsPerMinuteAtPeak().toPlainString());
        row.put("requestsPerMinuteQuota", limit(model.quota().map(Quota::requestsPerMinute)));
        row.put("requestsPerMinutePeakShareOfQuota", plain(model.peakShareOfRequestsQuota()));
        row.put("tokensPerMinute", model.tokensPerMinute().toPlainString());
        row.put("tokensPerMinutePeak", model.tokensPerMinuteAtPeak().toPlainString());
        row.put("tokensPerMinuteQuota", limit(model.quota().map(Quota::tokensPerMinute)));
        row.put("tokensPerMinutePeakShareOfQuota", plain(model.peakShareOfTokensQuota()));
        row.put("quotaName", model.quota().map(Quota::name).orElse(null));
        row.put("quotaAsOf", model.quota().map(quota -> quota.asOf().toString()).orElse(null));
        Optional<CalibrationResult> calibration = report.calibrationOf(model);
        row.put("calibrationCalls", calibration.map(c -> Integer.toString(c.calls())).orElse(null));
        row.put("calibrationPosts", calibration.map(c -> Integer.toString(c.posts())).orElse(null));
        row.put("measuredInputTokensPerPost", plain(calibration.flatMap(CalibrationResult::measuredInputPerPost)));
        row.put("estimatedInputTokensPerPost", plain(calibration.flatMap(CalibrationResult::estimatedInputPerPost)));
        row.put("inputRatio", plain(calibration.flatMap(CalibrationResult::inputRatio)));
        row.put("measuredOutputTokensPerPost", plain(calibration.flatMap(CalibrationResult::measuredOutputPerPost)));
        row.put("estimatedOutputTokensPerPost",
                plain(calibration.flatMap(CalibrationResult::estimatedOutputPerPost)));
        row.put("outputRatio", plain(calibration.flatMap(CalibrationResult::outputRatio)));
        row.put("calibrationUsd", plain(calibration.flatMap(CalibrationResult::cost)));
        row.put("calibrationUnpricedReason", calibration.flatMap(CalibrationResult::unpricedReason).orElse(null));
        row.put("calibrationFailure", calibration.flatMap(CalibrationResult::failure).orElse(null));
        return row;
    }

    private static String plain(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse(null);
    }

    private static String limit(Optional<OptionalLong> value) {
        return value.filter(OptionalLong::isPresent).map(v -> Long.toString(v.getAsLong())).orElse(null);
    }
}
