package io.sentimentconsumer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.generate.SyntheticPosts.Sentiment;
import io.sentimentconsumer.generate.SyntheticPosts.SyntheticPost;
import io.sentimentconsumer.generate.SyntheticPosts.Topic;
import io.sentimentconsumer.ingest.DecodedRecord;
import io.sentimentconsumer.ingest.Post;
import io.sentimentconsumer.ingest.PostDecoder;
import io.sentimentconsumer.ingest.PostWriter;
import io.sentimentconsumer.ingest.PostText;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticPostsTest {

    private static final List<SyntheticPost> SAMPLE =
            new SyntheticPosts(20260115L).next(500);
    private static final List<Post> POSTS = SAMPLE.stream().map(SyntheticPost::post).toList();

    @Test
    void theSameSeedGivesTheSamePostsAndAnotherSeedOthers() {
        List<String> first = SyntheticPosts.jsonLines(300, 42).toList();

        assertThat(SyntheticPosts.jsonLines(300, 42).toList()).isEqualTo(first);
        assertThat(SyntheticPosts.jsonLines(300, 43).toList()).isNotEqualTo(first);
        assertThat(new SyntheticPosts(42).next(300).stream().map(SyntheticPost::toJson).toList()).isEqualTo(first);
    }

    @Test
    void theOutputDoesNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        List<String> inRoot = SyntheticPosts.jsonLines(100, 7).toList();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(SyntheticPosts.jsonLines(100, 7).toList()).isEqualTo(inRoot);
            Locale.setDefault(Locale.forLanguageTag("de-DE"));
            assertThat(SyntheticPosts.jsonLines(100, 7).toList()).isEqualTo(inRoot);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void idsAreUniqueAndSequentialAndTimestampsMoveForward() {
        for (int i = 0; i < POSTS.size(); i++) {
            assertThat(POSTS.get(i).id()).isEqualTo(String.format(Locale.ROOT, "post-%06d", i + 1));
        }
        for (int i = 1; i < POSTS.size(); i++) {
            assertThat(POSTS.get(i).timestamp()).isAfter(POSTS.get(i - 1).timestamp());
        }
        assertThat(POSTS.get(0).timestamp()).isAfter(SyntheticPosts.START);
    }

    @Test
    void everyToneAndTopicAndPostTypeIsPresentInRealisticProportions() {
        Map<Sentiment, Long> tones = SAMPLE.stream()
                .collect(Collectors.groupingBy(SyntheticPost::sentiment, Collectors.counting()));
        assertThat(tones).containsOnlyKeys(EnumSet.allOf(Sentiment.class));
        assertThat(tones.get(Sentiment.POSITIVE)).isBetween(125L, 225L);
        assertThat(tones.get(Sentiment.NEGATIVE)).isBetween(100L, 200L);
        assertThat(tones.get(Sentiment.NEUTRAL)).isBetween(50L, 150L);
        assertThat(tones.get(Sentiment.MIXED)).isBetween(40L, 120L);

        assertThat(SAMPLE.stream().map(SyntheticPost::topic).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(Topic.class));
        assertThat(POSTS.stream().map(Post::postType).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(Post.PostType.class));
    }

    @Test
    void textsVaryInShapeLikeRealPosts() {
        PostText cap = new PostText(1000);

        assertThat(share(SyntheticPostsTest::isMultiLine)).isBetween(0.08, 0.40);
        assertThat(count(post -> post.content().contains("\t"))).isGreaterThanOrEqualTo(10);
        assertThat(count(post -> post.content().codePoints().anyMatch(c -> c >= 0x1F300))).isGreaterThan(100);
        assertThat(count(post -> !post.hashtags().isEmpty())).isGreaterThan(200);
        assertThat(count(post -> !post.mentions().isEmpty())).isGreaterThan(100);
        assertThat(share(post -> post.location() == null)).isBetween(0.12, 0.28);

        List<Post> longPosts = POSTS.stream().filter(post -> length(post) > 1000).toList();
        assertThat(longPosts).hasSizeBetween(5, 40);
        assertThat(longPosts).allSatisfy(post -> {
            assertThat(length(post)).isGreaterThanOrEqualTo(SyntheticPosts.LONG_MIN);
            assertThat(post.content()).contains("\n", "\t");
            assertThat(cap.prepare(post.content()).truncated()).isTrue();
        });
        assertThat(POSTS.stream().filter(post -> length(post) <= 1000))
                .allSatisfy(post -> assertThat(cap.prepare(post.content()).truncated()).isFalse());
    }

    @Test
    void hashtagsMentionsAndUsersAreConsistentWithTheText() {
        Map<String, String> usernames = new HashMap<>();
        for (Post post : POSTS) {
            assertThat(post.hashtags()).doesNotHaveDuplicates()
                    .allSatisfy(tag -> assertThat(post.content()).contains("#" + tag))
                    .noneMatch(tag -> tag.startsWith("#"));
            assertThat(post.mentions()).doesNotHaveDuplicates()
                    .allSatisfy(handle -> assertThat(post.content()).contains("@" + handle))
                    .noneMatch(handle -> handle.startsWith("@"));
            assertThat(post.userId()).matches("user-\\d{4}");
            assertThat(usernames.computeIfAbsent(post.userId(), id -> post.username())).isEqualTo(post.username());
            assertThat(post.engagementScore()).isBetween(0.0, 100.0);
            if (post.postType() == Post.PostType.REPLY) {
                assertThat(post.content()).startsWith("@");
            }
            if (post.postType() == Post.PostType.SHARE) {
                assertThat(post.content()).startsWith("RT @");
            }
        }
        assertThat(usernames).hasSizeGreaterThan(30);
    }

    @Test
    void theJsonIsThePostFormatAndDecodesToTheSamePost() {
        PostDecoder decoder = new PostDecoder();
        for (SyntheticPost generated : SAMPLE) {
            Post post = generated.post();
            assertThat(generated.toJson()).isEqualTo(PostWriter.json(post)).doesNotContain("\n", "\t")
                    .startsWith("{\"id\":\"" + post.id() + "\",\"timestamp\":\"")
                    .containsPattern("\"engagement_score\":\\d{1,3}\\.\\d{2},"
                            + "\"post_type\":\"(original|share|reply)\"}$")
                    .containsPattern("\"timestamp\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\"");

            DecodedRecord decoded = decoder.decode(generated.toBytes());
            assertThat(decoded).isInstanceOf(DecodedRecord.Valid.class);
            assertThat(((DecodedRecord.Valid) decoded).post()).isEqualTo(post);
            if (post.location() != null) {
                assertThat(post.location().latitude()).isBetween(-90.0, 90.0);
                assertThat(post.location().longitude()).isBetween(-180.0, 180.0);
            }
        }
        Set<String> cities = POSTS.stream().filter(post -> post.location() != null)
                .map(post -> post.location().city()).collect(Collectors.toSet());
        assertThat(cities).hasSize(12).contains("São Paulo");
    }

    @Test
    void aForcedLongPostHasParagraphsAndATabbedList() {
        SyntheticPosts posts = new SyntheticPosts(99);
        for (int i = 0; i < 20; i++) {
            Post post = posts.nextLong().post();
            assertThat(length(post)).isGreaterThan(1000);
            assertThat(post.content()).contains("\n\n", "\n\t");
            assertThat(post.id()).isEqualTo(String.format(Locale.ROOT, "post-%06d", i + 1));
        }
    }

    private static boolean isMultiLine(Post post) {
        return post.content().contains("\n");
    }

    private static int length(Post post) {
        return post.content().codePointCount(0, post.content().length());
    }

    private static long count(Predicate<Post> test) {
        return POSTS.stream().filter(test).count();
    }

    private static double share(Predicate<Post> test) {
        return (double) count(test) / POSTS.size();
    }
}
