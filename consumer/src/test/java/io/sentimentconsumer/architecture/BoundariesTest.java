package io.sentimentconsumer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries the file tree promises: core code knows nothing of Lambda, the CLI, the offline engine or the
 * test-event generator, the domain knows nothing of the AWS SDK, and the Lambda adapter needs nothing that the
 * Lambda jar leaves out.
 */
@AnalyzeClasses(packages = "io.sentimentconsumer", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class BoundariesTest {

    private static final String[] CORE = {
        "io.sentimentconsumer.ingest..", "io.sentimentconsumer.analyze..", "io.sentimentconsumer.account..",
        "io.sentimentconsumer.publish..", "io.sentimentconsumer.pipeline..", "io.sentimentconsumer.log..",
        "io.sentimentconsumer.aws..", "io.sentimentconsumer.results.."};

    @ArchTest
    static final ArchRule coreImportsNoRuntimeOrCliClasses = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.amazonaws.services.lambda..", "picocli..", "com.knuddels..",
                    "io.sentimentconsumer.lambda..", "io.sentimentconsumer.cli..", "io.sentimentconsumer.offline..",
                    "io.sentimentconsumer.kcl..", "io.sentimentconsumer.redrive..", "io.sentimentconsumer.generate..",
                    "software.amazon.kinesis..", "io.sentimentconsumer.pricelist..",
                    "software.amazon.awssdk.services.pricing..", "io.sentimentconsumer.estimate..",
                    "io.sentimentconsumer.reconcile..", "io.sentimentconsumer.report..",
                    "software.amazon.awssdk.services.cloudwatchlogs..");

    @ArchTest
    static final ArchRule domainImportsNoAwsSdk = noClasses()
            .that().resideInAnyPackage(
                    "io.sentimentconsumer.ingest..", "io.sentimentconsumer.analyze..", "io.sentimentconsumer.account..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..");

    @ArchTest
    static final ArchRule lambdaAdapterNeedsNothingTheLambdaJarLeavesOut = noClasses()
            .that().resideInAPackage("io.sentimentconsumer.lambda..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "picocli..", "com.knuddels..", "io.sentimentconsumer.cli..", "io.sentimentconsumer.offline..",
                    "io.sentimentconsumer.kcl..", "io.sentimentconsumer.redrive..", "io.sentimentconsumer.generate..",
                    "software.amazon.kinesis..", "software.amazon.awssdk.services.sqs..", "io.netty..");

    /** The KCL worker is a runtime like Lambda: it uses the pipeline, and nothing of the other runtimes. */
    @ArchTest
    static final ArchRule kclWorkerIsARuntimeOfItsOwn = noClasses()
            .that().resideInAPackage("io.sentimentconsumer.kcl..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.amazonaws.services.lambda..", "picocli..", "io.sentimentconsumer.lambda..",
                    "io.sentimentconsumer.cli..", "io.sentimentconsumer.offline..");

    /** redrive runs the pipeline too, on ranges from the failure queue; the command line is its only caller. */
    @ArchTest
    static final ArchRule redriveIsARuntimeOfItsOwn = noClasses()
            .that().resideInAPackage("io.sentimentconsumer.redrive..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.amazonaws.services.lambda..", "picocli..", "io.sentimentconsumer.lambda..",
                    "io.sentimentconsumer.cli..", "io.sentimentconsumer.offline..", "io.sentimentconsumer.kcl..");

    /** The test-event generator writes posts with ingest's writer; the commands that use it are the CLI's. */
    @ArchTest
    static final ArchRule generatorKnowsNoRuntime = noClasses()
            .that().resideInAPackage("io.sentimentconsumer.generate..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.amazonaws.services.lambda..", "picocli..", "software.amazon..",
                    "io.sentimentconsumer.lambda..", "io.sentimentconsumer.cli..", "io.sentimentconsumer.kcl..",
                    "io.sentimentconsumer.redrive..", "io.sentimentconsumer.offline..");

    @ArchTest
    static final ArchRule offlineEngineIsAModelNotARuntime = noClasses()
            .that().resideInAPackage("io.sentimentconsumer.offline..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.amazonaws.services.lambda..", "picocli..", "software.amazon..",
                    "io.sentimentconsumer.lambda..", "io.sentimentconsumer.cli..");

    /** `prices refresh` reads the Price List and writes a table file; only the command line calls it. */
    @ArchTest
    static final ArchRule priceListRefreshIsAnOperatorsTool = noClasses()
            .that().resideOutsideOfPackages("io.sentimentconsumer.pricelist..", "io.sentimentconsumer.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.sentimentconsumer.pricelist..", "software.amazon.awssdk.services.pricing..");

    /** `estimate` sizes a deployment with the consumer's own pieces; only the command line calls it. */
    @ArchTest
    static final ArchRule estimateIsAnOperatorsTool = noClasses()
            .that().resideOutsideOfPackages("io.sentimentconsumer.estimate..", "io.sentimentconsumer.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.sentimentconsumer.estimate..");

    /** `reconcile` reads metrics for an operator: it knows no runtime, and only the command line calls it. */
    @ArchTest
    static final ArchRule reconciliationIsAnOperatorsTool = noClasses()
            .that().resideInAPackage("io.sentimentconsumer.reconcile..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.amazonaws.services.lambda..", "picocli..", "io.sentimentconsumer.lambda..",
                    "io.sentimentconsumer.cli..", "io.sentimentconsumer.kcl..", "io.sentimentconsumer.pipeline..");

    /** `report` reads back what the consumer logged; only the command line calls it, and only it reads logs. */
    @ArchTest
    static final ArchRule reportIsAnOperatorsTool = noClasses()
            .that().resideOutsideOfPackages("io.sentimentconsumer.report..", "io.sentimentconsumer.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.sentimentconsumer.report..", "software.amazon.awssdk.services.cloudwatchlogs..");
}
