package io.sentimentconsumer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Lambda jar run the way Lambda's managed Java runtime runs it: the deployment package unpacked into a task
 * directory that is the process's working directory (the runtime's {@code /var/task}, which its class loader reads),
 * and the AWS Lambda Java runtime interface client ({@code AWSLambda}) as the main class on a class path of its own
 * jars only, started with the java21 runtime's JVM flags and the environment the runtime sets. The client polls the
 * given Runtime API, builds the handler from {@code _HANDLER} and writes the function's output to the process's
 * stdout (the log stream).
 */
public final class LambdaRuntimeProcess {

    public static final String HANDLER = "io.sentimentconsumer.lambda.KinesisSentimentHandler::handleRequest";
    public static final String FUNCTION_NAME = "sentiment-consumer";

    /**
     * The managed java21 runtime's flags, less its class-data archive and log4j agent, which are files of its image:
     * serial GC, C1 only, the CRaC compatibility shim the runtime maps {@code org.crac} to.
     */
    private static final List<String> JVM_FLAGS = List.of(
            "-XX:MaxHeapSize=445645k", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac", "-XX:+ErrorFileToStderr");

    private LambdaRuntimeProcess() {}

    /**
     * Starts the runtime client over {@code deploymentJar}.
     *
     * @param runtimeClassPath the runtime's own jars (runtime interface client, its core and serialization)
     * @param settings         the function's environment variables
     */
    public static CliProcess start(Path deploymentJar, String runtimeClassPath, String runtimeApi,
                                   Map<String, String> settings) throws IOException {
        Path task = unpack(deploymentJar);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-classpath", runtimeClassPath,
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER));
        ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(runtimeEnvironment(task, runtimeApi));
        env.putAll(settings);
        return CliProcess.start(builder);
    }

    /** What Lambda sets for a java21 function of 1,024 MB; dummy credentials (the only endpoints are local). */
    private static Map<String, String> runtimeEnvironment(Path task, String runtimeApi) {
        Map<String, String> env = new HashMap<>();
        env.put("_HANDLER", HANDLER);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", task.toString());
        env.put("LAMBDA_RUNTIME_DIR", task.toString());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_NAME", FUNCTION_NAME);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + FUNCTION_NAME);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/01/[$LATEST]0123456789abcdef0123456789abcdef");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "testaccesskey");
        env.put("AWS_SECRET_ACCESS_KEY", "testsecretkey");
        env.put("AWS_SESSION_TOKEN", "testsessiontoken");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        return env;
    }

    /** Unpacks the jar as Lambda unpacks a deployment package into {@code /var/task}. */
    private static Path unpack(Path jar) throws IOException {
        Path task = Files.createTempDirectory("lambda-task");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = task.resolve(entry.getName()).normalize();
                if (!target.startsWith(task)) {
                    throw new IOException("entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return task;
    }
}
