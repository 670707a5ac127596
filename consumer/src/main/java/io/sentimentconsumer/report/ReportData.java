package io.sentimentconsumer.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What one source gave, in cells, with what it could not use and why: the figures every output adds up from. Each
 * cell is filled by one source; the report never adds two sources, which would count the same calls twice.
 */
public final class ReportData {

    private final Map<Cell, Tally> cells = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private boolean outcomes;

    void add(CallFact call) {
        tally(Cell.of(call.at(), call.modelId(), call.region(), call.tier())).add(call);
    }

    void add(Cell cell, CallGroup group) {
        tally(cell).add(group);
    }

    void add(DeliveryFact delivery) {
        outcomes |= delivery.outcomes() != null;
        tally(Cell.of(delivery.at(), delivery.modelId(), delivery.region(), delivery.tier())).add(delivery);
    }

    /** Something the reader should know about the figures: lines skipped, times assumed, what a query scanned. */
    void note(String note) {
        notes.add(note);
    }

    private Tally tally(Cell cell) {
        return cells.computeIfAbsent(cell, c -> new Tally());
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Whether the source has delivery summaries, so outcomes are known (zero where it has none for a group). */
    public boolean hasOutcomes() {
        return outcomes;
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }

    /** The groups of {@code grouping}, in the order of their keys. */
    public List<ReportRow> rows(Grouping grouping) {
        return rows(grouping::keyOf);
    }

    /** The groups of any key of a cell (the page's cost by model and tier), in the order of their keys. */
    public List<ReportRow> rows(Function<Cell, String> key) {
        Map<String, Tally> groups = new TreeMap<>();
        cells.forEach((cell, tally) -> groups.computeIfAbsent(key.apply(cell), k -> new Tally()).add(tally));
        List<ReportRow> rows = new ArrayList<>();
        groups.forEach((group, tally) -> rows.add(new ReportRow(group, tally)));
        return rows;
    }

    public Tally total() {
        Tally total = new Tally();
        cells.values().forEach(total::add);
        return total;
    }

    /** The priced cost of every UTC day that has a call or a summary, in order; a day without calls costs 0. */
    public TreeMap<LocalDate, BigDecimal> dailyCost() {
        TreeMap<LocalDate, BigDecimal> days = new TreeMap<>();
        cells.forEach((cell, tally) -> days.merge(LocalDate.ofInstant(cell.hour(), ZoneOffset.UTC),
                tally.costUsd().orElse(BigDecimal.ZERO), BigDecimal::add));
        return days;
    }

    /**
     * Drops the cells from {@code end} on, for a report as of a past day, and says so in a note when any had calls.
     */
    void dropFrom(Instant end) {
        List<Cell> late = cells.keySet().stream().filter(c -> !c.hour().isBefore(end)).toList();
        long calls = late.stream().mapToLong(c -> cells.remove(c).calls()).sum();
        if (!late.isEmpty()) {
            note(calls + " calls from " + end + " on left out: they are after the day the report is as of");
        }
    }
}
