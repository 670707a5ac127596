package io.sentimentconsumer.benchmarks;

import io.sentimentconsumer.analyze.AnswerParser;
import io.sentimentconsumer.analyze.ModelRequest;
import io.sentimentconsumer.analyze.PromptContract;
import io.sentimentconsumer.generate.SyntheticPosts;
import io.sentimentconsumer.ingest.DecodedRecord;
import io.sentimentconsumer.ingest.PostDecoder;
import io.sentimentconsumer.ingest.PostText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The steps every record and every batch goes through, one at a time. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordPathBenchmark {

    private final PostDecoder decoder = new PostDecoder();
    private final PostText postText = new PostText(1000);
    private byte[] record;
    private String content;
    private List<String> batch;
    private String answer;

    @Setup
    public void setUp() {
        SyntheticPosts posts = new SyntheticPosts(7);
        record = posts.next().toBytes();
        content = ((DecodedRecord.Valid) decoder.decode(record)).post().content();
        batch = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (int n = 1; n <= 25; n++) {
            batch.add(postText.prepare(posts.next().post().content()).text());
            lines.append(n).append("|-0.35\n");
        }
        answer = lines.toString();
    }

    @Benchmark
    public DecodedRecord decodeRecord() {
        return decoder.decode(record);
    }

    @Benchmark
    public PostText.Prepared prepareText() {
        return postText.prepare(content);
    }

    @Benchmark
    public ModelRequest buildPromptFor25() {
        return PromptContract.request(batch);
    }

    @Benchmark
    public AnswerParser.ParsedAnswer parseAnswerOf25() {
        return AnswerParser.parse(answer, 25);
    }
}
