package com.smshub.provider;

/** The provider APIs SMS Hub routes to. */
public enum ProviderCode {
    /** myMSP (21st Century Mobile), SMPP 3.4; texts up to 765 characters (result code 105). */
    MYMSP(765, false),
    /** SMS Pro / Billing Pro (Telenor Sweden), XML over HTTPS; splits long texts itself (table 1); bills MTB and debits. */
    SMSPRO(1600, true),
    /** MyMobileAPI legacy web services (.asmx). */
    MYMOBILEAPI(1600, false),
    /** Estratec Masiv, HTTP GET with XML answers, and SMPP 3.4; long texts with longMessage=true. */
    MASIV(1600, false),
    /** MOBIPACE HTTP API 3.0, JSON sessions; at most 500 characters (limitation 3). */
    MOBIPACE(500, false);

    private final int maxTextCharacters;
    private final boolean billsPremium;

    ProviderCode(int maxTextCharacters, boolean billsPremium) {
        this.maxTextCharacters = maxTextCharacters;
        this.billsPremium = billsPremium;
    }

    /** Whether the provider charges subscribers for premium messages (of the five, only SMS Pro's MTB does). */
    public boolean billsPremium() {
        return billsPremium;
    }

    /** The longest text the provider takes in one request. */
    public int maxTextCharacters() {
        return maxTextCharacters;
    }
}
