package com.smshub.routing.entity;

/**
 * One address an operator gives a provider to push to for an account, with what the provider sends there.
 *
 * @param url the whole address, the account's key in it and, where the account asks for HTTP Basic, its user and
 *            password ({@code https://user:password@gateway.example/smshub/callbacks/...})
 */
public record PushAddress(String path, String url, String what) {
}
