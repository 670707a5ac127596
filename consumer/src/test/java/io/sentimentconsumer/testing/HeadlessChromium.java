package io.sentimentconsumer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol with the JDK's own WebSocket client: it opens
 * a page and reports what a person's browser would show and do with it, the requests it made, the console errors,
 * an expression's value and a screenshot. Playwright is not on Maven Central; the protocol needs nothing else.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final List<String> BINARIES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();

    /** The browser on this machine, if any: {@code CHROMIUM} names one, else Debian's and Google's usual paths. */
    public static Optional<Path> binary() {
        String chosen = System.getenv("CHROMIUM");
        return (chosen != null ? List.of(chosen) : BINARIES).stream().map(Path::of).filter(Files::isExecutable)
                .findFirst();
    }

    public static HeadlessChromium start(Path binary, Path profile, int width, int height)
            throws IOException, InterruptedException {
        // The flags this machine's notes give for a closed network: no background fetches, no first-run work.
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-quic", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String browser = devToolsAddress(process);
            URI page = pageSocket(URI.create(browser));
            return new HeadlessChromium(process, page);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private HeadlessChromium(Process process, URI page) {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(page, new Listener()).join();
    }

    private static String devToolsAddress(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        // Keep draining stderr so that the browser never blocks on a full pipe.
                        Thread drain = new Thread(() -> err.lines().forEach(l -> { }));
                        drain.setDaemon(true);
                        drain.start();
                        return m.group(1);
                    }
                }
                throw new IllegalStateException("Chromium exited without a DevTools address");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return address.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("Chromium gave no DevTools address within 30 s", e);
        }
    }

    /** The first page target's socket, from the browser's own list of targets. */
    private static URI pageSocket(URI browser) throws IOException, InterruptedException {
        URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(list).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode target : JSON.readTree(body)) {
            if (target.path("type").asText().equals("page")) {
                return URI.create(target.path("webSocketDebuggerUrl").asText());
            }
        }
        throw new IOException("Chromium lists no page target: " + body);
    }

    /** Sends one command and waits for its result; a protocol error fails the test with its message. */
    public JsonNode send(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode answer = result.get(30, TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer", e);
        }
    }

    /** Every protocol event received so far, of the given method. */
    public synchronized List<JsonNode> events(String method) {
        return events.stream().filter(e -> e.path("method").asText().equals(method)).toList();
    }

    /** Waits up to {@code timeout} for {@code done} to hold. */
    public void await(Predicate<HeadlessChromium> done, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.test(this)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The value of a JavaScript expression in the page. */
    public JsonNode evaluate(String expression) {
        return send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true))
                .path("result").path("value");
    }

    /** A PNG of the page, as tall as its content. */
    public byte[] screenshot() {
        JsonNode metrics = send("Page.getLayoutMetrics", Map.of());
        int height = (int) Math.ceil(metrics.path("cssContentSize").path("height").asDouble(2000));
        int width = (int) Math.ceil(metrics.path("cssLayoutViewport").path("clientWidth").asDouble(1280));
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode(shot.path("data").asText());
    }

    @Override
    public void close() throws InterruptedException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // The browser is killed below either way.
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id")) {
                        Optional.ofNullable(pending.remove(message.get("id").asInt()))
                                .ifPresent(f -> f.complete(message));
                    } else {
                        synchronized (HeadlessChromium.this) {
                            events.add(message);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("not a DevTools message: " + text, e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
