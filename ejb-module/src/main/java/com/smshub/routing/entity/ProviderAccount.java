package com.smshub.routing.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import com.smshub.kernel.ProviderCode;

/**
 * An account SMS Hub holds with a provider, as operators configure it (JPA: a handful of rows, changed by
 * hand, read through a cache). The secret is stored sealed ({@code secret_sealed}); the provider-specific
 * settings as a JSON object. Accounts are disabled, never deleted: messages keep naming the account they
 * went through.
 */
@Entity
@Table(name = "provider_account")
@NamedQuery(name = ProviderAccount.ALL, query = "SELECT a FROM ProviderAccount a ORDER BY a.name")
@NamedQuery(name = ProviderAccount.BY_NAME, query = "SELECT a FROM ProviderAccount a WHERE a.name = :name")
public class ProviderAccount {

    public static final String ALL = "ProviderAccount.all";
    public static final String BY_NAME = "ProviderAccount.byName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Convert(converter = ProviderCodeColumn.class)
    @Column(nullable = false, updatable = false)
    private ProviderCode provider;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "endpoint_url", nullable = false)
    private String endpointUrl;

    private String username;

    @Column(name = "secret_sealed")
    private String sealedSecret;

    /** The provider-specific settings, a JSON object of names and values. */
    private String settings;

    private boolean enabled;

    @Column(name = "max_per_second")
    private Integer maxPerSecond;

    @Column(name = "max_concurrent")
    private Integer maxConcurrent;

    @Column(name = "push_key_sealed")
    private String sealedPushKey;

    @Column(name = "previous_push_key_sealed")
    private String sealedPreviousPushKey;

    @Column(name = "push_key_rotated_at")
    private OffsetDateTime pushKeyRotatedAt;

    @Column(name = "push_username")
    private String pushUsername;

    @Column(name = "push_password_sealed")
    private String sealedPushPassword;

    /** Comma-separated CIDR blocks pushes may come from; null for anywhere. */
    @Column(name = "ambiguous_attempts", nullable = false)
    @Enumerated(EnumType.STRING)
    private AmbiguityPolicy ambiguousAttempts = AmbiguityPolicy.HOLD;

    @Column(name = "push_allow_from")
    private String pushAllowFrom;

    protected ProviderAccount() {
        // for JPA
    }

    public ProviderAccount(ProviderCode provider, String name) {
        this.provider = provider;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public ProviderCode getProvider() {
        return provider;
    }

    public String getName() {
        return name;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    public String getUsername() {
        return username;
    }

    public String getSealedSecret() {
        return sealedSecret;
    }

    public String getSettings() {
        return settings;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Integer getMaxPerSecond() {
        return maxPerSecond;
    }

    public Integer getMaxConcurrent() {
        return maxConcurrent;
    }

    public String getSealedPushKey() {
        return sealedPushKey;
    }

    public String getSealedPreviousPushKey() {
        return sealedPreviousPushKey;
    }

    public OffsetDateTime getPushKeyRotatedAt() {
        return pushKeyRotatedAt;
    }

    public String getPushUsername() {
        return pushUsername;
    }

    public String getSealedPushPassword() {
        return sealedPushPassword;
    }

    public AmbiguityPolicy getAmbiguousAttempts() {
        return ambiguousAttempts;
    }

    public String getPushAllowFrom() {
        return pushAllowFrom;
    }

    /** A new push key; the one before stays valid a while (PushCredentials) for what is still on its way to it. */
    public void rotatePushKey(String sealedKey, OffsetDateTime now) {
        if (this.sealedPushKey != null) {
            this.sealedPreviousPushKey = this.sealedPushKey;
            this.pushKeyRotatedAt = now;
        }
        this.sealedPushKey = sealedKey;
    }

    /**
     * How pushes must authenticate beyond the key: HTTP Basic (a null username for none; a null sealed password
     * keeps the stored one) and the addresses they may come from (null for anywhere).
     */
    public void configurePush(String username, String sealedPassword, String allowFrom) {
        this.pushUsername = username;
        if (username == null) {
            this.sealedPushPassword = null;
        } else if (sealedPassword != null) {
            this.sealedPushPassword = sealedPassword;
        }
        this.pushAllowFrom = allowFrom;
    }

    /**
     * Its sealed values sealed again under a new key (the same secrets): each non-null one replaces the stored one.
     * The settings are the whole stored settings, their secret ones sealed again.
     */
    public void resealed(String secret, String pushKey, String previousPushKey, String pushPassword, String settings) {
        if (secret != null) {
            this.sealedSecret = secret;
        }
        if (pushKey != null) {
            this.sealedPushKey = pushKey;
        }
        if (previousPushKey != null) {
            this.sealedPreviousPushKey = previousPushKey;
        }
        if (pushPassword != null) {
            this.sealedPushPassword = pushPassword;
        }
        if (settings != null) {
            this.settings = settings;
        }
    }

    /** Takes what an operator configured; a null sealed secret keeps the stored one. */
    public void configure(String endpointUrl, String username, String sealedSecret, String settings, boolean enabled,
            Integer maxPerSecond, Integer maxConcurrent, AmbiguityPolicy ambiguousAttempts) {
        this.ambiguousAttempts = ambiguousAttempts == null ? AmbiguityPolicy.HOLD : ambiguousAttempts;
        this.endpointUrl = endpointUrl;
        this.username = username;
        if (sealedSecret != null) {
            this.sealedSecret = sealedSecret;
        }
        this.settings = settings;
        this.enabled = enabled;
        this.maxPerSecond = maxPerSecond;
        this.maxConcurrent = maxConcurrent;
    }

    @Override
    public String toString() {
        return "ProviderAccount[" + provider + " " + name + "]";
    }
}
