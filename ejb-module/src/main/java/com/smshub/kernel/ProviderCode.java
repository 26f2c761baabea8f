package com.smshub.kernel;

/**
 * The provider APIs SMS Hub routes to, by name only. What each one can do is declared by its adapter
 * ({@code com.smshub.provider.spi.Capabilities}), never here.
 */
public enum ProviderCode {
    /** myMSP (21st Century Mobile), SMPP 3.4. */
    MYMSP,
    /** SMS Pro / Billing Pro (Telenor Sweden), XML over HTTPS. */
    SMSPRO,
    /** MyMobileAPI legacy web services (.asmx). */
    MYMOBILEAPI,
    /** Estratec Masiv, HTTP GET with XML answers, and SMPP 3.4. */
    MASIV,
    /** MOBIPACE HTTP API 3.0, JSON sessions. */
    MOBIPACE
}
