package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.WritableHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which {@code Accept} headers get the CSV export of a list rather than its JSON page. */
class CsvNegotiationTest {

    private static boolean prefersCsv(String accept) {
        WritableHeaders<?> headers = WritableHeaders.create();
        if (!accept.isEmpty()) {
            headers.add(HeaderNames.ACCEPT, accept);
        }
        return CsvExport.prefersCsv(ServerRequestHeaders.create(headers).acceptedTypes());
    }

    @ParameterizedTest(name = "[{index}] Accept: {0} -> {1}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '`', value = {
            "`` -> json",
            "*/* -> json",
            "application/json -> json",
            "text/* -> json",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 -> json",
            "text/csv -> csv",
            "TEXT/CSV -> csv",
            "text/csv; charset=utf-8 -> csv",
            "text/csv, */*;q=0.1 -> csv",
            "text/csv, */* -> csv",
            "text/csv, application/* -> csv",
            "application/json;q=0.5, text/csv -> csv",
            "text/csv, application/json;q=0.9 -> csv",
            "text/csv, application/json -> json",
            "application/json, text/csv -> json",
            "text/csv;q=0.5, application/json -> json",
            "text/csv;q=0.5, */* -> json",
            "text/csv;q=0 -> json",
            "text/csv;q=0, */* -> json",
    })
    void givenAcceptHeader_whenListing_thenCsvOnlyWhenTextCsvIsPreferredOverJson(String accept, String expected) {
        assertEquals(expected.equals("csv"), prefersCsv(accept));
    }
}
