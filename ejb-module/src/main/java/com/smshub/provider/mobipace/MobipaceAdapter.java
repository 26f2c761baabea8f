package com.smshub.provider.mobipace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Minutes;
import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.mobipace.json.MessageStatusEntry;
import com.smshub.provider.mobipace.json.QueryBalanceRequest;
import com.smshub.provider.mobipace.json.QueryBalanceResponse;
import com.smshub.provider.mobipace.json.QueryMessagesRequest;
import com.smshub.provider.mobipace.json.QueryMessagesResponse;
import com.smshub.provider.mobipace.json.SendRequest;
import com.smshub.provider.mobipace.json.SendResponse;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.BalanceQuery;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.GroupSending;
import com.smshub.kernel.Liveness;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.PolledStatus;
import com.smshub.provider.spi.PriceQuote;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.ProviderUnavailableException;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.Settings;
import com.smshub.provider.spi.StatusPolling;

/**
 * MOBIPACE behind the gateway's provider boundary: Send with up to 20,000 messages a request (the dispatcher
 * groups toward the account's messagesPerRequest), each with our message id as its Reference; statuses asked by
 * those references with QueryMessages; prices from Calculate; the balance from QueryBalance. One request at a
 * time per account (limitation 1): the core locks the account around every call, on every node.
 */
@ApplicationScoped
public class MobipaceAdapter implements ProviderAdapter, MessageSending, GroupSending, StatusPolling, BalanceQuery, PriceQuote {

    /** MOBIPACE's code: accounts name it, and the contract and the database write it. */
    public static final ProviderCode CODE = ProviderCode.valueOf("MOBIPACE");

    /** Limitation 3: at most 500 characters a message. */
    static final int MOST_CHARACTERS = 500;
    /** Limitation 2: international numbers of at most 15 digits. */
    static final int MOST_DIGITS = 15;
    /** ScheduledDate, as the document's example writes it ("2019-07-25 18:20"), in the account's time zone. */
    static final DateTimeFormatter SCHEDULED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Inject
    MobipaceClient client;

    @Override
    public ProviderCode provider() {
        return CODE;
    }

    @Override
    public Capabilities capabilities(Account account) {
        int perRequest = MobipaceSettings.of(account).messagesPerRequest();
        return Capabilities.builder(MOST_CHARACTERS).recipientDigits(MOST_DIGITS)
                .sameTextRecipients(perRequest).messagesPerRequest(perRequest).window(1)
                .with(Feature.SCHEDULING, Feature.STATUS_POLL, Feature.STATUS_BY_REFERENCE, Feature.BALANCE, Feature.PRICING,
                        Feature.ONE_REQUEST_AT_A_TIME)
                .build();
    }

    @Override
    public void checkSettings(Settings settings) {
        MobipaceSettings.of(settings);
    }

    /** authorize and QueryBalance: 101 is alive. */
    @Override
    public Liveness probe(Account account) {
        long started = System.nanoTime();
        try {
            QueryBalanceResponse answer = client.call(account, "QueryBalance", QueryBalanceRequest::new, QueryBalanceResponse.class,
                    QueryBalanceResponse::statusCode);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String detail = answer.statusCode() + " " + answer.status();
            return answer.statusCode() == MobipaceCodes.SUCCESS ? Liveness.up(took, detail) : Liveness.down(took, detail);
        } catch (MobipaceException e) {
            return Liveness.down(Duration.ofNanos(System.nanoTime() - started), e.getMessage());
        }
    }

    /** A request has one sender and one scheduled time for all its messages; their texts and recipients differ. */
    @Override
    public Object groupKey(SmsContent content) {
        return List.of(String.valueOf(content.originator() == null ? null : content.originator().value()),
                String.valueOf(content.scheduledAt() == null ? null : Minutes.notBefore(content.scheduledAt()).toInstant()));
    }

    @Override
    public SendOutcome send(OutboundMessage message, Account account) {
        return sendGroup(List.of(message), account).get(0);
    }

    @Override
    public List<SendOutcome> sendGroup(List<OutboundMessage> messages, Account account) {
        MobipaceSettings settings = MobipaceSettings.of(account);
        SendRequest template;
        try {
            template = request(null, messages, settings);
        } catch (IllegalArgumentException e) {
            return Collections.nCopies(messages.size(), new SendOutcome.Rejected("UNSUPPORTED", e.getMessage(), true));
        }
        SendOutcome outcome;
        try {
            SendResponse answer = client.call(account, "Send", session -> withSession(template, session), SendResponse.class,
                    SendResponse::statusCode);
            outcome = answer.statusCode() == MobipaceCodes.SUCCESS
                    // no id comes back: each message is asked about by its reference, our id
                    ? new SendOutcome.Accepted(null, String.valueOf(answer.statusCode()))
                    : MobipaceCodes.ofRequestStatus(answer.statusCode(), answer.status());
        } catch (MobipaceException e) {
            outcome = switch (e.kind()) {
                case NOT_SENT -> new SendOutcome.Retry(e.getMessage());
                case REFUSED -> new SendOutcome.Rejected(e.code() == 0 ? "HTTP" : String.valueOf(e.code()), e.getMessage(), true);
                case AMBIGUOUS -> new SendOutcome.Unknown(e.getMessage());
            };
        }
        return Collections.nCopies(messages.size(), outcome);
    }

    /** The Send (or Calculate) body for messages that share a group key; the session id given when it is sent. */
    static SendRequest request(String session, List<OutboundMessage> messages, MobipaceSettings settings) {
        SmsContent first = messages.get(0).content();
        String sender = first.originator() != null ? first.originator().value() : settings.sender();
        if (sender == null) {
            throw new IllegalArgumentException("MOBIPACE sends only from a registered sender name: give an originator, or set "
                    + "the account's sender");
        }
        List<com.smshub.provider.mobipace.json.OutboundMessage> body = new ArrayList<>(messages.size());
        for (OutboundMessage message : messages) {
            if (message.content().isBinary()) {
                throw new IllegalArgumentException("MOBIPACE sends text only");
            }
            body.add(new com.smshub.provider.mobipace.json.OutboundMessage(message.recipient().digits(), message.content().text(),
                    message.messageId()));
        }
        String scheduled = first.scheduledAt() == null ? null
                : SCHEDULED.format(Minutes.notBefore(first.scheduledAt()).atZoneSameInstant(settings.timeZone()));
        return new SendRequest(session, scheduled, settings.sendWithinHours(), "false", sender, body);
    }

    private static SendRequest withSession(SendRequest request, String session) {
        return new SendRequest(session, request.scheduledDate(), request.sendWithinHours(), request.isWapPush(), request.sender(),
                request.messages());
    }

    /** QueryMessages by our ids, which the messages carried as their references. */
    @Override
    public Map<String, PolledStatus> poll(List<Query> queries, Account account) {
        List<String> references = queries.stream().map(Query::messageId).toList();
        QueryMessagesResponse answer;
        try {
            answer = client.call(account, "QueryMessages", session -> new QueryMessagesRequest(session, references),
                    QueryMessagesResponse.class, QueryMessagesResponse::statusCode);
        } catch (MobipaceException e) {
            return Map.of();
        }
        Map<String, PolledStatus> answers = new LinkedHashMap<>();
        if (answer.statusCode() != MobipaceCodes.SUCCESS || answer.messageStatuses() == null) {
            return answers;
        }
        for (MessageStatusEntry entry : answer.messageStatuses()) {
            if (entry.reference() != null && references.contains(entry.reference().strip())) {
                answers.put(entry.reference().strip(), new PolledStatus(MobipaceCodes.ofMessageStatus(entry.statusCode()),
                        new ProviderReport(CODE, entry.status() == null ? String.valueOf(entry.statusCode())
                                : entry.status().strip(), String.valueOf(entry.statusCode()), null)));
            }
        }
        return answers;
    }

    /** QueryBalance: the balance, the credit limit and the funds available, in the account's currency. */
    @Override
    public Balance balance(Account account) {
        String currency = currency(account);
        QueryBalanceResponse answer;
        try {
            answer = client.call(account, "QueryBalance", QueryBalanceRequest::new, QueryBalanceResponse.class,
                    QueryBalanceResponse::statusCode);
        } catch (MobipaceException e) {
            throw new ProviderUnavailableException(e.getMessage(), e);
        }
        if (answer.statusCode() != MobipaceCodes.SUCCESS) {
            throw new ProviderUnavailableException("QueryBalance answered " + answer.statusCode() + " " + answer.status());
        }
        return new Balance(answer.balance(), answer.balanceNegativeLimit(), answer.availableFund(), currency);
    }

    /** Calculate, with the body Send would have: each message at the request's average price. */
    @Override
    public List<Money> price(List<OutboundMessage> messages, Account account) {
        String currency = currency(account);
        MobipaceSettings settings = MobipaceSettings.of(account);
        Map<Object, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            byKey.computeIfAbsent(groupKey(messages.get(i).content()), k -> new ArrayList<>()).add(i);
        }
        List<Money> prices = new ArrayList<>(Collections.nCopies(messages.size(), null));
        for (List<Integer> positions : byKey.values()) {
            SendRequest template = request(null, positions.stream().map(messages::get).toList(), settings);
            SendResponse answer;
            try {
                answer = client.call(account, "Calculate", session -> withSession(template, session), SendResponse.class,
                        SendResponse::statusCode);
            } catch (MobipaceException e) {
                throw new ProviderUnavailableException(e.getMessage(), e);
            }
            if (answer.statusCode() != MobipaceCodes.SUCCESS) {
                throw new ProviderUnavailableException("Calculate answered " + answer.statusCode() + " " + answer.status());
            }
            BigDecimal each = answer.totalPrice() != null && answer.messageCount() != null && answer.messageCount() > 0
                    ? answer.totalPrice().divide(BigDecimal.valueOf(answer.messageCount()), 4, RoundingMode.HALF_UP)
                    : answer.averagePrice();
            for (int position : positions) {
                prices.set(position, each == null ? null : new Money(each, currency));
            }
        }
        return prices;
    }

    private static String currency(Account account) {
        String currency = MobipaceSettings.of(account).currency();
        if (currency == null) {
            throw new ProviderUnavailableException("MOBIPACE names no currency in its answers: set the account's currency");
        }
        return currency;
    }
}
