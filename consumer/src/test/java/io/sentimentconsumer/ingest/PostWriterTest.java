package io.sentimentconsumer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The post format written, and read back by {@link PostDecoder} into the same post. */
class PostWriterTest {

    private static final Post FULL = new Post("p1", Instant.parse("2026-01-15T12:00:05Z"), "user-7", "ana",
            "Loving the new release!\n\tand the \"docs\" 🎉", List.of("release", "java"), List.of("bob"),
            new Post.Location(52.37, -4.89, "São Paulo", "Brazil"), 87.25, Post.PostType.REPLY);

    private final PostDecoder decoder = new PostDecoder();

    @Test
    void writesEveryFieldInTheFormatsOrderOnOneLine() {
        assertThat(PostWriter.json(FULL)).isEqualTo("{\"id\":\"p1\",\"timestamp\":\"2026-01-15T12:00:05Z\","
                + "\"user_id\":\"user-7\",\"username\":\"ana\","
                + "\"content\":\"Loving the new release!\\n\\tand the \\\"docs\\\" 🎉\","
                + "\"hashtags\":[\"release\",\"java\"],\"mentions\":[\"bob\"],"
                + "\"location\":{\"latitude\":52.37,\"longitude\":-4.89,\"city\":\"São Paulo\","
                + "\"country\":\"Brazil\"},"
                + "\"engagement_score\":87.25,\"post_type\":\"reply\"}");
        assertThat(PostWriter.bytes(FULL)).isEqualTo(PostWriter.json(FULL).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWrittenPostDecodesToTheSamePost() {
        assertThat(decode(PostWriter.bytes(FULL))).isEqualTo(FULL);
    }

    @Test
    void aPostWithOnlyContentWritesNullsAndDecodesToTheSamePost() {
        Post bare = new Post(null, null, null, null, "just text", List.of(), List.of(), null, null, null);

        assertThat(PostWriter.json(bare)).isEqualTo("{\"id\":null,\"timestamp\":null,\"user_id\":null,"
                + "\"username\":null,\"content\":\"just text\",\"hashtags\":[],\"mentions\":[],\"location\":null,"
                + "\"engagement_score\":null,\"post_type\":null}");
        assertThat(decode(PostWriter.bytes(bare))).isEqualTo(bare);
    }

    @ParameterizedTest
    @CsvSource({"68.3, 68.30", "8, 8.00", "0, 0.00", "100, 100.00", "12.345, 12.345", "-1.5, -1.50",
            "1e-7, 1E-7", "12345678901, 12345678901.00"})
    void theEngagementScoreHasTwoDecimalsAtLeastAndReadsBackTheSame(double score, String written) {
        Post post = new Post("p", null, null, null, "text", List.of(), List.of(), null, score, Post.PostType.SHARE);

        assertThat(PostWriter.json(post)).contains("\"engagement_score\":" + written + ",");
        assertThat(decode(PostWriter.bytes(post))).isEqualTo(post);
    }

    @Test
    void aDecodedPostInTheWrittenFormIsWrittenBackByteForByte() {
        byte[] json = ("{\"id\":\"post-000197\",\"timestamp\":\"2026-01-15T13:16:15Z\",\"user_id\":\"user-0569\","
                + "\"username\":\"lena29\",\"content\":\"SkyWays got me to Berlin on time. #vacation\","
                + "\"hashtags\":[\"vacation\"],\"mentions\":[],\"location\":{\"latitude\":19.1174,"
                + "\"longitude\":72.8977,\"city\":\"Mumbai\",\"country\":\"India\"},\"engagement_score\":68.30,"
                + "\"post_type\":\"original\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(PostWriter.bytes(decode(json))).isEqualTo(json);
    }

    private Post decode(byte[] data) {
        return ((DecodedRecord.Valid) decoder.decode(data)).post();
    }
}
