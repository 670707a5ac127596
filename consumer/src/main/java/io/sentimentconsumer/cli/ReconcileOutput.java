package io.sentimentconsumer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentimentconsumer.reconcile.Comparison;
import io.sentimentconsumer.reconcile.HourRow;
import io.sentimentconsumer.reconcile.ReconcileQuery;
import io.sentimentconsumer.reconcile.Reconciliation;
import io.sentimentconsumer.reconcile.Side;
import io.sentimentconsumer.reconcile.Target;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A reconciliation as a table for a terminal, CSV or JSON on stdout. The table carries its notes and verdict below
 * it; CSV, for a spreadsheet, leaves them to stderr; JSON, one line, has them as members.
 */
final class ReconcileOutput {

    /** How it is printed. */
    enum Format { TABLE, CSV, JSON }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOTAL = "total";

    private final Reconciliation reconciliation;
    private final List<String> notes;

    ReconcileOutput(Reconciliation reconciliation, Instant now) {
        this.reconciliation = reconciliation;
        this.notes = ReconcileNotes.of(reconciliation, now);
    }

    void print(Format format, PrintWriter out, PrintWriter err) {
        switch (format) {
            case TABLE -> {
                out.println(title());
                table().forEach(out::println);
                notes.forEach(note -> out.println("* " + note));
                out.println(ReconcileNotes.verdict(reconciliation));
            }
            case CSV -> {
                csv().forEach(out::println);
                notes.forEach(note -> err.println("* " + note));
                err.println(ReconcileNotes.verdict(reconciliation));
            }
            case JSON -> out.println(json());
        }
        out.flush();
        err.flush();
    }

    private String title() {
        ReconcileQuery query = reconciliation.query();
        return "Tokens per hour, " + ReconcileNotes.HOUR.format(query.hours().start()) + " to "
                + ReconcileNotes.HOUR.format(query.hours().end()) + " UTC: ours (" + query.namespace()
                + ", Environment=" + query.environment() + ") against Bedrock's (AWS/Bedrock, ModelId "
                + query.targets().stream().map(t -> t.profileId() + " for " + t.modelId())
                        .collect(Collectors.joining(", "))
                + "). Tolerance " + reconciliation.tolerance() + ".";
    }

    private List<String> table() {
        TextTable table = new TextTable("MODEL", "HOUR (UTC)", "OUR INPUT", "OUR OUTPUT", "BEDROCK INPUT",
                "BEDROCK OUTPUT", "DIFFERENCE", "DIFFERENCE %", "ABANDONED ATTEMPTS", "VERDICT");
        rows(ReconcileNotes.HOUR::format, "-", true).forEach(cells -> table.row(cells.toArray(String[]::new)));
        return table.lines();
    }

    private List<String> csv() {
        List<String> lines = new ArrayList<>();
        lines.add("model,hour,our_input_tokens,our_output_tokens,bedrock_input_tokens,bedrock_output_tokens,"
                + "difference_tokens,difference_percent,abandoned_attempts,over_tolerance");
        rows(Instant::toString, "", false).forEach(cells -> lines.add(cells.stream().map(ReconcileOutput::csvCell)
                .collect(Collectors.joining(","))));
        return lines;
    }

    /** The hours, then each model's total, as cells: the table's words or CSV's plain values. */
    private List<List<String>> rows(Function<Instant, String> hour, String noData, boolean words) {
        List<List<String>> rows = new ArrayList<>();
        for (HourRow row : reconciliation.hours()) {
            rows.add(cells(row.modelId(), hour.apply(row.hour()), row.counts(), noData, words));
        }
        reconciliation.totals().forEach((modelId, total) -> rows.add(cells(modelId, TOTAL, total, noData, words)));
        return rows;
    }

    private List<String> cells(String modelId, String hour, Comparison counts, String noData, boolean words) {
        Side ours = counts.ours();
        Side bedrock = counts.bedrock();
        boolean over = reconciliation.tolerance().isExceededBy(counts);
        String percent = counts.percent().toPlainString();
        return List.of(modelId, hour,
                tokens(ours, ours.input(), noData), tokens(ours, ours.output(), noData),
                tokens(bedrock, bedrock.input(), noData), tokens(bedrock, bedrock.output(), noData),
                words ? signed(counts.difference()) : Long.toString(counts.difference()),
                words ? (counts.percent().signum() > 0 ? "+" : "") + percent + "%" : percent,
                Long.toString(counts.abandonedAttempts()),
                words ? verdict(counts, over) : Boolean.toString(over));
    }

    private static String verdict(Comparison counts, boolean over) {
        String verdict = over ? "over" : "within";
        if (!counts.oneSided()) {
            return verdict;
        }
        return verdict + (counts.ours().hasData() ? ", only ours" : ", only Bedrock's");
    }

    private String json() {
        ObjectNode root = JSON.createObjectNode();
        ReconcileQuery query = reconciliation.query();
        root.put("from", query.hours().start().toString());
        root.put("to", query.hours().end().toString());
        root.put("namespace", query.namespace());
        root.put("environment", query.environment());
        root.put("tolerancePercent", reconciliation.tolerance().percent());
        var models = root.putArray("models");
        for (Target target : query.targets()) {
            models.addObject().put("modelId", target.modelId()).put("profileId", target.profileId());
        }
        var hours = root.putArray("hours");
        for (HourRow row : reconciliation.hours()) {
            comparison(hours.addObject().put("modelId", row.modelId()).put("hour", row.hour().toString()),
                    row.counts());
        }
        var totals = root.putArray("totals");
        for (Map.Entry<String, Comparison> total : reconciliation.totals().entrySet()) {
            comparison(totals.addObject().put("modelId", total.getKey()), total.getValue());
        }
        root.put("hoursOverTolerance", reconciliation.hoursOver().size());
        root.put("withinTolerance", reconciliation.withinTolerance());
        var notesArray = root.putArray("notes");
        notes.forEach(notesArray::add);
        root.put("verdict", ReconcileNotes.verdict(reconciliation));
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    private void comparison(ObjectNode node, Comparison counts) {
        side(node, "ours", counts.ours());
        side(node, "bedrock", counts.bedrock());
        node.put("differenceTokens", counts.difference());
        node.put("differencePercent", counts.percent());
        node.put("abandonedAttempts", counts.abandonedAttempts());
        node.put("overTolerance", reconciliation.tolerance().isExceededBy(counts));
    }

    /** A side without data is null, not zeros: it published nothing. */
    private static void side(ObjectNode node, String name, Side side) {
        if (side.hasData()) {
            node.putObject(name).put("inputTokens", side.input()).put("outputTokens", side.output());
        } else {
            node.putNull(name);
        }
    }

    private static String tokens(Side side, long value, String noData) {
        return side.hasData() ? Long.toString(value) : noData;
    }

    private static String signed(long value) {
        return value > 0 ? "+" + value : Long.toString(value);
    }

    private static String csvCell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
