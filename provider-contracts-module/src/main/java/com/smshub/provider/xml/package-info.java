/**
 * Reading and writing the providers' XML with the JAXB types generated from {@code xsd/}. The generated
 * packages ({@code com.smshub.provider.*.xml}) are never edited; everything hand-written about the wire
 * formats lives here or in the provider's own package.
 */
package com.smshub.provider.xml;
