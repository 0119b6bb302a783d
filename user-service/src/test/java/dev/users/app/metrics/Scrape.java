package dev.users.app.metrics;

import dev.users.app.support.Http;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One answer of {@code /actuator/prometheus}, in Prometheus' text format. */
record Scrape(String text) {

    static Scrape of(int port) {
        Http.Response response = new Http(port, null).get("/actuator/prometheus");
        if (response.status() != 200) {
            throw new AssertionError("/actuator/prometheus answered " + response);
        }
        return new Scrape(response.text());
    }

    /** Every metric name with at least one sample. */
    Set<String> names() {
        return text.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label} (e.g. {@code processor="x"}). */
    Optional<Double> value(String name, String label) {
        return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> label == null || line.contains(label))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst();
    }
}
