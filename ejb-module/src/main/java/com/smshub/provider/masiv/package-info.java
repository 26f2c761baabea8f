/**
 * Estratec Masiv (Colombia), HTTP API 4.2: sendmessage and getMessage over HTTP GET, answered in XML
 * (generated from xsd/masiv into {@code com.smshub.provider.masiv.xml}); its account settings and the mapping
 * of its codes. docs/providers/masiv.md. Its SMPP option is the shared SMPP connector's.
 */
package com.smshub.provider.masiv;
