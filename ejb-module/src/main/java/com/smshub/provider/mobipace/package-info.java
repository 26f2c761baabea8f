/**
 * MOBIPACE (Russia), HTTP API 3.0: JSON over HTTPS POST with a session (authorize, then Send, Calculate,
 * QueryMessages, QueryBalance), read and written with the JSON records of {@code
 * com.smshub.provider.mobipace.json}; its account settings and the mapping of its codes.
 * docs/providers/mobipace.md.
 */
package com.smshub.provider.mobipace;
