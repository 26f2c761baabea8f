/**
 * SMS Pro / Billing Pro (Telenor Sweden), interface specification 3.3.1: its client, its account
 * configuration and the mapping of its codes. Its XML types are generated into
 * {@code com.smshub.provider.smspro.xml} and never leave this package.
 */
package com.smshub.provider.smspro;
