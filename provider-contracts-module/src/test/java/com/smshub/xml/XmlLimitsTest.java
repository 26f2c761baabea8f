package com.smshub.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** SOAP calls (CXF, set by smshub.cli) and every other XML door keep one set of limits. */
class XmlLimitsTest {

    @Test
    void theServersCxfLimitsAreXmlLimits() throws Exception {
        String cli = Files.readString(Path.of("../server-module/src/main/cli/smshub.cli"));
        Map<String, Long> expected = Map.of(
                "maxElementDepth", (long) XmlLimits.MAX_ELEMENT_DEPTH,
                "maxChildElements", (long) XmlLimits.MAX_CHILD_ELEMENTS,
                "maxAttributeCount", (long) XmlLimits.MAX_ATTRIBUTE_COUNT,
                "maxAttributeSize", (long) XmlLimits.MAX_ATTRIBUTE_SIZE,
                "maxTextLength", (long) XmlLimits.MAX_TEXT_LENGTH,
                "maxElementCount", (long) XmlLimits.MAX_ELEMENT_COUNT,
                "maxXMLCharacters", XmlLimits.MAX_XML_CHARACTERS);
        for (Map.Entry<String, Long> limit : expected.entrySet()) {
            Matcher set = Pattern.compile("org\\.apache\\.cxf\\.stax\\." + limit.getKey() + ":add\\(value=(\\d+)\\)").matcher(cli);
            assertEquals(true, set.find(), limit.getKey() + " is set in smshub.cli");
            assertEquals(limit.getValue(), Long.parseLong(set.group(1)), limit.getKey());
        }
    }
}
