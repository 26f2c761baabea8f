/**
 * Long-lived provider sessions owned by the server: the keeper opens, keeps alive, reopens and closes each
 * account's session, and a lease in the database holds it on one node of a cluster at a time. Providers
 * take part through {@code SessionProviding}.
 */
package com.smshub.session;
