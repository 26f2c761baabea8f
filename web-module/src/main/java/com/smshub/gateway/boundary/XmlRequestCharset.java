package com.smshub.gateway.boundary;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads a SOAP request whose {@code Content-Type} names no charset as RFC 7303 (section 3.2) and XML 1.0
 * (appendix F) say: by its byte order mark, else by the encoding of its XML declaration, else as UTF-8. Left to
 * the servlet container and CXF, such a body is read as ISO-8859-1 (the HTTP/1.1 default for text/*), and
 * "Räksmörgås" sent by {@code curl -H 'Content-Type: text/xml'} was stored and sent on as "RÃ¤ksmÃ¶rgÃ¥s" without an
 * error. The charset found is added to the request's content type, which is what CXF reads; a charset the client
 * named is never second-guessed.
 */
public class XmlRequestCharset extends HttpFilter {

    /** Enough of the body for a BOM and an XML declaration with its encoding. */
    static final int PREFIX = 256;

    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || CHARSET.matcher(type).find() || !xml(type)) {
            chain.doFilter(request, response);
            return;
        }
        ServletInputStream body = request.getInputStream();
        byte[] prefix = body.readNBytes(PREFIX);
        String charset = charsetOf(prefix, prefix.length);
        chain.doFilter(new Read(request, type, charset, prefix, body), response);
    }

    private static boolean xml(String type) {
        String media = type.toLowerCase(Locale.ROOT);
        return media.startsWith("text/xml") || media.startsWith("application/soap+xml") || media.startsWith("application/xml");
    }

    /** The charset of an XML document that begins with these bytes and came without one named. */
    static String charsetOf(byte[] prefix, int length) {
        if (starts(prefix, length, 0xEF, 0xBB, 0xBF)) {
            return "UTF-8";
        }
        if (starts(prefix, length, 0xFE, 0xFF) || starts(prefix, length, 0x00, '<', 0x00, '?')) {
            return "UTF-16BE";
        }
        if (starts(prefix, length, 0xFF, 0xFE) || starts(prefix, length, '<', 0x00, '?', 0x00)) {
            return "UTF-16LE";
        }
        // an ASCII-compatible encoding: its declaration, if any, is readable as ASCII
        Matcher declared = DECLARED.matcher(new String(prefix, 0, length, StandardCharsets.US_ASCII));
        if (declared.find()) {
            String name = declared.group(1);
            try {
                if (Charset.isSupported(name)) {
                    return Charset.forName(name).name();
                }
            } catch (IllegalCharsetNameException e) {
                // not a name: the document is read as UTF-8 and its parser says what is wrong
            }
        }
        return "UTF-8";
    }

    private static boolean starts(byte[] bytes, int length, int... with) {
        if (length < with.length) {
            return false;
        }
        for (int i = 0; i < with.length; i++) {
            if ((bytes[i] & 0xFF) != with[i]) {
                return false;
            }
        }
        return true;
    }

    /** The request with its charset named, its body the bytes already read and then the rest. */
    private static final class Read extends HttpServletRequestWrapper {
        private final String type;
        private final String charset;
        private final ServletInputStream body;

        Read(HttpServletRequest request, String type, String charset, byte[] prefix, ServletInputStream rest) {
            super(request);
            this.type = type + "; charset=" + charset;
            this.charset = charset;
            this.body = new Prefixed(prefix, rest);
        }

        @Override
        public String getCharacterEncoding() {
            return charset;
        }

        @Override
        public String getContentType() {
            return type;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? type : super.getHeader(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }
    }

    private static final class Prefixed extends ServletInputStream {
        private final byte[] prefix;
        private final ServletInputStream rest;
        private int at;

        Prefixed(byte[] prefix, ServletInputStream rest) {
            this.prefix = prefix;
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            return at < prefix.length ? prefix[at++] & 0xFF : rest.read();
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (at < prefix.length) {
                int n = Math.min(length, prefix.length - at);
                System.arraycopy(prefix, at, into, offset, n);
                at += n;
                return n;
            }
            return rest.read(into, offset, length);
        }

        @Override
        public boolean isFinished() {
            return at >= prefix.length && rest.isFinished();
        }

        @Override
        public boolean isReady() {
            return at < prefix.length || rest.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            rest.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return prefix.length - at + rest.available();
        }
    }
}
