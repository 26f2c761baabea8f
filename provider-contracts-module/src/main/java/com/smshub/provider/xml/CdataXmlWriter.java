package com.smshub.provider.xml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;

/**
 * Writes the SAX events of a marshalled document as XML text, putting the text of the named elements in
 * CDATA sections, as SMS Pro asks for its {@code message} element (section 14.4). Characters the document's
 * encoding cannot carry cannot stand in CDATA either: they leave the section as character references, as
 * does the {@code ]]>} sequence, split across two sections. Everything else is escaped as usual.
 */
final class CdataXmlWriter implements ContentHandler {

    private final Writer out;
    private final String encoding;
    private final CharsetEncoder encoder;
    private final Set<String> cdataElements;
    private final List<String[]> pendingPrefixes = new ArrayList<>();
    private boolean startTagOpen;
    private boolean inCdataElement;

    CdataXmlWriter(Writer out, String encoding, Set<String> cdataElements) {
        this.out = out;
        this.encoding = encoding;
        this.encoder = Charset.forName(encoding).newEncoder();
        this.cdataElements = cdataElements;
    }

    @Override
    public void startDocument() {
        write("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n");
    }

    @Override
    public void endDocument() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
        pendingPrefixes.add(new String[] {prefix, uri});
    }

    @Override
    public void endPrefixMapping(String prefix) {
        // declared on the element that opened it
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        closeStartTag();
        StringBuilder tag = new StringBuilder("<").append(qName);
        for (String[] mapping : pendingPrefixes) {
            tag.append(mapping[0].isEmpty() ? " xmlns" : " xmlns:" + mapping[0]).append("=\"");
            escape(mapping[1], true, tag);
            tag.append('"');
        }
        pendingPrefixes.clear();
        for (int i = 0; i < attributes.getLength(); i++) {
            tag.append(' ').append(attributes.getQName(i)).append("=\"");
            escape(attributes.getValue(i), true, tag);
            tag.append('"');
        }
        write(tag.toString());
        startTagOpen = true;
        inCdataElement = cdataElements.contains(localName.isEmpty() ? qName : localName);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (startTagOpen) {
            write("/>");
            startTagOpen = false;
        } else {
            write("</" + qName + ">");
        }
        inCdataElement = false;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (length == 0) {
            return;
        }
        closeStartTag();
        StringBuilder text = new StringBuilder(length + 16);
        if (inCdataElement) {
            cdata(new String(ch, start, length), text);
        } else {
            escape(new String(ch, start, length), false, text);
        }
        write(text.toString());
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) {
        closeStartTag();
        write("<?" + target + (data == null || data.isEmpty() ? "" : " " + data) + "?>");
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        // not needed for writing
    }

    @Override
    public void skippedEntity(String name) {
        // a marshaller never skips entities
    }

    private void cdata(String value, StringBuilder text) {
        boolean open = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean endsSection = c == '>' && i >= 2 && value.charAt(i - 1) == ']' && value.charAt(i - 2) == ']';
            if (Character.isSurrogate(c) || !encoder.canEncode(c) || endsSection) {
                if (open) {
                    text.append("]]>");
                    open = false;
                }
                if (endsSection) {
                    text.append("&gt;");
                } else {
                    i += reference(value, i, text) - 1;
                }
                continue;
            }
            if (!open) {
                text.append("<![CDATA[");
                open = true;
            }
            text.append(c);
        }
        if (open) {
            text.append("]]>");
        }
    }

    private void escape(String value, boolean attribute, StringBuilder text) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> text.append("&amp;");
                case '<' -> text.append("&lt;");
                case '>' -> text.append("&gt;");
                case '"' -> text.append(attribute ? "&quot;" : "\"");
                case '\n', '\r', '\t' -> text.append(attribute ? "&#x" + Integer.toHexString(c).toUpperCase() + ";" : String.valueOf(c));
                default -> {
                    if (Character.isSurrogate(c) || !encoder.canEncode(c)) {
                        i += reference(value, i, text) - 1;
                    } else {
                        text.append(c);
                    }
                }
            }
        }
    }

    /** Writes the character at {@code i} as a character reference; how many chars it took (2 for a pair). */
    private static int reference(String value, int i, StringBuilder text) {
        int codePoint = value.codePointAt(i);
        text.append("&#x").append(Integer.toHexString(codePoint).toUpperCase()).append(';');
        return Character.charCount(codePoint);
    }

    private void closeStartTag() {
        if (startTagOpen) {
            write(">");
            startTagOpen = false;
        }
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
