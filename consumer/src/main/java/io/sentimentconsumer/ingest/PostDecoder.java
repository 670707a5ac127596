package io.sentimentconsumer.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Turns a record's bytes into a {@link Post}, inflating them first when they are gzip. A record is invalid only
 * when it cannot carry a post at all: corrupt gzip or a compression bomb (past one record's bound, or past the
 * invocation's {@link InflateBudget}), not UTF-8, not JSON, not an object, without a non-blank string
 * {@code content} ({@link PostText#isBlank}), or with an id longer than {@link #MAX_ID_CHARS}. Reasons name the defect
 * and its position, never the data, so they are safe to log.
 */
public final class PostDecoder {

    // One record is one post: a second JSON value after the first is a producer bug, not something to drop silently.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A post is a few kilobytes; anything inflating past this is a compression bomb, not a post. */
    public static final int MAX_INFLATED_BYTES = 1 << 20;

    /** Post ids are short (a tweet's is 19 digits, a UUID 36 characters); a longer one is not an id. */
    public static final int MAX_ID_CHARS = 256;

    /** Decodes a record with no limit on the bytes inflated across records (one record's bound still holds). */
    public DecodedRecord decode(byte[] data) {
        return decode(data, new InflateBudget(Long.MAX_VALUE));
    }

    /** Decodes a record, inflating gzip data only within what {@code budget}, the invocation's, has left. */
    public DecodedRecord decode(byte[] data, InflateBudget budget) {
        if (data.length >= 2 && data[0] == (byte) 0x1F && data[1] == (byte) 0x8B) {
            if (budget.remaining() <= 0) {
                return new DecodedRecord.Invalid(overBudget());
            }
            try {
                data = inflate(data);
            } catch (IOException e) {
                return new DecodedRecord.Invalid(e.getMessage());
            }
            if (data.length > budget.remaining()) {
                budget.spend(budget.remaining());
                return new DecodedRecord.Invalid(overBudget());
            }
            budget.spend(data.length);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            return new DecodedRecord.Invalid("data is not UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return new DecodedRecord.Invalid("data is empty");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return new DecodedRecord.Invalid("data is not JSON" + where);
        }
        if (!node.isObject()) {
            return new DecodedRecord.Invalid("JSON is " + describe(node) + ", not an object");
        }
        JsonNode content = node.get("content");
        if (content == null || content.isNull()) {
            return new DecodedRecord.Invalid("content is missing");
        }
        if (!content.isTextual()) {
            return new DecodedRecord.Invalid("content is " + describe(content) + ", not a string");
        }
        // Blank as a reader sees it: zero-width and no-break spaces, joiners and BOMs are as empty as spaces.
        if (PostText.isBlank(content.asText())) {
            return new DecodedRecord.Invalid("content is blank");
        }
        String id = scalar(node.get("id"));
        if (id != null && id.length() > MAX_ID_CHARS) {
            return new DecodedRecord.Invalid("id is longer than " + MAX_ID_CHARS + " characters");
        }
        return new DecodedRecord.Valid(new Post(
                id,
                instant(node.get("timestamp")),
                scalar(node.get("user_id")),
                text(node.get("username")),
                content.asText(),
                strings(node.get("hashtags")),
                strings(node.get("mentions")),
                location(node.get("location")),
                number(node.get("engagement_score")),
                node.path("post_type").isTextual() ? Post.PostType.parse(node.get("post_type").asText()) : null));
    }

    private static String overBudget() {
        return "the invocation's gzip records inflate beyond " + InflateBudget.PER_INVOCATION_BYTES
                + " bytes together; this one was not inflated";
    }

    private static byte[] inflate(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            byte[] inflated = in.readNBytes(MAX_INFLATED_BYTES + 1);
            if (inflated.length > MAX_INFLATED_BYTES) {
                throw new IOException("gzip data inflates beyond " + MAX_INFLATED_BYTES + " bytes");
            }
            return inflated;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException("gzip data is corrupt or truncated", e);
        }
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String scalar(JsonNode node) {
        return node != null && (node.isTextual() || node.isIntegralNumber()) ? node.asText() : null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : null;
    }

    private static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(element -> {
                if (element.isTextual()) {
                    values.add(element.asText());
                }
            });
        }
        return values;
    }

    private static Post.Location location(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new Post.Location(
                number(node.get("latitude")), number(node.get("longitude")),
                text(node.get("city")), text(node.get("country")));
    }
}
