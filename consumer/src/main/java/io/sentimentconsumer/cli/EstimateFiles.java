package io.sentimentconsumer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentimentconsumer.estimate.EstimateReport;
import io.sentimentconsumer.estimate.ModelEstimate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** An estimate for files and programs: CSV, one row a model, or a JSON document; columns as {@link EstimateColumns}. */
final class EstimateFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EstimateFiles() {}

    /** RFC 4180: a header line, then a line a model; an unknown value is an empty field. */
    static void csv(EstimateReport report, PrintWriter out) {
        List<Map<String, String>> rows = rows(report);
        out.print(Csv.line(rows.get(0).keySet()));
        for (Map<String, String> row : rows) {
            out.print(Csv.line(row.values()));
        }
        out.flush();
    }

    static void json(EstimateReport report, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode sample = root.putObject("sample");
        sample.put("file", report.sampleName());
        sample.put("records", report.sample().records());
        sample.put("postsToModel", report.tokens().posts());
        sample.put("invalid", report.sample().invalid());
        sample.put("repeats", report.sample().repeats());
        sample.put("truncated", report.sample().truncated());
        sample.put("calls", report.tokens().calls());
        sample.put("batchSize", report.tokens().batchSize());
        sample.put("instructionTokensPerCall", report.tokens().instructionTokensPerCall());
        sample.put("postLineTokens", report.tokens().postLineTokens());
        sample.put("answerTokens", report.tokens().answerTokens());
        root.put("tokenCounts", EstimateReport.TOKEN_METHOD);
        report.regions().forEach(root.putArray("regions")::add);
        root.put("tier", report.tier().id());
        root.put("priceTable", report.priceTable());
        root.put("quotaTable", report.quotaTable());
        ArrayNode models = root.putArray("models");
        for (Map<String, String> row : rows(report)) {
            ObjectNode model = models.addObject();
            row.forEach(model::put);
        }
        out.println(root.toPrettyString());
        out.flush();
    }

    private static List<Map<String, String>> rows(EstimateReport report) {
        return report.models().stream().map((ModelEstimate model) -> EstimateColumns.of(report, model)).toList();
    }
}
