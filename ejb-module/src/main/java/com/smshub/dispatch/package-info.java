/**
 * Dispatch: message-driven beans take queued message ids and hand each message to a provider through its
 * adapter. A message goes out at most once per delivery of its JMS message and its status moves only
 * forward, so redeliveries change nothing twice; a failure that certainly did not send the message is
 * rethrown, so that the broker's redelivery (exponential back-off, bounded attempts) and then the
 * dead-letter queue do their work.
 */
package com.smshub.dispatch;
