package com.smshub.sending.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.provider.ProviderCode;
import com.smshub.routing.control.Router;
import com.smshub.routing.entity.Route;
import com.smshub.sending.entity.InvalidValueException;
import com.smshub.sending.entity.Msisdn;
import com.smshub.sending.entity.RecipientOutcome;
import com.smshub.sending.entity.RequestValidationException;
import com.smshub.sending.entity.Segmentation;
import com.smshub.sending.entity.SendCommand;
import com.smshub.sending.entity.SmsContent;
import com.smshub.status.entity.MessageStatus;
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

    /** One recipient's verdict: the message to store (with its first status) and the answer to give. */
    public record Verdict(MessageStore.NewMessage message, RecipientOutcome outcome, Route route) {
    }

    public List<Verdict> judge(TenantRef tenant, SendCommand command, OffsetDateTime now) {
        checkContent(command, now);
        List<Msisdn> numbers = new ArrayList<>(command.items().size());
        List<String> invalid = new ArrayList<>(command.items().size());
        for (SendCommand.Item item : command.items()) {
            try {
                numbers.add(Msisdn.parse(item.recipient(), tenant.defaultCountryCode()));
                invalid.add(null);
            } catch (InvalidValueException e) {
                numbers.add(null);
                invalid.add(e.getMessage());
            }
        }
        Set<String> optedOut = optOuts.optedOut(tenant.id(),
                numbers.stream().filter(java.util.Objects::nonNull).map(Msisdn::e164).toList());
        List<Verdict> verdicts = new ArrayList<>(command.items().size());
        for (int i = 0; i < command.items().size(); i++) {
            SendCommand.Item item = command.items().get(i);
            Msisdn number = numbers.get(i);
            String id = MessageIds.next();
            SmsContent content = item.content();
            Segmentation segmentation = content.segmentation();
            if (number == null) {
                verdicts.add(rejected(tenant, i, item, id, item.recipient(), segmentation, "INVALID_MSISDN", invalid.get(i)));
                continue;
            }
            if (optedOut.contains(number.e164())) {
                verdicts.add(rejected(tenant, i, item, id, number.e164(), segmentation, "OPTED_OUT",
                        "The recipient asked this tenant to stop sending (opt-out list)."));
                continue;
            }
            List<Route> routes = router.candidates(tenant.id(), number, content);
            if (routes.isEmpty()) {
                verdicts.add(rejected(tenant, i, item, id, number.e164(), segmentation, "NO_ROUTE",
                        "No configured route carries this content to " + number.e164() + "."));
                continue;
            }
            Route route = routes.get(0);
            MessageStatus status = content.scheduledAt() != null ? MessageStatus.SCHEDULED : MessageStatus.QUEUED;
            var price = route.pricePerSegment() == null ? null : route.pricePerSegment().times(segmentation.segments());
            // SMS Pro schedules itself (start_delivery, section 6.1): it gets a scheduled message at once
            OffsetDateTime due = content.scheduledAt() == null || route.account().getProvider() == ProviderCode.SMSPRO
                    ? now : content.scheduledAt();
            MessageStore.NewMessage message = new MessageStore.NewMessage(id, tenant.id(), i, item.itemReference(),
                    number.e164(), content, segmentation.encoding(), segmentation.segments(), status, null, null,
                    route.account().getProvider(), route.account().getId(), price, due, null);
            RecipientOutcome outcome = new RecipientOutcome(number.e164(), id, true, status, null, null,
                    segmentation.encoding(), segmentation.segments(), route.account().getProvider(), price);
            verdicts.add(new Verdict(message, outcome, route));
        }
        return command.kind() == SendCommand.Kind.SMS ? grouped(verdicts) : verdicts;
    }

    /**
     * The recipients of one SendSms share its content: those routed to an account that takes several
     * recipients a request (never premium ones: SMS Pro bills one recipient an MTB request) go in groups of
     * at most that many, each group named after its first message.
     */
    private static List<Verdict> grouped(List<Verdict> verdicts) {
        Map<Long, List<Integer>> byAccount = new LinkedHashMap<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict verdict = verdicts.get(i);
            if (verdict.route() != null && verdict.route().account().getRecipientsPerRequest() > 1
                    && verdict.message().content().premium() == null) {
                byAccount.computeIfAbsent(verdict.route().account().getId(), a -> new ArrayList<>()).add(i);
            }
        }
        if (byAccount.isEmpty()) {
            return verdicts; // the common case: no account batches
        }
        List<Verdict> grouped = new ArrayList<>(verdicts);
        for (List<Integer> positions : byAccount.values()) {
            int size = verdicts.get(positions.get(0)).route().account().getRecipientsPerRequest();
            for (int from = 0; from + 1 < positions.size(); from += size) {
                List<Integer> chunk = positions.subList(from, Math.min(positions.size(), from + size));
                String group = verdicts.get(chunk.get(0)).message().id();
                for (int position : chunk) {
                    Verdict v = verdicts.get(position);
                    grouped.set(position, new Verdict(v.message().inGroup(chunk.size() > 1 ? group : null), v.outcome(), v.route()));
                }
            }
        }
        return grouped;
    }

    private static Verdict rejected(TenantRef tenant, int position, SendCommand.Item item, String id, String recipient,
            Segmentation segmentation, String code, String reason) {
        MessageStore.NewMessage message = new MessageStore.NewMessage(id, tenant.id(), position, item.itemReference(),
                recipient, item.content(), segmentation.encoding(), segmentation.segments(), MessageStatus.REJECTED,
                code, reason, null, null, null, null, null);
        RecipientOutcome outcome = new RecipientOutcome(recipient, null, false, MessageStatus.REJECTED, code, reason,
                segmentation.encoding(), segmentation.segments(), null, null);
        return new Verdict(message, outcome, null);
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
