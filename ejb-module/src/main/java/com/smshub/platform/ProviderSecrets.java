package com.smshub.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Provider accounts' secrets, sealed for the database with the key of the server's credential store
 * ({@link CredentialStoreKey}) and opened only where an adapter needs them. The key is read once.
 */
@ApplicationScoped
public class ProviderSecrets {

    private SecretBox box;

    @PostConstruct
    void load() {
        box = new SecretBox(CredentialStoreKey.load());
    }

    /** The secret sealed for the account of this name. */
    public String seal(String secret, String accountName) {
        return box.seal(secret, accountName);
    }

    /**
     * What a secret setting's sealed value is bound to, so that another account's or another setting's cannot be
     * swapped in.
     */
    public static String settingSealedFor(String accountName, String setting) {
        return accountName + "#setting:" + setting;
    }

    /** The account's secret, opened. */
    public String open(String sealed, String accountName) {
        return box.open(sealed, accountName);
    }
}
