package com.smshub.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.smshub.provider.smspro.xml.MobilectrlAliveRequest;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatus;
import com.smshub.provider.xml.InvalidProviderXmlException;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.smspro.schema.SmsProSchemas;

/** What providers send (answers and pushes) is read by the same hardened parser and limits as everything else. */
class HardenedProviderXmlTest {

    private final ProviderXml smsPro = ProviderXml.of(SmsProSchemas.VOCABULARY);

    @Test
    void aDoctypeThatOnlyNamesTheRootIsReadAsSectionElevenPrintsIt() {
        assertTrue(smsPro.read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE mobilectrl_sms>\n"
                + "<mobilectrl_alive_request/>", MobilectrlAliveRequest.class) != null);
    }

    @Test
    void anEntityDeclarationIsRefusedBeforeAnythingIsExpanded() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                + "<mobilectrl_delivery_status><mobilectrl_id>&b;</mobilectrl_id><status>0</status><message>x</message>"
                + "</mobilectrl_delivery_status>";
        InvalidProviderXmlException refused = assertThrows(InvalidProviderXmlException.class,
                () -> smsPro.read(laughs, MobilectrlDeliveryStatus.class));
        assertTrue(refused.getMessage().contains("entity declaration"), refused.getMessage());
        String external = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<mobilectrl_delivery_status><mobilectrl_id>&e;</mobilectrl_id><status>0</status><message>x</message>"
                + "</mobilectrl_delivery_status>";
        assertThrows(InvalidProviderXmlException.class, () -> smsPro.read(external, MobilectrlDeliveryStatus.class));
    }

    @Test
    void aProvidersDocumentKeepsTheGatewaysLimits() {
        String longText = "<mobilectrl_delivery_status><mobilectrl_id>" + "x".repeat(XmlLimits.MAX_TEXT_LENGTH + 1)
                + "</mobilectrl_id><status>0</status><message>x</message></mobilectrl_delivery_status>";
        InvalidProviderXmlException refused = assertThrows(InvalidProviderXmlException.class,
                () -> smsPro.read(longText, MobilectrlDeliveryStatus.class));
        assertTrue(refused.getMessage().contains(String.valueOf(XmlLimits.MAX_TEXT_LENGTH)), refused.getMessage());
        assertEquals("57:1", smsPro.read("<mobilectrl_delivery_status><mobilectrl_id>57:1</mobilectrl_id><status>0</status>"
                + "<message>x</message></mobilectrl_delivery_status>", MobilectrlDeliveryStatus.class).getMobilectrlId());
    }
}
