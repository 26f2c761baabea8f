/**
 * The JMS boundary: batch sends that ERP systems put on a queue instead of calling SOAP.
 */
package com.smshub.gateway.jms;
