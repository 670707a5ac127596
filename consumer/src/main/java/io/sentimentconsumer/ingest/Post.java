package io.sentimentconsumer.ingest;

import java.time.Instant;
import java.util.List;

/**
 * A social-media post as producers write it. Only {@code content} is required; the other fields are kept when
 * present and well-formed and are {@code null} (or empty lists) otherwise, because the model needs none of them.
 */
public record Post(
        String id,
        Instant timestamp,
        String userId,
        String username,
        String content,
        List<String> hashtags,
        List<String> mentions,
        Location location,
        Double engagementScore,
        PostType postType) {

    public Post {
        hashtags = List.copyOf(hashtags);
        mentions = List.copyOf(mentions);
    }

    public record Location(Double latitude, Double longitude, String city, String country) {}

    public enum PostType {
        ORIGINAL, SHARE, REPLY;

        static PostType parse(String value) {
            for (PostType type : values()) {
                if (type.name().equalsIgnoreCase(value)) {
                    return type;
                }
            }
            return null;
        }
    }
}
