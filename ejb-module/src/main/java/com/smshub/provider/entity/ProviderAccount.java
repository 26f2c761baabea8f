package com.smshub.provider.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import com.smshub.provider.ProviderCode;

/** An account SMS Hub holds with a provider, as configured by the operators. */
@Entity
@Table(name = "provider_account")
@NamedQuery(name = ProviderAccount.ENABLED,
        query = "SELECT a FROM ProviderAccount a WHERE a.enabled = TRUE ORDER BY a.provider, a.name")
public class ProviderAccount {

    public static final String ENABLED = "ProviderAccount.enabled";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ProviderCode provider;

    @Column(nullable = false)
    private String name;

    @Column(name = "endpoint_url", nullable = false)
    private String endpointUrl;

    private String username;

    private String secret;

    private boolean enabled;

    @Column(name = "max_per_second")
    private Integer maxPerSecond;

    @Column(name = "max_concurrent")
    private Integer maxConcurrent;

    @Column(name = "recipients_per_request")
    private Integer recipientsPerRequest;

    protected ProviderAccount() {
        // for JPA
    }

    public ProviderAccount(ProviderCode provider, String name, String endpointUrl, String username, String secret) {
        this.provider = provider;
        this.name = name;
        this.endpointUrl = endpointUrl;
        this.username = username;
        this.secret = secret;
        this.enabled = true;
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

    /** The provider's base address for this account. */
    public String getEndpointUrl() {
        return endpointUrl;
    }

    /** The user or customer id the provider issued. */
    public String getUsername() {
        return username;
    }

    /** The password or key the provider issued. */
    public String getSecret() {
        return secret;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** At most this many messages a second to this account, or null for no limit. */
    public Integer getMaxPerSecond() {
        return maxPerSecond;
    }

    /** How many recipients of one text may share one request to this account; 1 when not configured. */
    public int getRecipientsPerRequest() {
        return recipientsPerRequest == null ? 1 : recipientsPerRequest;
    }

    /** At most this many requests at once to this account, or null for no limit. */
    public Integer getMaxConcurrent() {
        return maxConcurrent;
    }

    @Override
    public String toString() {
        return "ProviderAccount[" + provider + " " + name + "]";
    }
}
