/**
 * XML from outside, read safely: one set of limits ({@link com.smshub.xml.XmlLimits}) for every door a
 * document comes in by, and parsers that load nothing external ({@link com.smshub.xml.HardenedXml}). Shared by
 * the gateway's JMS intake, the provider formats and the simulators.
 */
package com.smshub.xml;
