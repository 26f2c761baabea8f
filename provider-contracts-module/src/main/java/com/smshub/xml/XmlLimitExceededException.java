package com.smshub.xml;

import org.xml.sax.SAXException;

/** A document over one of {@link XmlLimits}; it is not read further. */
public class XmlLimitExceededException extends SAXException {

    public XmlLimitExceededException(String message) {
        super(message);
    }
}
