package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Text outside ASCII, both ways, as a new user sends it: raw SOAP from {@code curl}-like clients whose content type
 * may name no charset (RFC 7303: then the XML declaration, else UTF-8), read back as the gateway answers and as the
 * provider received it on the wire.
 */
class TextEncodingEndToEndIT extends DeployedGateway {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** R ä k s m ö r g å s in ISO-8859-1, the character set of SMS Pro's XML (its section 3), byte for byte. */
    private static final String RAKSMORGAS_ON_THE_WIRE = "52e46b736df67267e573";

    private static HttpResponse<byte[]> soap(String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Gateway.ENDPOINT)).header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Gateway.DEMO_TENANT + ":" + Gateway.DEMO_PASSWORD).getBytes(StandardCharsets.US_ASCII)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The answer's text, read by the charset its content type names (UTF-8 is the only one allowed to be silent). */
    private static String text(HttpResponse<byte[]> answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        Matcher charset = Pattern.compile("charset=\"?([^;\"]+)", Pattern.CASE_INSENSITIVE).matcher(type);
        return new String(answer.body(), charset.find() ? Charset.forName(charset.group(1)) : StandardCharsets.UTF_8);
    }

    private static String sendSms(String text, String recipient) {
        return "<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><Body><SendSms xmlns=\"urn:smshub:gateway:v1\">"
                + "<text>" + text + "</text><clientReference>e2e-" + UUID.randomUUID() + "</clientReference><recipient>"
                + recipient + "</recipient></SendSms></Body></Envelope>";
    }

    private static void acceptedAndSentIntact(HttpResponse<byte[]> answer, String recipient) {
        assertEquals(200, answer.statusCode(), text(answer));
        assertTrue(Pattern.compile("<(\\w+:)?accepted>true</").matcher(text(answer)).find(), text(answer));
        String octets = Await.until(Duration.ofSeconds(20), () -> InboundEndToEndIT.octetsTo(recipient), hex -> !hex.isEmpty());
        assertTrue(octets.contains(RAKSMORGAS_ON_THE_WIRE), "SMS Pro received " + octets);
    }

    @Test
    void aUtf8BodyWithoutACharsetIsReadAsUtf8() throws Exception {
        String recipient = Requests.uniqueRecipient();
        acceptedAndSentIntact(soap("text/xml", sendSms("Räksmörgås", recipient).getBytes(StandardCharsets.UTF_8)), recipient);
    }

    @Test
    void aBodyWithoutACharsetIsReadByItsXmlDeclaration() throws Exception {
        String recipient = Requests.uniqueRecipient();
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + sendSms("Räksmörgås", recipient))
                .getBytes(StandardCharsets.ISO_8859_1);
        acceptedAndSentIntact(soap("text/xml", latin1), recipient);
    }

    @Test
    void aNamedCharsetIsTheOneRead() throws Exception {
        String recipient = Requests.uniqueRecipient();
        acceptedAndSentIntact(soap("text/xml; charset=ISO-8859-1", sendSms("Räksmörgås", recipient)
                .getBytes(StandardCharsets.ISO_8859_1)), recipient);
    }

    @Test
    void aSubscribersTextComesBackAsItWasWritten() throws Exception {
        long cursor = InboundEndToEndIT.end(Gateway.demo());
        String subscriber = Requests.uniqueRecipient();
        InboundEndToEndIT.mo("from", subscriber, "text", "Räksmörgås, tack");
        HttpResponse<byte[]> answer = soap("text/xml", ("<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><Body>"
                + "<GetInboundMessages xmlns=\"urn:smshub:gateway:v1\"><afterInboundId>" + cursor + "</afterInboundId>"
                + "<maxResults>1000</maxResults></GetInboundMessages></Body></Envelope>").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode(), text(answer));
        assertTrue(Pattern.compile("<(\\w+:)?text>Räksmörgås, tack</").matcher(text(answer)).find(), text(answer));
    }
}
