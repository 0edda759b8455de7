package dev.warden.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One scrape of {@code /observe/metrics} as Prometheus reads it: samples by name and labels. The
 * {@code scope} label Helidon adds to every meter is dropped from the keys, so a key reads
 * {@code warden_logins_total{outcome="failed"}}.
 */
record PrometheusScrape(String text, Map<String, Double> samples) {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static PrometheusScrape of(String managementUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl + "/observe/metrics"))
                    .header("Accept", "text/plain").timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("scrape answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static PrometheusScrape parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int split = line.lastIndexOf(' ');
            String key = line.substring(0, split)
                    .replaceAll("scope=\"[^\"]*\",?", "")
                    .replace(",}", "}")
                    .replace("{}", "");
            String value = line.substring(split + 1);
            samples.put(key, value.equals("NaN") ? Double.NaN : Double.parseDouble(value));
        }
        return new PrometheusScrape(text, samples);
    }

    /** The value of one sample; fails when the series is missing. */
    double value(String key) {
        Double value = samples.get(key);
        if (value == null) {
            throw new AssertionError("no sample " + key + " in the scrape:\n" + text);
        }
        return value;
    }

    /**
     * Every sample name (without labels), the names a PromQL expression can select, and every
     * family name of a {@code # TYPE} line (a histogram's, whose samples carry suffixes).
     */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (String key : samples.keySet()) {
            int brace = key.indexOf('{');
            names.add(brace < 0 ? key : key.substring(0, brace));
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                names.add(line.split(" ")[2]);
            }
        }
        return names;
    }
}
