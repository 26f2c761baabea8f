package com.smshub.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedTheirQuotesDoubled() {
        assertEquals("acme,\"Acme, Inc.\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n",
                Csv.row(List.of("acme", "Acme, Inc.", "say \"hi\"", "two\nlines")));
    }

    @Test
    void aFieldASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertEquals("'=HYPERLINK(\"x\")", Csv.field("=HYPERLINK(\"x\")").replace("\"\"", "\"").replaceAll("^\"|\"$", ""));
        assertEquals("'@SUM(A1)", Csv.field("@SUM(A1)"));
        assertEquals("-12.50,+3,'-x\r\n", Csv.row(List.of(new BigDecimal("-12.50"), "+3", "-x")), "numbers stay numbers");
    }

    @Test
    void nothingIsWrittenForNull() {
        assertEquals("a,,b\r\n", Csv.row(java.util.Arrays.asList("a", null, "b")));
    }
}
