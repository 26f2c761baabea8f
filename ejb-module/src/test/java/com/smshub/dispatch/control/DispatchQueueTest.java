package com.smshub.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DispatchQueueTest {

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "m" + i).toList();
    }

    @Test
    void fewDispatchesGoOneToAMessageSoThatEachSessionGetsOne() {
        List<String> bodies = DispatchQueue.bodies(ids(10));
        assertEquals(10, bodies.size());
        assertEquals(List.of("m3"), DispatchQueue.dispatches(bodies.get(3)));
    }

    @Test
    void dispatchesAreSpreadOverTheListenerSessions() {
        List<String> bodies = DispatchQueue.bodies(ids(100));
        assertEquals(15, bodies.size(), "100 dispatches, 7 a message");
        assertEquals(7, DispatchQueue.dispatches(bodies.get(0)).size());
        assertEquals(2, DispatchQueue.dispatches(bodies.get(14)).size());
    }

    @Test
    void aMessageCarriesAtMostFifty() {
        List<String> bodies = DispatchQueue.bodies(ids(2000));
        assertEquals(40, bodies.size());
        assertTrue(bodies.stream().allMatch(b -> DispatchQueue.dispatches(b).size() == DispatchQueue.MOST_PER_MESSAGE));
    }

    @Test
    void everyDispatchArrivesOnceInOrderWithItsGroup() {
        List<String> dispatches = List.of("a", "b,c,d", "e", "f,g");
        List<String> read = DispatchQueue.bodies(dispatches).stream().flatMap(b -> DispatchQueue.dispatches(b).stream()).toList();
        assertEquals(dispatches, read);
        assertEquals(List.of("b", "c", "d"), DispatchQueue.messageIds(read.get(1)));
    }

    @Test
    void nothingQueuedIsNoMessage() {
        assertEquals(List.of(), DispatchQueue.bodies(List.of()));
    }
}
