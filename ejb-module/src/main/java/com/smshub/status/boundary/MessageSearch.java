package com.smshub.status.boundary;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.message.MessageReads;
import com.smshub.message.entity.FoundMessage;
import com.smshub.message.entity.MessageCriteria;

/** Operators find messages of every tenant (the console, the admin API): newest first, one with its history. */
@Stateless
@RolesAllowed("operator")
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MessageSearch {

    /** The most a search answers. */
    public static final int MOST = 200;

    @Inject
    MessageReads reads;

    /** At most {@code limit} (capped at {@link #MOST}) messages that meet every criterion given, without history. */
    public List<FoundMessage> find(MessageCriteria criteria, int limit) {
        return reads.search(criteria, Math.max(1, Math.min(limit, MOST)), false);
    }

    /** One message with its history, oldest first. */
    public Optional<FoundMessage> one(String messageId) {
        return reads.search(new MessageCriteria(messageId, null, null, null, null), 1, true).stream().findFirst();
    }
}
