import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the EAR's deployment spends its time, from server logs (benchmark/boot.sh writes one a boot): the time from
 * one landmark line to the next, the median over the logs given. For what happens inside an interval, a profile of
 * the boot (benchmark/boot.sh with BOOT_JAVA_OPTS=-XX:StartFlightRecording=..., benchmark/JfrSummary.java).
 *   java benchmark/BootPhases.java <server log>...
 */
public class BootPhases {

    /** Each phase ends at the first line with its landmark after the previous phase's. */
    static final Map<String, String> PHASES = new LinkedHashMap<>();

    static {
        // landmarks, not steps: between two of them the deployment's services start in parallel (Weld, Hibernate,
        // CXF, the MDBs, Artemis when the server itself is booting), so an interval is where its landmark waited
        PHASES.put("until Weld takes the EAR (structure, indexes)", "WFLYWELD0003: Processing weld deployment smshub.ear");
        PHASES.put("until JBossWS has the endpoint's metadata", "JBWS024061");
        PHASES.put("until CXF publishes the endpoint", "Setting the server's publish address");
        PHASES.put("until Undertow starts the web module", "UT015020");
        PHASES.put("until Flyway has migrated, demo data", "Database schema at version");
        PHASES.put("until Deployed", "WFLYSRV0010: Deployed \"smshub.ear\"");
    }

    static final Pattern TIME = Pattern.compile("(\\d\\d):(\\d\\d):(\\d\\d),(\\d\\d\\d) ");

    public static void main(String[] logs) throws IOException {
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        PHASES.keySet().forEach(phase -> seconds.put(phase, new ArrayList<>()));
        for (String log : logs) {
            double previous = -1;
            var phases = new ArrayList<>(PHASES.entrySet());
            int next = 0;
            for (String line : Files.readAllLines(Path.of(log), StandardCharsets.ISO_8859_1)) {
                Matcher time = TIME.matcher(line);
                if (!time.find()) {
                    continue;
                }
                double at = (Integer.parseInt(time.group(1)) * 60 + Integer.parseInt(time.group(2))) * 60
                        + Integer.parseInt(time.group(3)) + Integer.parseInt(time.group(4)) / 1e3;
                if (previous < 0) {
                    if (line.contains("WFLYSRV0027: Starting deployment of \"smshub.ear\"")) {
                        previous = at;
                    }
                    continue;
                }
                if (next < phases.size() && line.contains(phases.get(next).getValue())) {
                    seconds.get(phases.get(next).getKey()).add(at - previous);
                    previous = at;
                    next++;
                }
            }
        }
        seconds.forEach((phase, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            double median = sorted.isEmpty() ? Double.NaN : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            System.out.printf("  %-48s median %.2f s (%s)%n", phase, median,
                    String.join(" ", values.stream().map(v -> String.format("%.1f", v)).toList()));
        });
    }
}
