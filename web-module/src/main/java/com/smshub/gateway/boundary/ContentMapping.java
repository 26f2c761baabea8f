package com.smshub.gateway.boundary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

import com.smshub.gateway.v1.BinaryContent;
import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.PremiumCharge;
import com.smshub.gateway.v1.SmsContent;
import com.smshub.gateway.v1.Tags;
import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.Money;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.sending.entity.SendCommand;

/**
 * The contract's message content in the domain's terms, field by field: what the domain refuses is
 * answered with a VALIDATION fault that names the field as a path of the request.
 */
final class ContentMapping {

    static final int MAX_RECIPIENTS = 1000;

    private ContentMapping() {
    }

    static SendCommand sendCommand(String clientReference, SmsContent content, List<String> recipients) throws GatewayFault {
        if (recipients == null || recipients.isEmpty()) {
            throw validation("recipient", "At least one recipient is required.");
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            throw validation("recipient", "At most " + MAX_RECIPIENTS + " recipients per request; use SendBatch for more.");
        }
        com.smshub.kernel.SmsContent domain = content(content, "");
        List<SendCommand.Item> items = new ArrayList<>(recipients.size());
        for (String recipient : recipients) {
            items.add(new SendCommand.Item(null, recipient, domain));
        }
        return new SendCommand(SendCommand.Kind.SMS, blankToNull(clientReference), null, items);
    }

    static final int MAX_BATCH = 20_000;

    static SendCommand batchCommand(com.smshub.gateway.v1.SendBatchRequest request) throws GatewayFault {
        List<com.smshub.gateway.v1.BatchMessage> messages = request.getMessage();
        if (messages == null || messages.isEmpty()) {
            throw validation("message", "A batch holds at least one message.");
        }
        if (messages.size() > MAX_BATCH) {
            throw validation("message", "A batch holds at most " + MAX_BATCH + " messages.");
        }
        if (request.getName() != null && request.getName().length() > 200) {
            throw validation("name", "At most 200 characters.");
        }
        List<SendCommand.Item> items = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            com.smshub.gateway.v1.BatchMessage message = messages.get(i);
            String path = "message[" + (i + 1) + "]/";
            if (message.getRecipient() == null) {
                throw validation(path + "recipient", "Each message needs a recipient.");
            }
            items.add(new SendCommand.Item(message.getItemReference(), message.getRecipient(), content(message, path)));
        }
        return new SendCommand(SendCommand.Kind.BATCH, blankToNull(request.getClientReference()), request.getName(), items);
    }

    static com.smshub.kernel.SmsContent content(SmsContent soap, String path) throws GatewayFault {
        Originator originator = null;
        if (soap.getOriginator() != null) {
            if (soap.getOriginator().getType() == null || soap.getOriginator().getValue() == null) {
                throw validation(path + "originator", "An originator needs a type and a value.");
            }
            try {
                originator = new Originator(Originator.Type.valueOf(soap.getOriginator().getType().name()),
                        soap.getOriginator().getValue());
            } catch (InvalidValueException e) {
                throw validation(path + "originator/value", "Invalid originator: " + e.getMessage() + ".");
            }
        }
        String text = soap.getText();
        BinaryContent binary = soap.getBinary();
        if ((text == null) == (binary == null)) {
            throw validation(path + "text", "Exactly one of text and binary is required.");
        }
        if (text != null && (text.isEmpty() || text.length() > 1600)) {
            throw validation(path + "text", "A text has 1 to 1600 characters.");
        }
        String dataHex = null;
        String udhHex = null;
        Integer destinationPort = null;
        Integer sourcePort = null;
        if (binary != null) {
            dataHex = hex(binary.getData(), path + "binary/data", false);
            udhHex = binary.getUdh() == null ? null : hex(binary.getUdh(), path + "binary/udh", false);
            destinationPort = binary.getDestinationPort();
            sourcePort = binary.getSourcePort();
            if (udhHex != null && destinationPort != null) {
                throw validation(path + "binary/destinationPort", "Give either a user data header or ports, not both.");
            }
            if (udhHex != null) {
                checkUserDataHeader(udhHex, dataHex, path);
            }
            if (sourcePort != null && destinationPort == null) {
                throw validation(path + "binary/sourcePort", "A source port needs a destination port.");
            }
            if (port(destinationPort) || port(sourcePort)) {
                throw validation(path + "binary/destinationPort", "Ports are 0 to 65535.");
            }
        }
        Integer validity = soap.getValidityMinutes();
        if (validity != null && (validity < 1 || validity > 10080)) {
            throw validation(path + "validityMinutes", "Validity is 1 minute to 7 days (10080).");
        }
        Money premium = null;
        String premiumDescription = null;
        PremiumCharge charge = soap.getPremiumCharge();
        if (charge != null) {
            premium = money(charge.getPrice(), path + "premiumCharge/price");
            if (premium.amount().signum() <= 0) {
                throw validation(path + "premiumCharge/price/amount", "A premium charge is more than zero.");
            }
            premiumDescription = charge.getDescription();
            if (premiumDescription != null && premiumDescription.length() > 40) {
                throw validation(path + "premiumCharge/description", "At most 40 characters.");
            }
        }
        Tags tags = soap.getTags();
        com.smshub.kernel.SmsContent.Builder content = text != null ? com.smshub.kernel.SmsContent.text(text)
                : com.smshub.kernel.SmsContent.binary(dataHex).udh(udhHex).ports(destinationPort, sourcePort);
        return content.originator(originator)
                .flash(Boolean.TRUE.equals(soap.isFlash()))
                .scheduledAt(time(soap.getScheduledAt(), path + "scheduledAt"))
                .validityMinutes(validity)
                .premium(premium, premiumDescription)
                .tags(tags == null ? null : limit(tags.getCostCentre(), 40, path + "tags/costCentre"),
                        tags == null ? null : limit(tags.getSubId1(), 20, path + "tags/subId1"),
                        tags == null ? null : limit(tags.getSubId2(), 20, path + "tags/subId2"))
                .providerPreference(provider(soap.getProviderPreference(), path + "providerPreference"))
                .build();
    }

    /**
     * A provider's code as a request names it, or null for none. The contract's schema gives its form only (a
     * provider is added without changing the contract); whether the gateway serves it is the core's to say.
     */
    static ProviderCode provider(String soap, String path) throws GatewayFault {
        if (soap == null) {
            return null;
        }
        try {
            return ProviderCode.valueOf(soap);
        } catch (InvalidValueException e) {
            throw validation(path, e.getMessage() + ".");
        }
    }

    static Money money(com.smshub.gateway.v1.Money soap, String path) throws GatewayFault {
        if (soap == null || soap.getAmount() == null || soap.getCurrency() == null) {
            throw validation(path, "An amount and a currency are required.");
        }
        BigDecimal amount = soap.getAmount();
        try {
            return new Money(amount, soap.getCurrency());
        } catch (InvalidValueException e) {
            throw validation(path + "/currency", e.getMessage() + ".");
        }
    }

    static OffsetDateTime time(XMLGregorianCalendar value, String path) throws GatewayFault {
        if (value == null) {
            return null;
        }
        if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            throw validation(path, "A time needs its offset from UTC (2026-11-22T10:00:00+01:00).");
        }
        return value.toGregorianCalendar().toZonedDateTime().toOffsetDateTime();
    }

    static GatewayFault validation(String field, String message) {
        return Faults.of(FaultCode.VALIDATION, field, message);
    }

    private static String hex(String value, String path, boolean allowEmpty) throws GatewayFault {
        if (value == null || (!allowEmpty && value.isEmpty()) || value.length() % 2 != 0 || !value.matches("[0-9A-Fa-f]*")) {
            throw validation(path, "Octets are written as pairs of hexadecimal digits.");
        }
        if (value.length() > 4000) {
            throw validation(path, "At most 2000 octets.");
        }
        return value.toUpperCase(java.util.Locale.ROOT);
    }

    /** The octets of one SMS's user data (3GPP TS 23.040, 9.2.3.24): a caller's own header and its data share them. */
    static final int SMS_OCTETS = 140;

    /**
     * A user data header of the caller's own: its first octet (UDHL) counts the octets after it, and with the
     * data it is one SMS, since a caller who writes the header writes each part's (SMS Pro 6.5: one raw_sms a
     * header); a longer message goes as several, each with its own header.
     */
    private static void checkUserDataHeader(String udhHex, String dataHex, String path) throws GatewayFault {
        int udh = udhHex.length() / 2;
        int declared = Integer.parseInt(udhHex.substring(0, 2), 16);
        if (declared != udh - 1) {
            throw validation(path + "binary/udh", "The header's first octet (UDHL) says " + declared + " octets follow; "
                    + (udh - 1) + " do.");
        }
        if (udh + dataHex.length() / 2 > SMS_OCTETS) {
            throw validation(path + "binary/udh", "A message with its own user data header is one SMS: header and data "
                    + "are at most " + SMS_OCTETS + " octets together, here " + (udh + dataHex.length() / 2)
                    + "; send each part as a message with its own header.");
        }
    }

    private static boolean port(Integer port) {
        return port != null && (port < 0 || port > 65535);
    }

    private static String limit(String value, int max, String path) throws GatewayFault {
        if (value != null && value.length() > max) {
            throw validation(path, "At most " + max + " characters.");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
