package com.smshub.provider.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import com.smshub.provider.masiv.xml.Response;
import com.smshub.provider.smspro.xml.MobilectrlAliveCheck;
import com.smshub.provider.smspro.xml.MobilectrlReceivedSms;
import com.smshub.provider.smspro.xml.MobilectrlResponse;
import com.smshub.provider.smspro.xml.MobilectrlSms;
import com.smshub.provider.smspro.schema.SmsProSchemas;
import com.smshub.provider.mymobileapi.schema.MyMobileApiSchemas;
import com.smshub.provider.masiv.schema.MasivSchemas;

/**
 * Every XML example printed in the provider specifications (test resources named after their section)
 * validates against its schema in {@code xsd/} and survives a round trip through the generated types:
 * read, written again, and read back with the same elements, attributes and text.
 */
class SpecExamplesTest {

    static Stream<Path> examples() throws IOException, URISyntaxException {
        URL root = SpecExamplesTest.class.getResource("/examples");
        List<Path> files = new ArrayList<>();
        for (String provider : List.of("smspro", "mymobileapi", "masiv")) {
            try (Stream<Path> listing = Files.list(Path.of(root.toURI()).resolve(provider))) {
                listing.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    /** Which vocabulary an example belongs to, from its folder and name. */
    static ProviderVocabulary vocabularyOf(Path example) {
        String provider = example.getParent().getFileName().toString();
        String name = example.getFileName().toString();
        return switch (provider) {
            case "smspro" -> SmsProSchemas.VOCABULARY;
            case "masiv" -> MasivSchemas.RESPONSE;
            case "mymobileapi" -> {
                if (!name.contains("api-result")) {
                    yield MyMobileApiSchemas.REQUESTS;
                }
                yield switch (name.substring(0, name.indexOf('-'))) {
                    case "send" -> MyMobileApiSchemas.SEND_RESULT;
                    case "sent" -> MyMobileApiSchemas.SENT_RESULT;
                    case "reply" -> MyMobileApiSchemas.REPLY_RESULT;
                    case "shortcode" -> MyMobileApiSchemas.SHORTCODE_RESULT;
                    case "credits" -> MyMobileApiSchemas.CREDITS_RESULT;
                    default -> throw new IllegalArgumentException(name);
                };
            }
            default -> throw new IllegalArgumentException(provider);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAndRoundTrips(Path example) throws Exception {
        ProviderXml xml = ProviderXml.of(vocabularyOf(example));
        Object document;
        try (InputStream in = Files.newInputStream(example)) {
            document = xml.read(in, Object.class);
        }
        String written = xml.write(document);
        Object again = xml.read(written, Object.class);
        assertEquals(document.getClass(), again.getClass());
        assertEquals(xml.write(again), written, "writing is stable");
        assertEquals(canonical(Files.readString(example, charsetOf(example))), canonical(written),
                "the round trip keeps every element, attribute and text of " + example.getFileName());
    }

    @Test
    void smsProExamplesBindToTheirTypes() throws Exception {
        MobilectrlSms sms = read(SmsProSchemas.VOCABULARY, "smspro/6.1-mt-text-sms.xml", MobilectrlSms.class);
        assertEquals("CUSTOMER", sms.getHeader().getCustomerId());
        assertEquals("202111011015", sms.getHeader().getStartDelivery());
        assertEquals("+46708331536", sms.getPayload().getSmsOrRawSms().get(0) instanceof com.smshub.provider.smspro.xml.MtSms mt
                ? mt.getToMsisdn().get(0) : null);

        MobilectrlResponse response = read(SmsProSchemas.VOCABULARY, "smspro/6.7-mt-response.xml",
                MobilectrlResponse.class);
        assertEquals(0, response.getStatus());
        assertEquals(" ABC123", response.getRequestId(), "the leading space of real traffic is kept for the adapter to trim");

        MobilectrlReceivedSms dnt = read(SmsProSchemas.VOCABULARY, "smspro/9-dnt-mo-sms.xml", MobilectrlReceivedSms.class);
        assertEquals("467090325991234", dnt.getPayload().getSms().getDestinationAddress());

        MobilectrlAliveCheck alive = read(SmsProSchemas.VOCABULARY, "smspro/11-alive-check.xml",
                MobilectrlAliveCheck.class);
        assertEquals("SMSPro is alive.", alive.getMessage());
    }

    @Test
    void masivErrorExampleBindsItsCode() throws Exception {
        Response error = read(MasivSchemas.RESPONSE, "masiv/error-response.xml", Response.class);
        assertEquals("error", error.getAction());
        assertEquals(1, error.getData().getErrorcode());
        assertEquals("Invalid recipient.", error.getData().getErrormessage());
        Response status = read(MasivSchemas.RESPONSE, "masiv/getmessage-response.xml", Response.class);
        assertEquals(1, status.getData().getStatus());
        Response accepted = read(MasivSchemas.RESPONSE, "masiv/sendmessage-response-long.xml", Response.class);
        assertEquals(2, accepted.getData().getAcceptreport().size());
    }

    /** The specs README: a body that is not well-formed is rejected, never repaired. */
    @Test
    void documentsPrintedWithSlipsAreRejected() {
        assertThrows(InvalidProviderXmlException.class,
                () -> read(SmsProSchemas.VOCABULARY, "smspro/9-dnt-mo-sms-as-printed.xml.txt", Object.class));
        assertThrows(InvalidProviderXmlException.class,
                () -> read(MyMobileApiSchemas.CREDITS_RESULT,
                        "mymobileapi/overview-call-result-as-printed.xml.txt", Object.class));
    }

    @Test
    void schemaConstraintsFromTheTablesAreEnforced() {
        ProviderXml smsPro = ProviderXml.of(SmsProSchemas.VOCABULARY);
        String twelveCharacters = """
                <mobilectrl_sms><header><customer_id>C</customer_id><password>p</password>
                <from_alphanumeric>MARKETPLACE1</from_alphanumeric></header>
                <payload><sms><message>x</message><to_msisdn>+46708651058</to_msisdn></sms></payload></mobilectrl_sms>""";
        assertThrows(InvalidProviderXmlException.class, () -> smsPro.read(twelveCharacters, Object.class),
                "table 1: from_alphanumeric is at most 11 characters");
        String forbiddenCharacter = twelveCharacters.replace("MARKETPLACE1", "MARKET_1");
        assertThrows(InvalidProviderXmlException.class, () -> smsPro.read(forbiddenCharacter, Object.class),
                "table 1: '_' (95) is not allowed in an alphanumeric originator");
        String amountTooHigh = """
                <billing_request><customer><customer_id>C</customer_id><password>p</password></customer>
                <bill><msisdn>+46734252604</msisdn><amount>50001</amount><content_type>2</content_type></bill>
                </billing_request>""";
        assertThrows(InvalidProviderXmlException.class, () -> smsPro.read(amountTooHigh, Object.class),
                "table 9: at most 50000 öre");
        assertNotNull(smsPro.read(amountTooHigh.replace("50001", "50000"), Object.class));
    }

    @Test
    void externalEntitiesAreNeverLoaded() {
        String hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE mobilectrl_alive_check [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <mobilectrl_alive_check><status>0</status><message>&x;</message></mobilectrl_alive_check>""";
        InvalidProviderXmlException refused = assertThrows(InvalidProviderXmlException.class,
                () -> ProviderXml.of(SmsProSchemas.VOCABULARY).read(hostile, MobilectrlAliveCheck.class));
        assertTrue(refused.getMessage().contains("entity declaration"), "refused before it could be resolved: " + refused);
    }

    private static <T> T read(ProviderVocabulary vocabulary, String resource, Class<T> type) throws IOException {
        try (InputStream in = SpecExamplesTest.class.getResourceAsStream("/examples/" + resource)) {
            assertNotNull(in, resource);
            return ProviderXml.of(vocabulary).read(in, type);
        }
    }

    private static java.nio.charset.Charset charsetOf(Path example) throws IOException {
        String head = new String(Files.readAllBytes(example), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains("ISO-8859-1") ? java.nio.charset.StandardCharsets.ISO_8859_1
                : java.nio.charset.StandardCharsets.UTF_8;
    }

    /**
     * Elements, attributes and trimmed text, for comparing two serialisations. Sibling elements are sorted:
     * most provider documents are xs:all, whose order is free and which JAXB writes in declaration order.
     */
    private static String canonical(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setCoalescing(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        StringBuilder out = new StringBuilder();
        append(document.getDocumentElement(), out);
        return out.toString();
    }

    private static void append(Element element, StringBuilder out) {
        out.append('<').append(element.getTagName());
        List<String> attributes = new ArrayList<>();
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node attribute = element.getAttributes().item(i);
            attributes.add(attribute.getNodeName() + "=" + attribute.getNodeValue());
        }
        attributes.stream().sorted().forEach(a -> out.append(' ').append(a));
        out.append('>');
        List<String> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                StringBuilder nested = new StringBuilder();
                append(e, nested);
                children.add(nested.toString());
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue().strip();
                if (!text.isEmpty()) {
                    out.append(text);
                }
            }
        }
        children.stream().sorted().forEach(out::append);
        out.append("</").append(element.getTagName()).append('>');
    }
}
