package com.smshub.routing.entity;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One configured route as stored (JPA, like the accounts it names): recipients whose E.164 number starts with
 * {@code prefix} go to the account, for one tenant or (tenant null) for all.
 */
@Entity
@Table(name = "route")
@NamedQuery(name = RouteRule.ALL, query = "SELECT r FROM RouteRule r ORDER BY r.prefix, r.priority, r.id")
public class RouteRule {

    public static final String ALL = "RouteRule.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "tenant_id")
    private Long tenantId;

    @Column(name = "provider_account_id", nullable = false)
    private long accountId;

    private int priority;

    private boolean premium;

    @Column(name = "binary_content")
    private boolean binary;

    @Column(name = "price_amount")
    private BigDecimal priceAmount;

    @Column(name = "price_currency")
    private String priceCurrency;

    private boolean enabled;

    protected RouteRule() {
        // for JPA
    }

    public RouteRule(String prefix, Long tenantId, long accountId, int priority, boolean premium, boolean binary,
            BigDecimal priceAmount, String priceCurrency, boolean enabled) {
        this.prefix = prefix;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.priority = priority;
        this.premium = premium;
        this.binary = binary;
        this.priceAmount = priceAmount;
        this.priceCurrency = priceCurrency;
        this.enabled = enabled;
    }

    public Long getId() {
        return id;
    }

    public String getPrefix() {
        return prefix;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public long getAccountId() {
        return accountId;
    }

    public int getPriority() {
        return priority;
    }

    public boolean isPremium() {
        return premium;
    }

    public boolean isBinary() {
        return binary;
    }

    public BigDecimal getPriceAmount() {
        return priceAmount;
    }

    public String getPriceCurrency() {
        return priceCurrency;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
