package com.smshub.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The Grafana dashboard in docs/grafana asks only for the meters the gateway makes, as Prometheus names them. */
class DashboardTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyGatewaySeriesTheDashboardQueriesIsAMeterOfGatewayMetrics() throws IOException {
        Set<String> served = new TreeSet<>();
        Matcher meter = Pattern.compile("\"(smshub\\.[a-z.]+)\"").matcher(Files.readString(
                ROOT.resolve("ejb-module/src/main/java/com/smshub/metrics/control/GatewayMetrics.java"), StandardCharsets.UTF_8));
        while (meter.find()) {
            String base = meter.group(1).replace('.', '_');
            // a counter, a timer (seconds), a gauge
            served.addAll(Set.of(base + "_total", base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max", base));
        }
        Set<String> queried = new TreeSet<>();
        Matcher series = Pattern.compile("\\b(smshub_[a-z_]+)").matcher(
                Files.readString(ROOT.resolve("docs/grafana/smshub.json"), StandardCharsets.UTF_8));
        while (series.find()) {
            queried.add(series.group(1));
        }
        assertTrue(queried.size() >= 8, "the dashboard was read: " + queried);
        queried.removeAll(served);
        assertEquals(Set.of(), queried, "queried by the dashboard, made by no meter");
    }
}
