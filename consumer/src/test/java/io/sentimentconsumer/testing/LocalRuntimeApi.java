package io.sentimentconsumer.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal Lambda Runtime API on loopback, the HTTP interface Lambda's runtime interface client polls: {@code GET
 * /2018-06-01/runtime/invocation/next} hands out the next event with the request id, deadline, function ARN and
 * trace headers; {@code POST .../invocation/{id}/response} and {@code .../invocation/{id}/error} answer it;
 * {@code POST /2018-06-01/runtime/init/error} reports a failed init. Only the real client is ever on the other side.
 */
public final class LocalRuntimeApi implements AutoCloseable {

    public static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:sentiment-consumer";
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern ANSWER = Pattern.compile(PREFIX + "invocation/([^/]+)/(response|error)");

    /** How an invocation ended, as the client reported it. */
    public sealed interface Outcome permits Response, Error {}

    /** The handler's output. */
    public record Response(String body) implements Outcome {}

    /** The function failed: the error type header and the error document the client posted. */
    public record Error(String errorType, String body) implements Outcome {}

    private record Invocation(String requestId, byte[] event, long deadlineEpochMillis) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "runtime-api");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    private volatile boolean closed;

    public LocalRuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}: host and port. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event with {@code timeout} until its deadline; the future completes when the client answers. */
    public CompletableFuture<Outcome> invoke(byte[] event, Duration timeout) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event,
                System.currentTimeMillis() + timeout.toMillis());
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        outcomes.put(invocation.requestId(), outcome);
        pending.add(invocation);
        return outcome;
    }

    /** Completes with the error document if the client reports a failed init. */
    public CompletableFuture<String> initError() {
        return initError;
    }

    /** Completes with {@link System#nanoTime()} when the client first asks for an event: its init is over. */
    public CompletableFuture<Long> firstPoll() {
        return firstPoll;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.equals(PREFIX + "invocation/next")) {
                next(exchange);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher answer = ANSWER.matcher(path);
            if ("POST".equals(method) && answer.matches()) {
                CompletableFuture<Outcome> outcome = outcomes.get(answer.group(1));
                if (outcome == null) {
                    reply(exchange, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                String text = new String(body, StandardCharsets.UTF_8);
                outcome.complete(answer.group(2).equals("response") ? new Response(text)
                        : new Error(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), text));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if ("POST".equals(method) && path.equals(PREFIX + "init/error")) {
                initError.complete(new String(body, StandardCharsets.UTF_8));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"not found\"}");
            }
        }
    }

    /** Long-polls, as Lambda's does: the client's request waits until there is an event. */
    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(System.nanoTime());
        Invocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = pending.poll(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        headers.set("Lambda-Runtime-Trace-Id",
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
        exchange.sendResponseHeaders(200, invocation.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.event());
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        threads.shutdownNow();
    }
}
