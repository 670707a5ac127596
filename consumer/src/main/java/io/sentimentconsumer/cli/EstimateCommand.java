package io.sentimentconsumer.cli;

import io.sentimentconsumer.account.PriceTable;
import io.sentimentconsumer.aws.BedrockConverseModel;
import io.sentimentconsumer.estimate.Calibration;
import io.sentimentconsumer.estimate.CalibrationResult;
import io.sentimentconsumer.estimate.EstimateModels;
import io.sentimentconsumer.estimate.EstimateReport;
import io.sentimentconsumer.estimate.ModelEstimate;
import io.sentimentconsumer.estimate.QuotaTable;
import io.sentimentconsumer.estimate.SampleTokens;
import io.sentimentconsumer.estimate.Volume;
import io.sentimentconsumer.lambda.KinesisEventJson;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.IntakeSample;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What a deployment would cost and need before it is deployed: the sample's posts taken in, batched and put in
 * requests exactly as the consumer would, their tokens estimated, and those priced and sized per model for a volume
 * of posts a day. With {@code --calibrate}, real calls measure what the estimate guesses.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {
            "Estimates, per model, the tokens a post costs, USD per 1,000 posts, a day and 30 days, and the calls and "
                    + "tokens a minute the volume needs against Bedrock's default quotas, from SAMPLE, JSON Lines of "
                    + "posts or a Lambda Kinesis test event (docs/estimate.md).",
            "Token figures are estimates: Nova's tokenizer is not public. --calibrate measures them against "
                    + "Bedrock (AWS credentials needed)."})
final class EstimateCommand implements Callable<Integer> {

    /** The files the report can be written as. */
    enum Format { TABLE, CSV, JSON }

    @Parameters(index = "0", paramLabel = "SAMPLE", description = "posts (.jsonl) or a Lambda Kinesis test event (.json)")
    Path sample;

    @Option(names = "--posts-per-day", paramLabel = "N", defaultValue = "100000",
            description = "posts sent to the model a day (default: ${DEFAULT-VALUE})")
    long postsPerDay;

    @Option(names = "--models", paramLabel = "ID", split = ",",
            description = "model ids, a profile prefix for a routing (default: every model the price table prices "
                    + "in the Region and tier)")
    List<String> models;

    /** --region and --service-tier. */
    @Mixin
    BedrockOptions bedrock;

    @Option(names = "--batch-size", paramLabel = "N", description = "posts a call (default: BATCH_SIZE, else 25)")
    Integer batchSize;

    @Option(names = "--peak-factor", paramLabel = "X", defaultValue = "3",
            description = "the busiest minute's rate over the day's even rate (default: ${DEFAULT-VALUE})")
    BigDecimal peakFactor;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (a terminal), csv or json (files; columns in docs/estimate.md)")
    Format format;

    @Option(names = "--calibrate", paramLabel = "K",
            description = "send the sample's first K batches to each model on Bedrock and report the billed tokens "
                    + "next to the estimate, and what that cost")
    Integer calibrate;

    @Option(names = "--price-table", paramLabel = "FILE",
            description = "price table file (default: PRICE_TABLE_FILE, else the bundled table)")
    Path priceTable;

    @Option(names = "--quota-table", paramLabel = "FILE",
            description = "quota table file, e.g. your account's quotas (default: the bundled defaults)")
    Path quotaTable;

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        ConsumerConfig config = configuration();
        String region = config.billingRegion().orElse(null);
        requireAtLeast("--posts-per-day", BigDecimal.valueOf(postsPerDay), BigDecimal.ONE);
        requireAtLeast("--peak-factor", peakFactor, BigDecimal.ONE);
        if (calibrate != null) {
            requireAtLeast("--calibrate", BigDecimal.valueOf(calibrate), BigDecimal.ONE);
        }
        PriceTable prices = PriceTable.load(config.priceTableFile());
        prices.staleness(clock).ifPresent(spec.commandLine().getErr()::println);
        QuotaTable quotas = QuotaTable.load(quotaTable);
        List<EstimateModels.Choice> chosen = EstimateModels.choose(prices, region, config.serviceTier(), models);

        IntakeSample taken = IntakeSample.of(LambdaTestEvent.records(sample).stream()
                .map(KinesisEventJson.Record::toInput).toList(), config.maxPostChars());
        if (taken.texts().isEmpty()) {
            throw new IllegalArgumentException(sample + " has no post to send to the model (" + taken.records()
                    + " records: " + taken.invalid() + " invalid, " + taken.repeats() + " repeats): give a sample of "
                    + "JSON Lines posts with a \"content\" field, or a Lambda Kinesis test event of them");
        }
        SampleTokens tokens = SampleTokens.count(taken.texts(), config.batchSize());
        if (calibrate != null && calibrate > tokens.calls()) {
            throw usage("--calibrate " + calibrate + " needs " + calibrate + " batches of the sample, which makes "
                    + tokens.calls() + ": give a larger sample or a smaller K");
        }
        Volume volume = new Volume(postsPerDay, peakFactor, config.batchSize());
        List<ModelEstimate> estimates = new ArrayList<>();
        for (EstimateModels.Choice choice : chosen) {
            estimates.add(new ModelEstimate(choice, tokens, volume, prices.lookup(choice.key()),
                    quotas.lookup(choice.key())));
        }
        List<CalibrationResult> calibrations = calibrate == null ? List.of()
                : calibrate(chosen, taken.texts(), config, prices);
        List<String> regions = chosen.stream().map(choice -> choice.key().region()).distinct().toList();
        EstimateReport report = new EstimateReport(sample.toString(), taken, tokens, volume, regions,
                config.serviceTier(), prices.origin(), quotas.origin(), estimates, calibrations);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TABLE -> EstimateTerminal.print(report, out);
            case CSV -> EstimateFiles.csv(report, out);
            case JSON -> EstimateFiles.json(report, out);
        }
        return report.calibrationFailed() ? 1 : 0;
    }

    /** The consumer's settings from the environment, with the options given in their place. */
    private ConsumerConfig configuration() {
        ConsumerConfig.Builder config = ConsumerConfig.builder().variables(env);
        bedrock.applyTo(config);
        Optional.ofNullable(batchSize).ifPresent(config::batchSize);
        Optional.ofNullable(priceTable).ifPresent(config::priceTableFile);
        return config.build();
    }

    /** Real calls, each model on a client of its Region, built as the consumer builds its model. */
    private List<CalibrationResult> calibrate(List<EstimateModels.Choice> choices, List<String> texts,
                                              ConsumerConfig config, PriceTable prices) {
        Calibration calibration = new Calibration(prices);
        List<CalibrationResult> results = new ArrayList<>();
        for (EstimateModels.Choice choice : choices) {
            BedrockConverseModel.Target target = new BedrockConverseModel.Target(choice.modelId(), choice.modelId(),
                    config.serviceTier());
            try (BedrockConverseModel model = BedrockConverseModel.create(target, choice.key().region())) {
                results.add(calibration.run(choice, model, texts, config.batchSize(), calibrate));
            }
        }
        return results;
    }

    private void requireAtLeast(String option, BigDecimal value, BigDecimal least) {
        if (value.compareTo(least) < 0) {
            throw usage(option + " must be at least " + least.toPlainString() + "; was " + value.toPlainString());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
