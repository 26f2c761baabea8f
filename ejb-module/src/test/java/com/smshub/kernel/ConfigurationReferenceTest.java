package com.smshub.kernel;

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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is the whole list: every {@code smshub.*} setting the gateway's code reads (a string literal
 * in the EJB and web modules) or its server configuration resolves (an expression in the CLI scripts) is a row of
 * it, and every row is read somewhere.
 */
class ConfigurationReferenceTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern IN_JAVA = Pattern.compile("\"(smshub\\.[a-z0-9.-]+)\"");
    private static final Pattern IN_CLI = Pattern.compile("\\$\\{(smshub\\.[a-z0-9.-]+)[:}]");
    private static final Pattern ROW = Pattern.compile("^\\| `(smshub\\.[a-z0-9.-]+)` \\|", Pattern.MULTILINE);

    @Test
    void everySettingReadIsARowOfTheReferenceAndEveryRowIsRead() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String source : new String[] {"ejb-module/src/main/java", "web-module/src/main/java"}) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(source))) {
                // the metrics package names meters (smshub.messages.accepted, ...), which are not settings
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/com/smshub/metrics/")).toList()) {
                    collect(IN_JAVA, Files.readString(file, StandardCharsets.UTF_8), read);
                }
            }
        }
        try (Stream<Path> scripts = Files.list(ROOT.resolve("server-module/src/main/cli"))) {
            for (Path script : scripts.filter(f -> f.toString().endsWith(".cli")).toList()) {
                collect(IN_CLI, Files.readString(script, StandardCharsets.UTF_8), read);
            }
        }
        // the CLI's own inputs, documented below the tables: read only while the scripts configure the server
        read.removeAll(Set.of("smshub.broker.jar", "smshub.datasource.jar", "smshub.postgresql.jar"));
        Set<String> documented = new TreeSet<>();
        collect(ROW, Files.readString(ROOT.resolve("docs/configuration.md"), StandardCharsets.UTF_8), documented);

        assertTrue(read.size() > 30, "the sources were read: " + read);
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "read but not in docs/configuration.md");
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(read);
        assertEquals(Set.of(), stale, "in docs/configuration.md but read nowhere");
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
