package io.sentimentconsumer.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.account.Attempts;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.sentimentconsumer.account.TokenUsage;
import io.sentimentconsumer.analyze.AnswerParser;
import io.sentimentconsumer.analyze.AnswerParser.ParsedAnswer;
import io.sentimentconsumer.analyze.AnswerParser.Verdict;
import io.sentimentconsumer.analyze.ModelReply;
import io.sentimentconsumer.analyze.ModelRequest;
import io.sentimentconsumer.analyze.PromptContract;
import io.sentimentconsumer.analyze.SentimentLabel;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LexiconSentimentModelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final List<String> POSTS = List.of(
            "I love this new phone, the camera is amazing!",
            "Worst customer service ever, I hate waiting",
            "The train leaves at 9 from platform 4",
            "The food was not good",
            "Meeting moved again :(");

    /** An independent count with the vocabulary the engine says it uses. */
    private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private final LexiconSentimentModel model = new LexiconSentimentModel();

    @Test
    void answersEveryPostWithOneScoreTheParserAccepts() {
        ModelReply reply = model.converse(PromptContract.request(POSTS), TIMEOUT);

        ParsedAnswer parsed = AnswerParser.parse(reply.text(), POSTS.size());

        assertThat(reply.text().lines()).hasSize(POSTS.size()).allMatch(line -> line.matches("\\d+\\|\\S+"));
        assertThat(parsed.verdicts()).hasSize(POSTS.size()).allMatch(Verdict::hasScore);
        assertThat(parsed.verdicts()).extracting(Verdict::score).allSatisfy(s -> assertThat(s).isBetween(-1.0, 1.0));
        assertThat(parsed.verdicts()).extracting(v -> SentimentLabel.of(v.score())).containsExactly(
                SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE, SentimentLabel.NEUTRAL,
                SentimentLabel.NEGATIVE, SentimentLabel.NEGATIVE);
    }

    @Test
    void writesOneLinePerPostInOrderWithAtMostTwoDecimals() {
        // blessed = 2.9: 2.9 / sqrt(2.9² + 15) = 0.5994, which rounds to 0.60 and is written 0.6
        ModelReply reply = model.converse(PromptContract.request(List.of("good", "bad", "the train", "blessed")), TIMEOUT);

        assertThat(reply.text()).isEqualTo("1|0.44\n2|-0.54\n3|0\n4|0.6");
    }

    @Test
    void scoresTheWholeTextAfterTheFirstBar() {
        ModelReply piped = model.converse(PromptContract.request(List.of("A|B testing: good")), TIMEOUT);
        ModelReply plain = model.converse(PromptContract.request(List.of("A B testing: good")), TIMEOUT);

        assertThat(piped.text()).isEqualTo(plain.text()).isEqualTo("1|0.44");
    }

    @Test
    void presentsItselfAsAnEstimatePricedAsNovaMicro() {
        assertThat(model.modelId()).isEqualTo("offline-lexicon");
        assertThat(model.pricedAs()).isEqualTo("amazon.nova-micro-v1:0");
        assertThat(model.estimated()).isTrue();
    }

    @Test
    void reportsOneUnthrottledAttemptThatEndedItsTurn() {
        ModelReply reply = model.converse(PromptContract.request(POSTS), TIMEOUT);

        assertThat(reply.receipt().stopReason()).isEqualTo("end_turn");
        assertThat(reply.receipt().attempts()).isEqualTo(new Attempts(1, 0, 0, 0));
        assertThat(reply.receipt().latencyMillis()).isNull();
        assertThat(reply.receipt().durationMillis()).isNotNegative();
        assertThat(reply.receipt().usage().hasCacheTokens()).isFalse();
    }

    @Test
    void countsOutputTokensWithTheTokenizer() {
        ModelReply reply = model.converse(PromptContract.request(POSTS), TIMEOUT);

        assertThat(reply.receipt().usage().outputTokens()).isEqualTo(O200K.countTokensOrdinary(reply.text()))
                .isPositive();
    }

    @Test
    void countsInputTokensOfBothMessagesPlusAFixedFramingOverhead() {
        for (List<String> posts : List.of(POSTS, List.of("good"))) {
            ModelRequest request = PromptContract.request(posts);
            long counted = O200K.countTokensOrdinary(request.system()) + O200K.countTokensOrdinary(request.userMessage());

            long overhead = model.converse(request, TIMEOUT).receipt().usage().inputTokens() - counted;

            assertThat(overhead).isEqualTo(2L * TokenEstimator.FRAMING_TOKENS_PER_MESSAGE).isPositive();
        }
    }

    @Test
    void inputTokensGrowWithTheInput() {
        long onePost = inputTokens(List.of("good"));
        long longerPost = inputTokens(List.of("good, really good, the best coffee in town"));
        long morePosts = inputTokens(List.of("good", "bad", "fine"));

        assertThat(onePost).isPositive();
        assertThat(longerPost).isGreaterThan(onePost);
        assertThat(morePosts).isGreaterThan(onePost);
    }

    @Test
    void countsSpecialTokenTextAsOrdinaryText() {
        ModelReply reply = model.converse(PromptContract.request(List.of("<|endoftext|> good")), TIMEOUT);

        assertThat(reply.text()).isEqualTo("1|0.44");
        assertThat(reply.receipt().usage().inputTokens()).isGreaterThan(inputTokens(List.of("good")));
    }

    @Test
    void isDeterministic() {
        ModelRequest request = PromptContract.request(POSTS);

        ModelReply first = model.converse(request, TIMEOUT);
        ModelReply second = new LexiconSentimentModel().converse(request, TIMEOUT);

        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.receipt().usage()).isEqualTo(first.receipt().usage());
    }

    @Test
    void givesIdenticalAnswersToConcurrentCalls() throws Exception {
        ModelRequest request = PromptContract.request(POSTS);
        ModelReply expected = model.converse(request, TIMEOUT);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<ModelReply>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<ModelReply>> calls = () -> {
                    start.await();
                    List<ModelReply> replies = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        replies.add(model.converse(request, TIMEOUT));
                    }
                    return replies;
                };
                futures.add(pool.submit(calls));
            }
            start.countDown();
            for (Future<List<ModelReply>> future : futures) {
                for (ModelReply reply : future.get(30, TimeUnit.SECONDS)) {
                    assertThat(reply.text()).isEqualTo(expected.text());
                    assertThat(reply.receipt().usage()).isEqualTo(expected.receipt().usage());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private long inputTokens(List<String> posts) {
        TokenUsage usage = model.converse(PromptContract.request(posts), TIMEOUT).receipt().usage();
        return usage.inputTokens();
    }
}
