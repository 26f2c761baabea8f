package com.smshub.xml;

/**
 * The limits every XML document the gateway reads is held to, whichever door it comes in by: SOAP calls
 * (CXF's own parser, set to these numbers by server-module's smshub.cli), JMS batches and provider callbacks
 * (parsed by {@link HardenedXml}). A test keeps the CLI and these numbers the same.
 */
public final class XmlLimits {

    /** Nesting of elements. */
    public static final int MAX_ELEMENT_DEPTH = 32;
    /** Children of one element: a batch of 20,000 messages fits. */
    public static final int MAX_CHILD_ELEMENTS = 25_000;
    /** Attributes of one element. */
    public static final int MAX_ATTRIBUTE_COUNT = 64;
    /** Characters of one attribute value. */
    public static final int MAX_ATTRIBUTE_SIZE = 8_192;
    /** Characters of one text node. */
    public static final int MAX_TEXT_LENGTH = 131_072;
    /** Elements in one document. */
    public static final int MAX_ELEMENT_COUNT = 1_000_000;
    /** Characters (for a byte stream: bytes) of one document. */
    public static final long MAX_XML_CHARACTERS = 33_554_432;

    private XmlLimits() {
    }
}
