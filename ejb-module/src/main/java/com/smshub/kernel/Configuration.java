package com.smshub.kernel;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The gateway's own settings ({@code smshub.*}, every one in docs/configuration.md), read once where they are used,
 * through MicroProfile Config (WildFly's): a system property of that name ({@code -Dsmshub.dispatch.most-attempts=5}),
 * the environment variable of the same name in capitals with underscores ({@code SMSHUB_DISPATCH_MOST_ATTEMPTS}), or
 * any config source the server adds (a directory of files, as Kubernetes mounts a secret), else the default. A value
 * that is not what the setting takes stops the deployment naming the setting, rather than being taken silently as the
 * default. Outside the server (plain unit tests) the system property and the environment are read directly.
 */
public final class Configuration {

    private Configuration() {
    }

    /** The environment variable that stands for the setting: {@code smshub.status.poll-interval-ms} is {@code SMSHUB_STATUS_POLL_INTERVAL_MS}. */
    public static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The setting as written, or null where no config source has it. */
    public static String text(String name) {
        String value = configured(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String configured(String name) {
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (IllegalStateException noImplementation) {
            // no MicroProfile Config implementation: a unit test's JVM, not the server
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(environmentName(name));
        }
        return config.getOptionalValue(name, String.class).orElse(null);
    }

    /** The setting as written, or {@code fallback}. */
    public static String text(String name, String fallback) {
        String value = text(name);
        return value == null ? fallback : value;
    }

    /** A whole number; {@code fallback} where unset. */
    public static long number(String name, long fallback) {
        return parsed(name, fallback, Long::valueOf);
    }

    /** A whole number that fits an int; {@code fallback} where unset. */
    public static int integer(String name, int fallback) {
        return parsed(name, fallback, Integer::valueOf);
    }

    /** A number of seconds; {@code fallback} seconds where unset. */
    public static Duration seconds(String name, long fallback) {
        return Duration.ofSeconds(number(name, fallback));
    }

    /** A number of milliseconds; {@code fallback} milliseconds where unset. */
    public static Duration millis(String name, long fallback) {
        return Duration.ofMillis(number(name, fallback));
    }

    /** {@code true} or {@code false}; false where unset. */
    public static boolean flag(String name) {
        String value = text(name);
        if (value == null) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(name + " is true or false, not \"" + value + "\"");
    }

    private static <T extends Number> T parsed(String name, T fallback, Function<String, T> parse) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            T number = parse.apply(value);
            if (number.longValue() < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is a whole number, not \"" + value + "\"", e);
        }
    }
}
