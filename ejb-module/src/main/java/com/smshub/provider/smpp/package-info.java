/**
 * SMPP 3.4, shared by the providers that offer it (myMSP; Masiv's SMPP option): a bound session per account
 * on jSMPP ({@link com.smshub.provider.smpp.SmppConnection}), submit_sm with the account's data coding,
 * delivery receipts read from deliver_sm (text or TLVs) and handed to the core's port by the provider's id in
 * one canonical form ({@link com.smshub.provider.smpp.SmppIds}), and SMPP's command statuses mapped onto send
 * outcomes ({@link com.smshub.provider.smpp.SmppCodes}). A provider's adapter adds its own limits and codes.
 */
package com.smshub.provider.smpp;
