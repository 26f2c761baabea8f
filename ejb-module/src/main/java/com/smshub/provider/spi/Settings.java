package com.smshub.provider.spi;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.smshub.kernel.InvalidValueException;

/**
 * An account's provider-specific settings as an operator wrote them: names and text values. Each provider
 * reads them into a typed record of its own (SmsProSettings, say) and documents them in
 * {@code docs/providers/<provider>.md}; {@link ProviderAdapter#checkSettings} refuses what it does not know.
 */
public record Settings(Map<String, String> values) {

    public static final Settings NONE = new Settings(Map.of());

    public Settings {
        values = Map.copyOf(new TreeMap<>(values));
    }

    public static Settings of(Map<String, String> values) {
        return values == null || values.isEmpty() ? NONE : new Settings(values);
    }

    public Set<String> names() {
        return values.keySet();
    }

    public String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /** An integer setting within bounds, or the default when absent. */
    public int integer(String name, int otherwise, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new InvalidValueException(name + " is " + min + " to " + max + ", not " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(name + " is a whole number, not '" + value + "'");
        }
    }

    /** A true/false setting, or the default when absent. */
    public boolean flag(String name, boolean otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValueException(name + " is true or false, not '" + value + "'");
        };
    }

    /** An http or https address, or null when absent. */
    public String url(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        java.net.URI uri;
        try {
            uri = java.net.URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new InvalidValueException(name + " is an http or https address, not '" + value + "'");
        }
        return uri.toString();
    }

    /** Refuses any setting not among these names, naming those it knows. */
    public void allowOnly(String provider, Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidValueException(provider + " has no setting '" + name + "'"
                        + (known.isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", new TreeSet<>(known))));
            }
        }
    }
}
