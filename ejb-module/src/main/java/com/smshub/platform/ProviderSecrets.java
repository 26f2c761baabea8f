package com.smshub.platform;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Provider accounts' secrets, sealed for the database with the key of the server's credential store
 * ({@link CredentialStoreKey}) and opened only where an adapter needs them. The keys are read once. While the key
 * is rotated, what a previous key sealed still opens, and {@link #resealed} seals it again with the current one.
 */
@ApplicationScoped
public class ProviderSecrets {

    private SecretBox box;
    private List<SecretBox> previous;

    public ProviderSecrets() {
    }

    /** With these keys, the current one first (plain tests). */
    ProviderSecrets(SecretBox current, List<SecretBox> previous) {
        this.box = current;
        this.previous = previous;
    }

    @PostConstruct
    void load() {
        box = new SecretBox(CredentialStoreKey.load());
        previous = CredentialStoreKey.previous().stream().map(SecretBox::new).toList();
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

    /**
     * A secret opened, with the current key or else a previous one (a rotation under way).
     *
     * @throws IllegalArgumentException when no key opens it for this context
     */
    public String open(String sealed, String context) {
        try {
            return box.open(sealed, context);
        } catch (IllegalArgumentException notCurrent) {
            for (SecretBox earlier : previous) {
                try {
                    return earlier.open(sealed, context);
                } catch (IllegalArgumentException notThisOne) {
                    // the next one, older
                }
            }
            throw notCurrent;
        }
    }

    /** The value sealed again with the current key; null where the current key sealed it already. */
    public String resealed(String sealed, String context) {
        try {
            box.open(sealed, context);
            return null;
        } catch (IllegalArgumentException notCurrent) {
            return box.seal(open(sealed, context), context);
        }
    }
}
