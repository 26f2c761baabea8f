/**
 * The addresses providers push delivery reports and inbound messages to. They are not called by tenants:
 * each provider is authenticated by what its protocol allows (for SMS Pro, a per-message token in the
 * address the report goes to), so web.xml leaves /callbacks/* out of tenant authentication.
 */
package com.smshub.gateway.callback;
