/**
 * Inbound messages: what subscribers send, as providers deliver it, stored once each, routed to a tenant by
 * the operators' inbound rules (account, short code, destination suffix, keyword), linked to the message it
 * answers, and read by the tenant as a cursor feed (GetInboundMessages). The service keywords of SMS Pro's
 * section 12 (STOP/STOPP, TEST, INFO) are acted on here for every provider: STOP opts the subscriber out
 * through the sending feature's opt-out list, and answers are sent as the tenant's own messages. Depends on
 * the kernel, the provider boundary's {@code InboundMessage}, tenant, routing (account names) and sending.
 */
package com.smshub.inbound;
