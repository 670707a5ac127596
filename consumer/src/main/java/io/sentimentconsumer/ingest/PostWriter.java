package io.sentimentconsumer.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes a {@link Post} as producers write it, the JSON that {@link PostDecoder} reads back into the same post:
 * every field, in the order {@code id, timestamp, user_id, username, content, hashtags, mentions, location
 * (latitude, longitude, city, country), engagement_score, post_type}, {@code null} where the post has none, compact
 * on one line (newlines and tabs in the text escaped), UTF-8. The timestamp is ISO-8601 in UTC, the post type lower
 * case, and the engagement score has two decimals at least ({@code 68.30}, {@code 8.00}), as scores are written.
 */
public final class PostWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PostWriter() {}

    /** The post's UTF-8 JSON: what a producer puts as a Kinesis record's data. */
    public static byte[] bytes(Post post) {
        return json(post).getBytes(StandardCharsets.UTF_8);
    }

    /** The post's JSON on one line, without a line terminator. */
    public static String json(Post post) {
        return json(node(post));
    }

    /** A fresh JSON object of the post, for callers that change it before writing it with {@link #json(JsonNode)}. */
    public static ObjectNode node(Post post) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", post.id());
        node.put("timestamp", post.timestamp() == null ? null : post.timestamp().toString());
        node.put("user_id", post.userId());
        node.put("username", post.username());
        node.put("content", post.content());
        ArrayNode hashtags = node.putArray("hashtags");
        post.hashtags().forEach(hashtags::add);
        ArrayNode mentions = node.putArray("mentions");
        post.mentions().forEach(mentions::add);
        Post.Location location = post.location();
        if (location == null) {
            node.putNull("location");
        } else {
            ObjectNode at = node.putObject("location");
            at.put("latitude", location.latitude());
            at.put("longitude", location.longitude());
            at.put("city", location.city());
            at.put("country", location.country());
        }
        Double score = post.engagementScore();
        if (score != null && Double.isFinite(score)) {
            node.put("engagement_score", twoDecimalsAtLeast(score));
        } else {
            node.put("engagement_score", score);
        }
        node.put("post_type", post.postType() == null ? null : post.postType().name().toLowerCase(Locale.ROOT));
        return node;
    }

    /** A JSON value on one line, as {@link #json(Post)} writes a post's. */
    public static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shortest decimal that reads back as the same double, padded to two decimals: 68.3 as 68.30. */
    private static BigDecimal twoDecimalsAtLeast(double score) {
        BigDecimal shortest = BigDecimal.valueOf(score).stripTrailingZeros();
        return shortest.scale() < 2 ? shortest.setScale(2) : shortest;
    }
}
