package com.smshub.routing.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.smshub.kernel.AddressRange;

/**
 * What a push to one account must show, opened from the account's row: the key in its address (or, for a day
 * after a rotation, the key before it), HTTP Basic credentials where the operator set them, and the addresses
 * it may come from. Compared in constant time: a wrong guess takes as long as a right one.
 *
 * @param previousKey the key before the last rotation, or null
 * @param rotatedAt   when the key was last rotated, or null
 * @param username    the HTTP Basic user pushes must present, or null for none
 * @param allowFrom   where pushes may come from; empty for anywhere
 */
public record PushCredentials(String key, String previousKey, OffsetDateTime rotatedAt, String username, String password,
        List<AddressRange> allowFrom) {

    /** How long the key before a rotation is still taken. */
    public static final Duration PREVIOUS_KEY_VALID = Duration.ofHours(24);

    public PushCredentials {
        allowFrom = allowFrom == null ? List.of() : List.copyOf(allowFrom);
    }

    /** Whether the key in a push's address is the account's (or, within a day of a rotation, the one before). */
    public boolean keyMatches(String presented) {
        if (presented == null || key == null) {
            return false;
        }
        boolean current = same(key, presented);
        boolean previous = previousKey != null && rotatedAt != null
                && OffsetDateTime.now(ZoneOffset.UTC).isBefore(rotatedAt.plus(PREVIOUS_KEY_VALID)) && same(previousKey, presented);
        return current | previous;
    }

    /** Whether the presented Basic credentials are the ones set; true when none are set. */
    public boolean basicMatches(String presentedUser, String presentedPassword) {
        if (username == null) {
            return true;
        }
        return presentedUser != null && presentedPassword != null
                & same(username, presentedUser) & same(password == null ? "" : password, presentedPassword);
    }

    /** Whether a push from this address may come in. */
    public boolean allows(String remoteAddress) {
        return allowFrom.isEmpty() || AddressRange.anyContains(allowFrom, remoteAddress);
    }

    private static boolean same(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "PushCredentials[basic=" + (username != null) + ", allowFrom=" + allowFrom + "]";
    }
}
