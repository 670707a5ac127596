package io.sentimentconsumer.pricelist;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** How many things were left out, by reason. */
final class Tally {

    private final SortedMap<String, Integer> counts = new TreeMap<>();

    void add(String reason) {
        counts.merge(reason, 1, Integer::sum);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    SortedMap<String, Integer> byReason() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }
}
