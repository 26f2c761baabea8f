/**
 * myMSP (21st Century Mobile, Sweden; specification 000, API v2 rev K) over SMPP 3.4 (section 4.3): send
 * SMS, receive send status (delivery receipts), receive incoming SMS. The session, PDUs and receipts are
 * the shared {@code com.smshub.provider.smpp}; this package adds myMSP's limits (sender alias at most 11
 * characters, text at most 765, section 3.3's code 105) and its message statuses and result codes (3.2, 3.3).
 */
package com.smshub.provider.mymsp;
