package com.smshub.message;

import java.time.OffsetDateTime;
import java.util.Objects;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Reason;
import com.smshub.kernel.Segmentation;
import com.smshub.kernel.SmsContent;
import com.smshub.message.entity.RecipientOutcome;

/**
 * A message about to be stored, with its first status: accepted and assigned to an account, or rejected
 * with its reason. Built by {@link #accepted} and {@link #rejected}.
 *
 * @param assignment where it goes; null for a rejected message
 */
public record NewMessage(String id, Addressee addressee, SmsContent content, Segmentation segmentation, MessageStatus status,
        Reason reason, Assignment assignment) {

    /**
     * Whose message it is and where it stood in its request.
     *
     * @param recipient E.164 for an accepted message; as the caller wrote it for an invalid number
     */
    public record Addressee(long tenantId, int position, String itemReference, String recipient) {
    }

    /**
     * The account chosen at acceptance, what the message costs, when it is due for dispatch and the dispatch
     * group it goes to the provider with (null: alone).
     */
    public record Assignment(ProviderCode provider, long accountId, Money price, OffsetDateTime dispatchDueAt,
            String dispatchGroup) {
    }

    public NewMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(addressee, "addressee");
        Objects.requireNonNull(status, "status");
    }

    /** @param segmentation the content's, as acceptance worked it out to price it */
    public static NewMessage accepted(String id, Addressee addressee, SmsContent content, Segmentation segmentation,
            MessageStatus status, Assignment assignment) {
        return new NewMessage(id, addressee, content, segmentation, status, null, Objects.requireNonNull(assignment));
    }

    public static NewMessage rejected(String id, Addressee addressee, SmsContent content, Reason reason) {
        return new NewMessage(id, addressee, content, content.segmentation(), MessageStatus.REJECTED, reason, null);
    }

    /** The same message, going to the provider with this group (null: alone). */
    public NewMessage inGroup(String group) {
        Assignment a = assignment;
        return new NewMessage(id, addressee, content, segmentation, status, reason,
                new Assignment(a.provider(), a.accountId(), a.price(), a.dispatchDueAt(), group));
    }

    /** The answer its caller gets for it. */
    public RecipientOutcome outcome() {
        boolean accepted = assignment != null;
        return new RecipientOutcome(addressee.recipient(), accepted ? id : null, accepted, status, reason,
                segmentation.encoding(), segmentation.segments(), accepted ? assignment.provider() : null,
                accepted ? assignment.price() : null);
    }
}
