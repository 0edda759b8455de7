package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvWriterTest {

    @SafeVarargs
    private static String records(List<String>... records) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        for (List<String> record : records) {
            csv.record(record);
        }
        return out.toString();
    }

    @Test
    void givenRecords_whenWriting_thenFieldsCommaSeparatedAndEveryRecordEndsWithCrlf() throws IOException {
        assertEquals("id,username\r\n1,alice\r\n2,bob\r\n",
                records(List.of("id", "username"), List.of("1", "alice"), List.of("2", "bob")));
    }

    @Test
    void givenNullOrEmptyField_whenWriting_thenEmptyField() throws IOException {
        assertEquals("a,,,b\r\n", records(Arrays.asList("a", null, "", "b")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            // value => field as written
            "plain text => plain text",
            "a,b => `\"a,b\"`",
            "say \"hi\" => `\"say \"\"hi\"\"\"`",
            "\"quoted\" => `\"\"\"quoted\"\"\"`",
            "O'Brien => O'Brien",
            "2001:db8::1 => 2001:db8::1",
            "2026-11-26T15:04:05Z => 2026-11-26T15:04:05Z",
    })
    void givenSpecialCharacters_whenWritingField_thenQuotedAsRfc4180Wants(String value, String expected) {
        assertEquals(expected, CsvWriter.field(value));
    }

    @Test
    void givenLineBreaksInsideField_whenWriting_thenFieldQuotedWithTheBreaksKept() throws IOException {
        assertEquals("\"line one\nline two\",\"cr\r\nlf\"\r\n", records(List.of("line one\nline two", "cr\r\nlf")));
        assertEquals("\"trailing\n\"", CsvWriter.field("trailing\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "=1+1 => '=1+1",
            "+1 555 0100 => '+1 555 0100",
            "-x => '-x",
            "@SUM(A1:A2) => '@SUM(A1:A2)",
            "`=HYPERLINK(\"http://evil.example\",\"click\")` => `\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"`",
            "=cmd|' /C calc'!A0 => '=cmd|' /C calc'!A0",
            "a=b => a=b",
            "x-y => x-y",
            "alice@example.org => alice@example.org",
    })
    void givenFieldStartingAFormula_whenWriting_thenPrefixedWithApostropheSoSpreadsheetsShowText(String value,
                                                                                                  String expected) {
        assertEquals(expected, CsvWriter.field(value));
    }

    @Test
    void givenFieldStartingWithTabOrCarriageReturn_whenWriting_thenPrefixedToo() {
        assertEquals("'\t=1+1", CsvWriter.field("\t=1+1"));
        assertEquals("\"'\r=1+1\"", CsvWriter.field("\r=1+1"));
        // A leading line feed is no formula trigger: quoted for the break, not prefixed.
        assertEquals("\"\n=1\"", CsvWriter.field("\n=1"));
    }

    @Test
    void givenNul_whenWriting_thenReplacementCharacter() {
        assertEquals("a\uFFFDb", CsvWriter.field("a\0b"));
        assertEquals("\uFFFD=1", CsvWriter.field("\0=1"));
    }

    @Test
    void givenUnicode_whenWriting_thenWrittenUnchanged() throws IOException {
        assertEquals("Jürgen,Ærøskøbing 🏝,日本語,\"Zoë, née \"\"Ω\"\"\"\r\n",
                records(List.of("Jürgen", "Ærøskøbing 🏝", "日本語", "Zoë, née \"Ω\"")));
    }
}
