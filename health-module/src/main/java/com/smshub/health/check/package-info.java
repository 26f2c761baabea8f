/**
 * The gateway's MicroProfile Health checks, served by the server on its management interface ({@code /health/live},
 * {@code /health/ready}; docs/operations.md). They live in a jar of the EAR's {@code lib/} because WildFly's health
 * extension registers the checks it finds from the EAR's own bean archives, not those of its EJB jar or WAR (each of
 * those got only its default {@code ready-deployment} check). What they report comes from the EJB module, through
 * {@link com.smshub.health.check.GatewayReadiness}, which it implements and this jar defines so both can see it.
 */
package com.smshub.health.check;
