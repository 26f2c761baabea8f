package com.smshub.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A provider API SMS Hub routes to, by name only: the code its adapter declares ({@code MYMSP}, {@code SMSPRO},
 * {@code MYMOBILEAPI}, {@code MASIV}, {@code MOBIPACE} in this release). The kernel lists none of them: a provider
 * is its package, and the codes served are those of the adapters registered ({@code com.smshub.provider.spi.Providers}).
 * What each one can do is declared by its adapter ({@code com.smshub.provider.spi.Capabilities}), never here.
 * <p>
 * Compared with {@code equals}. The first codes met are also kept as one instance each, so that a comparison with
 * {@code ==} written when this was an enumeration still holds for every code the gateway serves; codes that callers
 * make up beyond that bound are not kept.
 */
public final class ProviderCode implements Comparable<ProviderCode> {

    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9_]{0,15}");
    private static final int KEPT = 64;
    private static final Map<String, ProviderCode> CODES = new ConcurrentHashMap<>();

    private final String name;

    private ProviderCode(String name) {
        this.name = name;
    }

    /**
     * The code of this name: capitals, digits and underscores, a capital first, at most 16 (the column that stores it).
     *
     * @throws InvalidValueException for any other name
     */
    public static ProviderCode valueOf(String name) {
        ProviderCode known = name == null ? null : CODES.get(name);
        if (known != null) {
            return known;
        }
        if (name == null || !FORM.matcher(name).matches()) {
            throw new InvalidValueException("A provider code is 1 to 16 capitals, digits or underscores, a capital first: "
                    + (name == null ? "none given" : "\"" + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "\""));
        }
        return CODES.size() < KEPT ? CODES.computeIfAbsent(name, ProviderCode::new) : new ProviderCode(name);
    }

    /** The code as written on the wire and in the database. */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderCode code && code.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public int compareTo(ProviderCode other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
