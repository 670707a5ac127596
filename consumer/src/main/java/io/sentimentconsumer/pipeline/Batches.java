package io.sentimentconsumer.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * How a delivery's posts are cut into model calls: in record order, {@code size} posts a call, the last call taking
 * what is left. Written once, so that {@code estimate} sizes exactly the calls the pipeline makes.
 */
public final class Batches {

    private Batches() {}

    /** Consecutive views of {@code items}, each {@code size} long but the last. */
    public static <T> List<List<T>> of(List<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch holds at least one post; size was " + size);
        }
        List<List<T>> batches = new ArrayList<>((items.size() + size - 1) / size);
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }
}
