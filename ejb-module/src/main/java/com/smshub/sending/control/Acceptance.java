package com.smshub.sending.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.MessageIds;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Originator;
import com.smshub.kernel.Reason;
import com.smshub.kernel.Segmentation;
import com.smshub.kernel.SmsContent;
import com.smshub.message.NewMessage;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.GroupSending;
import com.smshub.provider.spi.Providers;
import com.smshub.routing.control.Router;
import com.smshub.routing.entity.Route;
import com.smshub.kernel.RequestValidationException;
import com.smshub.sending.entity.SendCommand;
import com.smshub.tenant.entity.TenantRef;

/**
 * Judges each recipient of a send: a valid number, not opted out, a route that can carry the content.
 * The same judgement serves SendSms, SendBatch and CalculatePrice, which only does not store it.
 */
@ApplicationScoped
public class Acceptance {

    @Inject
    Router router;

    @Inject
    OptOuts optOuts;

    @Inject
    Providers providers;

    /** One recipient's verdict: the message to store (with its first status), and the route chosen for it. */
    public record Verdict(NewMessage message, Route route) {
    }

    public List<Verdict> judge(TenantRef tenant, SendCommand command, OffsetDateTime now) {
        checkContent(command, now);
        List<Msisdn> numbers = new ArrayList<>(command.items().size());
        for (int i = 0; i < command.items().size(); i++) {
            try {
                numbers.add(Msisdn.parse(command.items().get(i).recipient(), tenant.defaultRegion()));
            } catch (InvalidValueException e) {
                // the caller's mistake in the request: refused whole, nothing stored, the field named
                String field = command.kind() == SendCommand.Kind.BATCH ? "message[" + (i + 1) + "]/recipient"
                        : command.items().size() == 1 ? "recipient" : "recipient[" + (i + 1) + "]";
                throw new RequestValidationException(field, "Not a mobile number: " + e.getMessage() + ".");
            }
        }
        Set<String> optedOut = optOuts.optedOut(tenant.id(), numbers.stream().filter(Objects::nonNull).map(Msisdn::e164).toList());
        List<Verdict> verdicts = new ArrayList<>(command.items().size());
        for (int i = 0; i < command.items().size(); i++) {
            SendCommand.Item item = command.items().get(i);
            Msisdn number = numbers.get(i);
            String id = MessageIds.next();
            SmsContent content = item.content();
            providers.served(content.providerPreference(),
                    (command.kind() == SendCommand.Kind.BATCH ? "message[" + (i + 1) + "]/" : "") + "providerPreference");
            NewMessage.Addressee to = new NewMessage.Addressee(tenant.id(), i, item.itemReference(), number.e164());
            if (optedOut.contains(number.e164())) {
                verdicts.add(rejected(id, to, content, "OPTED_OUT", "The recipient asked this tenant to stop sending (opt-out list)."));
                continue;
            }
            List<Route> routes = router.candidates(tenant.id(), number, content);
            if (routes.isEmpty()) {
                String message = command.kind() == SendCommand.Kind.BATCH ? "message[" + (i + 1) + "]/" : "";
                senderTakenSomewhere(tenant.id(), number, content, message + "originator/value");
                router.refusedEverywhere(tenant.id(), number, content).ifPresent(rule -> {
                    throw new RequestValidationException(message + rule.field(), rule.reason());
                });
                verdicts.add(rejected(id, to, content, "NO_ROUTE", "No configured route carries this content to " + number.e164() + "."));
                continue;
            }
            Route route = routes.get(0);
            MessageStatus status = content.scheduledAt() != null ? MessageStatus.SCHEDULED : MessageStatus.QUEUED;
            Segmentation segmentation = content.segmentation();
            Money price = route.pricePerSegment() == null ? null : route.pricePerSegment().times(segmentation.segments());
            verdicts.add(new Verdict(NewMessage.accepted(id, to, content, segmentation, status, new NewMessage.Assignment(
                    route.account().provider(), route.account().id(), price, dueAt(content, route, now), null)), route));
        }
        return grouped(verdicts, (route, content) -> providers.capability(route.account().provider(), GroupSending.class)
                .map(sender -> sender.groupKey(content)));
    }

    /**
     * The caller's mistake, refused whole with the field named: an alphanumeric sender longer than any provider
     * that would carry the message takes (Masiv takes 16 characters, most providers 11).
     */
    private void senderTakenSomewhere(long tenantId, Msisdn number, SmsContent content, String field) {
        if (content.originator() == null || content.originator().type() != Originator.Type.ALPHANUMERIC) {
            return;
        }
        int longest = router.longestSender(tenantId, number, content);
        if (longest > 0 && content.originator().value().length() > longest) {
            throw new RequestValidationException(field, "An alphanumeric originator of " + content.originator().value().length()
                    + " characters is longer than the providers routed to " + number.e164() + " take (at most " + longest + ").");
        }
    }

    /**
     * When a message is due for dispatch: at once, unless it is scheduled and its provider cannot schedule;
     * then the gateway holds it in the outbox until its time.
     */
    static OffsetDateTime dueAt(SmsContent content, Route route, OffsetDateTime now) {
        return content.scheduledAt() == null || route.capabilities().has(Feature.SCHEDULING) ? now : content.scheduledAt();
    }

    /**
     * Messages routed to one account that takes several in a request, and that may share one (its adapter's
     * group key: SMS Pro, the same content; MOBIPACE, the same sender and time), go in groups of at most
     * as many as the account takes, in request order, each group named after its first message. Premium
     * messages never share a request: each recipient is charged on its own.
     *
     * @param groupKey the adapter's group key of a route's provider for a content; empty where it sends one a request
     */
    static List<Verdict> grouped(List<Verdict> verdicts, BiFunction<Route, SmsContent, Optional<Object>> groupKey) {
        Map<List<Object>, List<Integer>> buckets = new LinkedHashMap<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict verdict = verdicts.get(i);
            Route route = verdict.route();
            SmsContent content = verdict.message().content();
            if (route == null || content.premium() != null || route.capabilities().mostPerRequest(true) < 2) {
                continue;
            }
            Optional<Object> key = groupKey.apply(route, content);
            if (key.isPresent()) {
                buckets.computeIfAbsent(List.of(route.account().id(), key.get()), b -> new ArrayList<>()).add(i);
            }
        }
        if (buckets.isEmpty()) {
            return verdicts; // the common case: no account takes several messages a request
        }
        List<Verdict> grouped = new ArrayList<>(verdicts);
        for (List<Integer> positions : buckets.values()) {
            Verdict first = verdicts.get(positions.get(0));
            boolean sameText = positions.stream().allMatch(p -> verdicts.get(p).message().content().equals(first.message().content()));
            int size = first.route().capabilities().mostPerRequest(sameText);
            for (int from = 0; from + 1 < positions.size() && size > 1; from += size) {
                List<Integer> chunk = positions.subList(from, Math.min(positions.size(), from + size));
                if (chunk.size() < 2) {
                    continue;
                }
                String group = verdicts.get(chunk.get(0)).message().id();
                for (int position : chunk) {
                    Verdict v = verdicts.get(position);
                    grouped.set(position, new Verdict(v.message().inGroup(group), v.route()));
                }
            }
        }
        return grouped;
    }

    private static Verdict rejected(String id, NewMessage.Addressee to, SmsContent content, String code, String reason) {
        return new Verdict(NewMessage.rejected(id, to, content, new Reason(code, reason)), null);
    }

    /** Rules a schema cannot say: times relative to now. */
    private static void checkContent(SendCommand command, OffsetDateTime now) {
        for (int i = 0; i < command.items().size(); i++) {
            SmsContent content = command.items().get(i).content();
            String prefix = command.kind() == SendCommand.Kind.BATCH ? "message[" + (i + 1) + "]/" : "";
            if (content.scheduledAt() != null && !content.scheduledAt().isAfter(now)) {
                throw new RequestValidationException(prefix + "scheduledAt", "scheduledAt must be in the future.");
            }
            if (content.scheduledAt() != null && content.scheduledAt().isAfter(now.plusDays(30))) {
                throw new RequestValidationException(prefix + "scheduledAt", "scheduledAt may be at most 30 days ahead.");
            }
            if (command.kind() == SendCommand.Kind.SMS) {
                return; // one content for all recipients: checked once
            }
        }
    }
}
