package com.smshub.simulator.mymobileapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import com.smshub.simulator.Switches;

/**
 * MyMobileAPI's legacy .asmx web service at {@code /smshub-simulator/mymobileapi/api5/api.asmx}, read off the wire
 * by hand as an ASP.NET .asmx service reads it (specs/README, "Facts from outside the documents"), not published
 * from the WSDL the gateway's client is generated from, so that it judges what the client writes: SOAP 1.1
 * ({@code text/xml}), POST, a {@code SOAPAction} header that names the operation in the body
 * ({@code http://www.mymobileapi.com/api5/Send_STR_STR}), an {@code Envelope} and {@code Body} of SOAP 1.1's
 * namespace, one operation element in {@code http://www.mymobileapi.com/api5} with its {@code username},
 * {@code password} and {@code data} children in that namespace (document/literal wrapped). What it refuses it answers
 * as .asmx does: HTTP 500 with a {@code soap:Client} fault (a wrong or missing SOAPAction, an operation it does not
 * know, a body that is not an envelope), 415 for another content type, 405 for another method. The answer is the
 * operation's response element holding its result, the api_result document as a string. {@code GET ?WSDL} gives
 * the service description. {@link MyMobileApiOperations} does the work; the switches count what was refused
 * ({@code soapRefused}).
 */
public class MyMobileApiSimulator extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String NAMESPACE = "http://www.mymobileapi.com/api5";
    private static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final Switches SWITCHES = MyMobileApiLedger.SWITCHES;

    @Resource
    private transient ManagedScheduledExecutorService scheduler;

    private transient MyMobileApiOperations operations;
    private transient Map<String, Function<Element, String>> calls;

    @Override
    public void init() {
        operations = new MyMobileApiOperations(scheduler);
        calls = Map.of(
                "Send_STR_STR", call -> operations.send(child(call, "username"), child(call, "password"), child(call, "data")),
                "Sent_STR_STR", call -> operations.sent(child(call, "username"), child(call, "password"), child(call, "data")),
                "Reply_STR_STR", call -> operations.replies(child(call, "username"), child(call, "password"), child(call, "data")),
                "ShortCode_Get_STR_STR", call -> operations.shortCodes(child(call, "username"), child(call, "password"),
                        child(call, "data")),
                "Credits_STR", call -> operations.credits(child(call, "username"), child(call, "password")));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getQueryString() == null || !request.getQueryString().equalsIgnoreCase("wsdl")) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Request format is unrecognized.");
            return;
        }
        try (InputStream wsdl = getServletContext().getResourceAsStream("/WEB-INF/wsdl/MyMobileApi.wsdl")) {
            response.setContentType("text/xml; charset=utf-8");
            wsdl.transferTo(response.getOutputStream());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("text/xml")) {
            SWITCHES.count("soapRefused");
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "SOAP 1.1 is text/xml, not " + contentType);
            return;
        }
        Element call;
        try {
            call = operation(read(request.getInputStream()));
        } catch (SAXException | IllegalArgumentException e) {
            refuse(response, "soap:Client", "Server was unable to read request. " + e.getMessage());
            return;
        }
        String operation = call.getLocalName();
        String action = request.getHeader("SOAPAction");
        String expected = NAMESPACE + "/" + operation;
        if (action == null || !action.strip().replace("\"", "").equals(expected)) {
            refuse(response, "soap:Client", "Server did not recognize the value of HTTP Header SOAPAction: " + action + ".");
            return;
        }
        Function<Element, String> handler = calls.get(operation);
        if (handler == null) {
            refuse(response, "soap:Client", "Server did not recognize the operation " + operation + " (not simulated).");
            return;
        }
        String result;
        try {
            result = handler.apply(call);
        } catch (SoapFault e) {
            fault(response, "soap:Server", e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            refuse(response, "soap:Client", "Server was unable to read request. " + e.getMessage());
            return;
        }
        answer(response, "<" + operation + "Response xmlns=\"" + NAMESPACE + "\"><" + operation + "Result>" + escape(result)
                + "</" + operation + "Result></" + operation + "Response>");
    }

    /** The one operation element in the envelope's body, in the service's namespace. */
    private static Element operation(Document envelope) {
        Element root = envelope.getDocumentElement();
        if (!SOAP_11.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            throw new IllegalArgumentException("Not a SOAP 1.1 envelope: {" + root.getNamespaceURI() + "}" + root.getLocalName());
        }
        Element body = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SOAP_11.equals(e.getNamespaceURI()) && "Body".equals(e.getLocalName())) {
                body = e;
            }
        }
        if (body == null) {
            throw new IllegalArgumentException("No soap:Body");
        }
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (!NAMESPACE.equals(e.getNamespaceURI())) {
                    throw new IllegalArgumentException("An element of {" + e.getNamespaceURI() + "}, not of " + NAMESPACE);
                }
                return e;
            }
        }
        throw new IllegalArgumentException("An empty soap:Body");
    }

    /** A parameter's text, or null where the element is absent (as .asmx passes a missing string). */
    private static String child(Element call, String name) {
        for (Node n = call.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                if (!NAMESPACE.equals(e.getNamespaceURI())) {
                    throw new IllegalArgumentException(name + " outside " + NAMESPACE);
                }
                return e.getTextContent();
            }
        }
        return null;
    }

    private static Document read(InputStream body) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(body);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refuse(HttpServletResponse response, String code, String reason) throws IOException {
        SWITCHES.count("soapRefused");
        fault(response, code, reason);
    }

    private static void fault(HttpServletResponse response, String code, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        answer(response, "<soap:Fault><faultcode>" + code + "</faultcode><faultstring>" + escape(reason)
                + "</faultstring><detail/></soap:Fault>");
    }

    private static void answer(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/xml; charset=utf-8");
        byte[] octets = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_11
                + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(octets.length);
        response.getOutputStream().write(octets);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
