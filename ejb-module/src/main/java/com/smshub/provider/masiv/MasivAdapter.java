package com.smshub.provider.masiv;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.masiv.xml.AcceptReport;
import com.smshub.provider.masiv.xml.Response;
import com.smshub.provider.smpp.ReceiptErrors;
import com.smshub.provider.smpp.SmppSessions;
import com.smshub.provider.smpp.SmppSettings;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.kernel.Liveness;
import com.smshub.provider.spi.GroupSending;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.PolledStatus;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.SessionProviding;
import com.smshub.provider.spi.Settings;
import com.smshub.provider.spi.StatusPolling;

/**
 * Masiv's HTTP API behind the gateway's provider boundary: sendmessage, a message a request (longMessage for
 * texts over 160 characters: one acceptreport per part comes back, and its status rolls them up), scheduled by
 * Masiv itself (sendondate); statuses asked with getMessage, per part. An account whose address is
 * {@code smpp://host:port} uses Masiv's SMPP 3.4 option instead (the shared SMPP connection, ISO-8859-1 by
 * default as Masiv's connection settings give it): a bound session, submit_sm, receipts pushed on the session.
 */
@ApplicationScoped
public class MasivAdapter implements ProviderAdapter, MessageSending, GroupSending, StatusPolling, SessionProviding {

    /** Masiv's code: accounts name it, and the contract and the database write it. */
    public static final ProviderCode CODE = ProviderCode.valueOf("MASIV");

    /** sendondate: MM/DD/YYYY hh:mm:ss. */
    static final DateTimeFormatter SEND_ON = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);
    /** messagedata without longMessage: at most 160 characters. */
    static final int SINGLE = 160;
    /** The gateway's longest text; Masiv segments it in 160-character blocks. */
    static final int MOST_CHARACTERS = 1600;
    /** originator and recipient: at most 16 characters. */
    static final int ADDRESS = 16;
    /** An alphanumeric originator too: "maximum length is 16 characters" (the sendmessage parameters). */
    static final int ORIGINATOR = ADDRESS;
    /** Several parts' ids in one provider id, as the gateway keeps them. */
    static final String PART_SEPARATOR = ",";

    @Inject
    MasivClient client;

    @Inject
    SmppSessions sessions;

    /** Whether the account uses Masiv's SMPP option rather than its HTTP API: by its address. */
    static boolean overSmpp(Account account) {
        return account.endpointUrl().regionMatches(true, 0, "smpp:", 0, 5);
    }

    private static SmppSettings smpp(Account account) {
        return SmppSettings.of("Masiv", account, SmppSettings.Alphabet.LATIN1, Set.of(MasivSettings.TIME_ZONE));
    }

    @Override
    public ProviderCode provider() {
        return CODE;
    }

    @Override
    public Capabilities capabilities(Account account) {
        if (overSmpp(account)) {
            int window = smpp(account).window();
            return Capabilities.builder(MOST_CHARACTERS).recipientDigits(ADDRESS).senderCharacters(ORIGINATOR).window(window)
                    .messagesPerRequest(window)
                    .with(Feature.SESSIONS, Feature.STATUS_PUSH, Feature.STATUS_POLL, Feature.BINARY, Feature.SCHEDULING,
                            Feature.VALIDITY, Feature.INBOUND).build();
        }
        // one message a request, but a dispatch group's requests in flight together (sendGroup)
        return Capabilities.builder(MOST_CHARACTERS).recipientDigits(ADDRESS).senderCharacters(ORIGINATOR)
                .messagesPerRequest(MasivSettings.of(account).sendsInFlight())
                .with(Feature.SCHEDULING, Feature.STATUS_POLL).build();
    }

    @Override
    public void checkSettings(Settings settings) {
        MasivSettings.of(settings);
        SmppSettings.check("Masiv", settings, SmppSettings.Alphabet.LATIN1, Set.of(MasivSettings.TIME_ZONE));
    }

    /**
     * Masiv has no keep-alive: getMessage for an id no message has is the cheapest call, and its answer (an
     * error 2000, Invalid ID) proves the account's credentials work; 1157 says they do not.
     */
    @Override
    public Liveness probe(Account account) {
        if (overSmpp(account)) {
            return sessions.liveness(account);
        }
        long started = System.nanoTime();
        try {
            Response answer = client.getMessage(account, "0");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Integer error = answer.getData().getErrorcode();
            if ("error".equalsIgnoreCase(answer.getAction()) && error != null && error != 2000) {
                return Liveness.down(took, "error " + error + ": " + answer.getData().getErrormessage());
            }
            return Liveness.up(took, "getMessage answered " + answer.getAction());
        } catch (MasivException e) {
            return Liveness.down(Duration.ofNanos(System.nanoTime() - started), e.getMessage());
        }
    }

    @Override
    public SendOutcome send(OutboundMessage message, Account account) {
        if (overSmpp(account)) {
            return sessions.submit(message, account);
        }
        Map<String, String> parameters;
        try {
            parameters = parameters(message, MasivSettings.of(account));
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Rejected("UNSUPPORTED", e.getMessage(), true);
        }
        Response answer;
        try {
            answer = client.sendMessage(account, parameters);
        } catch (MasivException e) {
            return unanswered(e);
        }
        return outcome(answer);
    }

    /** One message's sendmessage in flight beside the others of its group; its outcome when answered. */
    private CompletableFuture<SendOutcome> sendLater(OutboundMessage message, Account account, MasivSettings settings) {
        Map<String, String> parameters;
        try {
            parameters = parameters(message, settings);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new SendOutcome.Rejected("UNSUPPORTED", e.getMessage(), true));
        }
        CompletableFuture<Response> answer;
        try {
            answer = client.sendMessageLater(account, parameters);
        } catch (RuntimeException e) {
            // the request could not even be built: nothing left
            return CompletableFuture.completedFuture(new SendOutcome.Retry(String.valueOf(e.getMessage())));
        }
        return answer.handle((response, failure) -> {
            if (failure == null) {
                return outcome(response);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return cause instanceof MasivException masiv ? unanswered(masiv) : new SendOutcome.Unknown("the call failed: " + cause);
        });
    }

    /** No readable answer: not sent, refused by HTTP status, or perhaps taken. */
    private static SendOutcome unanswered(MasivException e) {
        return switch (e.kind()) {
            case NOT_SENT -> new SendOutcome.Retry(e.getMessage());
            case REFUSED -> new SendOutcome.Rejected("HTTP", e.getMessage(), true);
            case AMBIGUOUS -> new SendOutcome.Unknown(e.getMessage());
        };
    }

    /** The sendmessage parameters of one message (the credentials and action are the client's). */
    static Map<String, String> parameters(OutboundMessage message, MasivSettings settings) {
        SmsContent content = message.content();
        if (content.isBinary()) {
            throw new IllegalArgumentException("Masiv's HTTP API sends text only");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (content.originator() != null) {
            if (content.originator().value().length() > ADDRESS) {
                throw new IllegalArgumentException("Masiv takes an originator of at most 16 characters");
            }
            parameters.put("originator", content.originator().value());
        }
        parameters.put("recipient", message.recipient().digits());
        parameters.put("messagedata", content.text());
        parameters.put("longMessage", String.valueOf(content.text().length() > SINGLE));
        if (content.scheduledAt() != null) {
            parameters.put("sendondate", SEND_ON.format(content.scheduledAt().atZoneSameInstant(settings.timeZone())));
        }
        return parameters;
    }

    /**
     * A sendmessage answer: accepted when every part was (statuscode 0), its parts' ids kept together; refused
     * when none was, or with an error; not known when some parts went and others did not.
     */
    static SendOutcome outcome(Response answer) {
        if ("error".equalsIgnoreCase(answer.getAction()) || answer.getData().getErrorcode() != null) {
            Integer code = answer.getData().getErrorcode();
            return MasivCodes.ofError(code == null ? 0 : code, answer.getData().getErrormessage());
        }
        List<AcceptReport> parts = answer.getData().getAcceptreport();
        if (parts.isEmpty()) {
            return new SendOutcome.Unknown("Masiv's answer accepts no part");
        }
        long accepted = parts.stream().filter(p -> p.getStatuscode() == 0).count();
        if (accepted == 0) {
            return new SendOutcome.Rejected(String.valueOf(parts.get(0).getStatuscode()),
                    "Masiv did not accept the message: " + parts.get(0).getStatusmessage(), true);
        }
        if (accepted < parts.size()) {
            return new SendOutcome.Unknown("Masiv accepted " + accepted + " of the message's " + parts.size() + " parts");
        }
        Set<String> ids = new LinkedHashSet<>();
        parts.forEach(p -> ids.add(p.getMessageid().strip()));
        return new SendOutcome.Accepted(String.join(PART_SEPARATOR, ids), "0");
    }

    /**
     * Any messages share a dispatch group: over SMPP its submits are pipelined in the window; over HTTP each
     * still goes in its own sendmessage, all of the group's in flight at once (at most {@code sendsInFlight}).
     */
    @Override
    public Object groupKey(SmsContent content) {
        return SmppSessions.ANY_MESSAGE;
    }

    @Override
    public List<SendOutcome> sendGroup(List<OutboundMessage> messages, Account account) {
        if (overSmpp(account)) {
            return sessions.submitAll(messages, account);
        }
        MasivSettings settings = MasivSettings.of(account);
        List<CompletableFuture<SendOutcome>> sent = messages.stream().map(message -> sendLater(message, account, settings)).toList();
        // each request has the client's timeout, so every stage completes
        return sent.stream().map(CompletableFuture::join).toList();
    }

    /**
     * getMessage for each part of each message, up to the account's {@code questionsInFlight} at once (Masiv
     * answers one part a request); a message's status is its parts' rolled up. A message one of whose parts got
     * no answer is left out, to be asked again later.
     */
    @Override
    public Map<String, PolledStatus> poll(List<Query> queries, Account account) {
        if (overSmpp(account)) {
            return sessions.query(queries, account);
        }
        MasivSettings settings = MasivSettings.of(account);
        Semaphore inFlight = new Semaphore(settings.questionsInFlight());
        Map<Query, List<CompletableFuture<Response>>> asked = new LinkedHashMap<>();
        try {
            for (Query query : queries) {
                if (query.providerMessageId() == null) {
                    continue;
                }
                List<CompletableFuture<Response>> answers = new ArrayList<>();
                for (String part : query.providerMessageId().split(PART_SEPARATOR)) {
                    inFlight.acquire();
                    CompletableFuture<Response> answer;
                    try {
                        answer = client.askMessage(account, part);
                    } catch (RuntimeException e) {
                        inFlight.release();
                        answer = CompletableFuture.failedFuture(e);
                    }
                    answers.add(answer.whenComplete((response, failure) -> inFlight.release()));
                }
                asked.put(query, answers);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the questions asked so far are still read
        }
        Map<String, PolledStatus> statuses = new LinkedHashMap<>();
        asked.forEach((query, answers) -> status(query, answers, settings.handsetReports())
                .ifPresent(status -> statuses.put(query.messageId(), status)));
        return statuses;
    }

    /** A message's status from its parts' answers; none while a part got no answer (it is asked again later). */
    private static Optional<PolledStatus> status(Query query, List<CompletableFuture<Response>> answers, boolean handsetReports) {
        List<MessageStatus> parts = new ArrayList<>();
        String raw = null;
        OffsetDateTime latest = null;
        for (CompletableFuture<Response> asked : answers) {
            Response answer;
            try {
                answer = asked.join();
            } catch (CompletionException | CancellationException e) {
                return Optional.empty();
            }
            Integer error = answer.getData().getErrorcode();
            if (error != null) {
                // 2000, Invalid ID: Masiv does not know it (yet): unknown until the deadline
                parts.add(MessageStatus.UNKNOWN);
                raw = "error " + error;
            } else {
                parts.add(MasivCodes.ofStatus(answer.getData().getStatus(), handsetReports));
                raw = String.valueOf(answer.getData().getStatus());
                OffsetDateTime at = date(answer.getData().getDate());
                latest = latest == null || (at != null && at.isAfter(latest)) ? at : latest;
            }
        }
        return Optional.of(new PolledStatus(MessageStatus.rollUp(parts),
                new ProviderReport(CODE, raw, null, query.providerMessageId(), latest)));
    }

    /** getMessage's date, MM/DD/YYYY hh:mm:ss in UTC (the schema checks its shape); null when absent. */
    static OffsetDateTime date(String value) {
        return value == null || value.isBlank() ? null
                : LocalDateTime.parse(value.strip(), SEND_ON).atOffset(ZoneOffset.UTC);
    }

    /** Binds the session of an account configured for Masiv's SMPP option (the keeper asks for no other). */
    @Override
    public ProviderSession open(Account account, ProviderEvents events) throws Exception {
        if (!overSmpp(account)) {
            throw new IllegalStateException(account + " uses Masiv's HTTP API, which keeps no session");
        }
        return sessions.open(CODE, account, smpp(account), events, ReceiptErrors.NONE);
    }
}
