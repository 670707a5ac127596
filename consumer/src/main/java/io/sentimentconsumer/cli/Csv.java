package io.sentimentconsumer.cli;

import java.util.Collection;
import java.util.stream.Collectors;

/** RFC 4180 lines, as the commands' CSV files write them: CRLF ends, an unknown value an empty field. */
final class Csv {

    private Csv() {}

    static String line(Collection<String> values) {
        return values.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
