/**
 * The addresses providers push delivery reports, inbound messages and billing results to. They are not called
 * by tenants, so web.xml leaves /callbacks/* out of tenant authentication: each push is authenticated to its
 * provider account by the key in its address, and by HTTP Basic and its source address where the operator asks
 * for them (docs/security.md), before anything of it is read.
 */
package com.smshub.gateway.callback;
