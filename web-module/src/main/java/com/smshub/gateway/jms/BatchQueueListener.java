package com.smshub.gateway.jms;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshallerHandler;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import com.smshub.broker.AuthenticatedSender;
import com.smshub.gateway.boundary.BatchIntake;
import com.smshub.gateway.boundary.Faults;
import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.ObjectFactory;
import com.smshub.gateway.v1.SendBatchRequest;
import com.smshub.gateway.v1.SendBatchResponse;
import com.smshub.sending.boundary.Batches;
import com.smshub.xml.HardenedXml;

/**
 * Batch sends from ERP systems over JMS (docs/jms-batches.md). A text message on
 * {@code java:/jms/queue/smshub/Batches} holds a {@code SendBatch} document of the contract; it runs as the
 * tenant the broker authenticated its sender as (the property {@link #AUTHENTICATED_USER}, which the broker
 * stamps on every message, com.smshub.broker.AuthenticatedSender), and the string property {@code SmsHubTenant},
 * where given, may only repeat it. The acceptance (a {@code SendBatchResponse}, or a {@code GatewayFault} for a
 * batch the gateway refuses: AUTHENTICATION when the broker names no sender, AUTHORIZATION for another tenant
 * named, or a sender that is no enabled tenant) goes to JMSReplyTo with the request's message id as correlation
 * id, in the same transaction as the batch; a refused one sends nothing. A message that is not such a document
 * is rolled back: after three attempts it is in {@code smshub.batches.dlq}, its reason logged.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/smshub/Batches"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@PermitAll
public class BatchQueueListener implements MessageListener {

    /** The JMS string property that names the tenant a batch is sent as: it may only repeat the authenticated sender. */
    public static final String TENANT_PROPERTY = "SmsHubTenant";

    /** The property the broker stamps with the user it authenticated the sender as. */
    public static final String AUTHENTICATED_USER = AuthenticatedSender.PROPERTY;

    private static final Logger LOG = Logger.getLogger(BatchQueueListener.class.getName());
    private static final JAXBContext CONTRACT = contract();
    private static final ObjectFactory ELEMENTS = new ObjectFactory();

    @EJB
    Batches batches;

    @Inject
    JMSContext jms;

    @Override
    public void onMessage(Message message) {
        String id = "?";
        try {
            id = message.getJMSMessageID();
            take(message, batches, jms, true);
        } catch (JMSException | JAXBException | IllegalArgumentException e) {
            String messageId = id;
            String reason = reason(e);
            LOG.log(Level.WARNING, "Batch message " + messageId + " cannot be processed and is rolled back "
                    + "(dead-lettered after three attempts): " + reason);
            throw new IllegalStateException("Unprocessable batch message " + messageId + ": " + reason, e);
        }
    }

    /**
     * Takes one batch message in the caller's transaction: accepted, or refused with a fault, and answered to its
     * JMSReplyTo, unless that is a temporary queue and {@code toTemporaryQueue} is false (a dead letter replayed: its
     * sender's connection, which owned that queue, is long gone; the tenant reads the batch by its reference).
     *
     * @throws IllegalArgumentException (or a JMS or JAXB exception) when the message is not a batch document
     */
    static void take(Message message, Batches batches, JMSContext jms, boolean toTemporaryQueue) throws JMSException, JAXBException {
        if (!(message instanceof TextMessage text)) {
            throw new IllegalArgumentException("not a text message");
        }
        SendBatchRequest request = read(text.getText());
        Object answer;
        try {
            answer = BatchIntake.accept(batches, sender(message), request);
        } catch (GatewayFault fault) {
            LOG.info("Batch " + message.getJMSMessageID() + " refused: " + fault.getMessage());
            answer = ELEMENTS.createGatewayFault(fault.getFaultInfo());
        }
        if (toTemporaryQueue || !(message.getJMSReplyTo() instanceof TemporaryQueue)) {
            reply(jms, message, answer);
        }
    }

    /**
     * The tenant a batch runs as: the user the broker authenticated its sender as, which {@code SmsHubTenant} may
     * only repeat.
     *
     * @throws GatewayFault AUTHENTICATION when the broker names no sender, AUTHORIZATION when another is named
     */
    static String sender(Message message) throws JMSException, GatewayFault {
        String sender = message.getStringProperty(AUTHENTICATED_USER);
        if (sender == null || sender.isBlank()) {
            throw Faults.of(FaultCode.AUTHENTICATION, null, "The broker names no authenticated sender of this batch: "
                    + "send it logged in as a tenant (docs/jms-batches.md).");
        }
        String named = message.getStringProperty(TENANT_PROPERTY);
        if (named != null && !named.equals(sender)) {
            throw Faults.of(FaultCode.AUTHORIZATION, TENANT_PROPERTY, TENANT_PROPERTY + " names '" + named
                    + "', but the batch was sent logged in as '" + sender + "': a batch runs as its sender.");
        }
        return sender;
    }

    private static void reply(JMSContext jms, Message request, Object answer) throws JMSException, JAXBException {
        Destination replyTo = request.getJMSReplyTo();
        if (replyTo == null) {
            return;
        }
        StringWriter xml = new StringWriter();
        Marshaller marshaller = CONTRACT.createMarshaller();
        marshaller.marshal(answer, xml);
        String correlation = request.getJMSCorrelationID() != null ? request.getJMSCorrelationID() : request.getJMSMessageID();
        jms.createProducer().setJMSCorrelationID(correlation).send(replyTo, xml.toString());
    }

    static String reason(Exception e) {
        Throwable cause = e instanceof JAXBException jaxb && jaxb.getLinkedException() != null ? jaxb.getLinkedException() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** Parsers for batch documents: no DOCTYPE, nothing external, the limits SOAP calls keep (XmlLimits). */
    private static final SAXParserFactory PARSERS = HardenedXml.parsers(false);

    static SendBatchRequest read(String xml) throws JAXBException {
        if (xml == null) {
            throw new IllegalArgumentException("empty message");
        }
        UnmarshallerHandler handler = CONTRACT.createUnmarshaller().getUnmarshallerHandler();
        try {
            XMLReader parser = PARSERS.newSAXParser().getXMLReader();
            parser.setContentHandler(HardenedXml.limited(handler));
            parser.parse(HardenedXml.bounded(new InputSource(new StringReader(xml))));
        } catch (SAXException e) {
            throw new IllegalArgumentException("not a readable document: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable document: " + (e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage()), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Object result = handler.getResult();
        if (!(result instanceof JAXBElement<?> element) || !(element.getValue() instanceof SendBatchRequest request)
                || !"SendBatch".equals(element.getName().getLocalPart())
                || !"urn:smshub:gateway:v1".equals(element.getName().getNamespaceURI())) {
            throw new IllegalArgumentException("not a {urn:smshub:gateway:v1}SendBatch document but "
                    + (result instanceof JAXBElement<?> e ? e.getName() : result.getClass().getSimpleName()));
        }
        return request;
    }

    private static JAXBContext contract() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
