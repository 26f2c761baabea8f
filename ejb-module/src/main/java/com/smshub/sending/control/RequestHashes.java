package com.smshub.sending.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.smshub.sending.entity.SendCommand;

/** A digest of everything a send asks for, to tell a repeated call from a different one with the same reference. */
public final class RequestHashes {

    private RequestHashes() {
    }

    public static String of(SendCommand command) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // records print every component in declaration order, so equal requests print equally
            return HexFormat.of().formatHex(digest.digest(command.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
