/**
 * Metrics: what the gateway did, counted where it happens and served by WildFly's Micrometer subsystem in
 * Prometheus' format ({@code http://<management>:9990/metrics}; docs/operations.md, "Metrics"). Counts that
 * describe a write are taken after its transaction commits, so a rolled-back acceptance or report is never
 * counted. Depends on nothing of the gateway's features: they call it.
 */
package com.smshub.metrics;
