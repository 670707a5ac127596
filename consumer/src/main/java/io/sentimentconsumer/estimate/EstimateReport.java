package io.sentimentconsumer.estimate;

import io.sentimentconsumer.account.ServiceTier;
import io.sentimentconsumer.offline.TokenEstimator;
import io.sentimentconsumer.pipeline.IntakeSample;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code estimate} found, for any output format: the sample, how it was counted, the volume it is sized
 * for, one estimate a model, and the calibration of each model when one was asked for.
 *
 * @param sampleName   the sample file, as given
 * @param priceTable   where the prices came from
 * @param quotaTable   where the quotas came from
 * @param calibrations one a model, in the models' order; empty without {@code --calibrate}
 */
public record EstimateReport(String sampleName, IntakeSample sample, SampleTokens tokens, Volume volume,
                             List<String> regions, ServiceTier tier, String priceTable, String quotaTable,
                             List<ModelEstimate> models, List<CalibrationResult> calibrations) {

    /** What every token figure of an estimate is, said wherever the figures go. */
    public static final String TOKEN_METHOD = "estimated with " + TokenEstimator.METHOD
            + "; Nova's tokenizer is not public";

    public EstimateReport {
        regions = List.copyOf(regions);
        models = List.copyOf(models);
        calibrations = List.copyOf(calibrations);
    }

    public Optional<CalibrationResult> calibrationOf(ModelEstimate estimate) {
        return calibrations.stream().filter(c -> c.model().equals(estimate.model())).findFirst();
    }

    /** Whether a calibration stopped on a failed call. */
    public boolean calibrationFailed() {
        return calibrations.stream().anyMatch(c -> c.failure().isPresent());
    }
}
