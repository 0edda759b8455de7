package dev.warden.adapter.http;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Writes RFC 4180 CSV records: fields separated by commas, each record ended by CRLF, a field in
 * double quotes when it holds a comma, a double quote, a CR or an LF (a double quote inside doubled;
 * line breaks inside a quoted field are kept as they are, as the RFC allows). A null field is empty.
 *
 * <p>Exports end in spreadsheets, so every field is also defused against formula injection (OWASP,
 * "CSV Injection"): one that starts with {@code =}, {@code +}, {@code -} or {@code @}, or with a tab
 * or a carriage return (which some spreadsheets skip before looking for a formula), gets a leading
 * {@code '}, so Excel, LibreOffice and Google Sheets show it as text. The data changes visibly (a
 * username {@code -x} exports as {@code '-x}); a reader that wants the raw value removes one leading
 * {@code '} from such fields. NUL, which PostgreSQL never stores but which many CSV readers take as
 * the end of the text, is written as U+FFFD. Everything else, any Unicode included, is written as is.
 */
final class CsvWriter {
    static final String LINE_END = "\r\n";
    private static final char FORMULA_GUARD = '\'';

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** One record; the caller flushes. */
    void record(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write(LINE_END);
    }

    /** A value as one field: defused, NUL replaced, quoted if it must be. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
        if (startsFormula(text.charAt(0))) {
            text = FORMULA_GUARD + text;
        }
        if (needsQuotes(text)) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean startsFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
