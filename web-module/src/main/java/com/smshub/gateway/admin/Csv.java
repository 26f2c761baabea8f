package com.smshub.gateway.admin;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows of comma-separated values as RFC 4180 writes them: a field with a comma, a quote or a line break is quoted,
 * its quotes doubled. A field a spreadsheet would run as a formula (it begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) and that is not a number gets a leading apostrophe, so that a tenant's
 * name cannot become a formula in an operator's spreadsheet.
 */
final class Csv {

    private Csv() {
    }

    /** One row, ended by CRLF as the RFC says. */
    static String row(List<?> fields) {
        return fields.stream().map(f -> field(f == null ? "" : f.toString())).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0 && !safe.matches("[-+]?[0-9]+(\\.[0-9]+)?")) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
