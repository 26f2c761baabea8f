package com.smshub.provider;

/** The provider APIs SMS Hub routes to. */
public enum ProviderCode {
    /** myMSP (21st Century Mobile), SMPP 3.4; texts up to 765 characters (result code 105). */
    MYMSP(765),
    /** SMS Pro / Billing Pro (Telenor Sweden), XML over HTTPS; splits long texts itself (table 1). */
    SMSPRO(1600),
    /** MyMobileAPI legacy web services (.asmx). */
    MYMOBILEAPI(1600),
    /** Estratec Masiv, HTTP GET with XML answers, and SMPP 3.4; long texts with longMessage=true. */
    MASIV(1600),
    /** MOBIPACE HTTP API 3.0, JSON sessions; at most 500 characters (limitation 3). */
    MOBIPACE(500);

    private final int maxTextCharacters;

    ProviderCode(int maxTextCharacters) {
        this.maxTextCharacters = maxTextCharacters;
    }

    /** The longest text the provider takes in one request. */
    public int maxTextCharacters() {
        return maxTextCharacters;
    }
}
