package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessageStatusTest {

    @Test
    void statusesMoveOnlyForward() {
        assertTrue(MessageStatus.QUEUED.canMoveTo(MessageStatus.SUBMITTED));
        assertTrue(MessageStatus.QUEUED.canMoveTo(MessageStatus.DELIVERED), "an early report skips SUBMITTED");
        assertTrue(MessageStatus.UNKNOWN.canMoveTo(MessageStatus.DELIVERED), "an ambiguous send is resolved");
        assertFalse(MessageStatus.SUBMITTED.canMoveTo(MessageStatus.QUEUED));
        assertFalse(MessageStatus.SUBMITTED.canMoveTo(MessageStatus.SUBMITTED), "a repeated status changes nothing");
        assertFalse(MessageStatus.DELIVERED.canMoveTo(MessageStatus.UNDELIVERED), "nothing leaves a final status");
        assertFalse(MessageStatus.DELIVERED.canMoveTo(MessageStatus.DELIVERED));
        assertFalse(MessageStatus.FAILED.canMoveTo(MessageStatus.DELIVERED));
    }

    @Test
    void predecessorsAreExactlyTheStatusesThatMayMoveOn() {
        assertEquals(EnumSet.of(MessageStatus.ACCEPTED, MessageStatus.SCHEDULED, MessageStatus.QUEUED, MessageStatus.SUBMITTED,
                MessageStatus.UNKNOWN), MessageStatus.DELIVERED.predecessors());
        assertEquals(EnumSet.of(MessageStatus.ACCEPTED, MessageStatus.SCHEDULED), MessageStatus.QUEUED.predecessors());
        assertTrue(MessageStatus.ACCEPTED.predecessors().isEmpty());
        for (MessageStatus next : MessageStatus.values()) {
            for (MessageStatus from : MessageStatus.values()) {
                assertEquals(from.canMoveTo(next), next.predecessors().contains(from), from + " -> " + next);
            }
        }
    }

    @Test
    void finalStatuses() {
        for (MessageStatus status : MessageStatus.values()) {
            boolean expected = switch (status) {
                case DELIVERED, UNDELIVERED, EXPIRED, REJECTED, FAILED -> true;
                default -> false;
            };
            assertTrue(status.isFinal() == expected, status.name());
        }
    }

    @Test
    void aLongMessagesPartsRollUpIntoItsStatus() {
        assertEquals(MessageStatus.DELIVERED, MessageStatus.rollUp(List.of(MessageStatus.DELIVERED, MessageStatus.DELIVERED)));
        assertEquals(MessageStatus.SUBMITTED, MessageStatus.rollUp(List.of(MessageStatus.DELIVERED, MessageStatus.SUBMITTED)));
        assertEquals(MessageStatus.UNDELIVERED, MessageStatus.rollUp(List.of(MessageStatus.DELIVERED, MessageStatus.UNDELIVERED)));
        assertEquals(MessageStatus.EXPIRED, MessageStatus.rollUp(List.of(MessageStatus.SUBMITTED, MessageStatus.EXPIRED)),
                "one part lost: the message cannot be read whole");
        assertEquals(MessageStatus.REJECTED, MessageStatus.rollUp(List.of(MessageStatus.UNDELIVERED, MessageStatus.REJECTED)));
        assertEquals(MessageStatus.UNKNOWN, MessageStatus.rollUp(List.of(MessageStatus.UNKNOWN)), "Masiv's 2000, Invalid ID");
        assertEquals(MessageStatus.SUBMITTED, MessageStatus.rollUp(List.of(MessageStatus.UNKNOWN, MessageStatus.SUBMITTED)));
    }
}
