package io.sentimentconsumer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import io.sentimentconsumer.testing.ProducerFormats;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as a post, and the reasons a record is not one. */
class PostDecoderTest {

    private final PostDecoder decoder = new PostDecoder();

    private DecodedRecord decode(String json) {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private String reason(String json) {
        return ((DecodedRecord.Invalid) decode(json)).reason();
    }

    @Test
    void readsEveryFieldOfAWellFormedPost() {
        DecodedRecord decoded = decode("""
                {"id":"p1","timestamp":"2026-01-15T12:00:05Z","user_id":"user-7","username":"ana",
                 "content":"Loving the new release!","hashtags":["release","java"],"mentions":["bob"],
                 "location":{"latitude":52.37,"longitude":4.89,"city":"Amsterdam","country":"NL"},
                 "engagement_score":87.25,"post_type":"reply"}""");

        Post post = ((DecodedRecord.Valid) decoded).post();
        assertThat(post.id()).isEqualTo("p1");
        assertThat(post.timestamp()).isEqualTo(Instant.parse("2026-01-15T12:00:05Z"));
        assertThat(post.userId()).isEqualTo("user-7");
        assertThat(post.username()).isEqualTo("ana");
        assertThat(post.content()).isEqualTo("Loving the new release!");
        assertThat(post.hashtags()).containsExactly("release", "java");
        assertThat(post.mentions()).containsExactly("bob");
        assertThat(post.location()).isEqualTo(new Post.Location(52.37, 4.89, "Amsterdam", "NL"));
        assertThat(post.engagementScore()).isEqualTo(87.25);
        assertThat(post.postType()).isEqualTo(Post.PostType.REPLY);
    }

    @Test
    void needsOnlyContentAndIgnoresUnknownFields() {
        DecodedRecord decoded = decode("{\"content\":\"just text\",\"lang\":\"en\",\"extra\":{\"a\":1}}");

        Post post = ((DecodedRecord.Valid) decoded).post();
        assertThat(post.content()).isEqualTo("just text");
        assertThat(post.id()).isNull();
        assertThat(post.location()).isNull();
        assertThat(post.hashtags()).isEmpty();
    }

    @Test
    void keepsAPostWhoseOptionalFieldsAreMalformed() {
        DecodedRecord decoded = decode("{\"id\":17,\"content\":\"ok\",\"timestamp\":\"yesterday\","
                + "\"post_type\":\"retweet\",\"hashtags\":\"notalist\",\"location\":null}");

        Post post = ((DecodedRecord.Valid) decoded).post();
        assertThat(post.id()).isEqualTo("17");
        assertThat(post.timestamp()).isNull();
        assertThat(post.postType()).isNull();
        assertThat(post.hashtags()).isEmpty();
    }

    @Test
    void toleratesALeadingByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "{\"content\":\"with bom\"}".getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, data, 0, bom.length);
        System.arraycopy(json, 0, data, bom.length, json.length);

        assertThat(decoder.decode(data)).isInstanceOf(DecodedRecord.Valid.class);
    }

    @Test
    void inflatesGzipData() {
        byte[] gzip = ProducerFormats.gzip("{\"content\":\"compressed and fine\"}".getBytes(StandardCharsets.UTF_8));

        Post post = ((DecodedRecord.Valid) decoder.decode(gzip)).post();
        assertThat(post.content()).isEqualTo("compressed and fine");
    }

    @Test
    void rejectsACompressionBombInsteadOfRunningOutOfMemory() {
        byte[] bomb = ProducerFormats.gzip(new byte[PostDecoder.MAX_INFLATED_BYTES + 1]);

        assertThat(bomb.length).isLessThan(10_000);
        assertThat(decoder.decode(bomb))
                .isEqualTo(new DecodedRecord.Invalid("gzip data inflates beyond 1048576 bytes"));
    }

    @Test
    void rejectsCorruptOrTruncatedGzip() {
        byte[] gzip = ProducerFormats.gzip("{\"content\":\"cut short\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(decoder.decode(java.util.Arrays.copyOf(gzip, gzip.length / 2)))
                .isEqualTo(new DecodedRecord.Invalid("gzip data is corrupt or truncated"));
        assertThat(decoder.decode(new byte[] {0x1F, (byte) 0x8B, 1, 2, 3}))
                .isEqualTo(new DecodedRecord.Invalid("gzip data is corrupt or truncated"));
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        DecodedRecord decoded = decoder.decode(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

        assertThat(decoded).isEqualTo(new DecodedRecord.Invalid("data is not UTF-8"));
    }

    @Test
    void rejectsEmptyData() {
        assertThat(decoder.decode(new byte[0])).isEqualTo(new DecodedRecord.Invalid("data is empty"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "hello world;data is not JSON (line 1, column 1)",
        "{\"content\":\"cut;data is not JSON (line 1, column 16)",
        "{\"content\":\"a\"} trailing;data is not JSON (line 1, column 17)",
        "[{\"content\":\"a\"}];JSON is an array, not an object",
        "\"just a string\";JSON is a string, not an object",
        "42;JSON is a number, not an object",
        "true;JSON is a boolean, not an object",
        "null;JSON is null, not an object",
        "{\"id\":\"x\"};content is missing",
        "{\"content\":null};content is missing",
        "{\"content\":42};content is a number, not a string",
        "{\"content\":[\"a\"]};content is an array, not a string",
        "{\"content\":{\"text\":\"a\"}};content is a object, not a string",
        "{\"content\":\"   \"};content is blank",
        "{\"content\":\"\\n\\t\"};content is blank"})
    void rejectsWhatCannotCarryAPostWithAReasonThatNeverQuotesIt(String json, String expected) {
        String reason = reason(json);

        assertThat(reason).isEqualTo(expected);
        assertThat(reason).doesNotContain("hello", "cut", "trailing", "just a string");
    }

    /** Content written as the hex code points of its characters, so the test names show what they hold. */
    @Test
    void gzipRecordsInflateWithinTheInvocationsBudgetAndPastItAreInvalid() {
        byte[] post = ("{\"content\":\"" + "x".repeat(980) + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] gzip = ProducerFormats.gzip(post);
        InflateBudget budget = new InflateBudget(2 * post.length + post.length / 2);

        assertThat(decoder.decode(gzip, budget)).isInstanceOf(DecodedRecord.Valid.class);
        assertThat(decoder.decode(gzip, budget)).isInstanceOf(DecodedRecord.Valid.class);
        assertThat(decoder.decode(gzip, budget)).isEqualTo(new DecodedRecord.Invalid("the invocation's gzip "
                + "records inflate beyond 67108864 bytes together; this one was not inflated"));
        assertThat(decoder.decode(gzip, budget)).as("the budget is spent").isInstanceOf(DecodedRecord.Invalid.class);
        assertThat(decoder.decode(post, budget)).as("uncompressed data costs the budget nothing")
                .isInstanceOf(DecodedRecord.Valid.class);
    }

    @Test
    void anIdLongerThanAnyRealOneIsInvalid() {
        String longId = "i".repeat(257);
        byte[] data = ("{\"id\":\"" + longId + "\",\"content\":\"fine\"}").getBytes(StandardCharsets.UTF_8);
        byte[] ok = ("{\"id\":\"" + "i".repeat(256) + "\",\"content\":\"fine\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decode(data)).isEqualTo(new DecodedRecord.Invalid("id is longer than 256 characters"));
        assertThat(decoder.decode(ok)).isInstanceOf(DecodedRecord.Valid.class);
    }

    private static String content(String codePoints) {
        StringBuilder text = new StringBuilder();
        for (String hex : codePoints.split(" ")) {
            text.appendCodePoint(Integer.parseInt(hex, 16));
        }
        return text.toString();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {
        "200B", "200C", "200D", "2060", "00A0", "202F", "2007", "3000", "FEFF", "180E", "2028 2029", "00AD",
        "200B 00A0 2060 0020 FEFF 3000 200D 200C 202F 2007"})
    void contentOfOnlyInvisibleCharactersIsBlankLikeSpaces(String codePoints) {
        String json = "{\"content\":\"" + content(codePoints) + "\"}";

        assertThat(reason(json)).isEqualTo("content is blank");
    }

    @Test
    void contentWithAVisibleCharacterAmongInvisibleOnesIsAPostAsItCame() {
        String text = content("200B 00A0 0068 0069 2060 FEFF");

        DecodedRecord decoded = decode("{\"content\":\"" + text + "\"}");

        assertThat(((DecodedRecord.Valid) decoded).post().content()).isEqualTo(text);
    }
}
