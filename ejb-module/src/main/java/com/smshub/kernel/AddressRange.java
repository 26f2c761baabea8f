package com.smshub.kernel;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A block of IP addresses in CIDR notation ({@code 203.0.113.0/24}, {@code 2001:db8::/32}, or one address alone).
 * Parsed from literals only: a host name is refused, never looked up.
 */
public record AddressRange(byte[] network, int prefixLength) {

    public AddressRange {
        network = network.clone();
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new InvalidValueException("prefix length " + prefixLength + " does not fit a " + network.length * 8 + "-bit address");
        }
    }

    /** Reads one range; the address's bits beyond the prefix are ignored. */
    public static AddressRange parse(String cidr) {
        String text = cidr == null ? "" : cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address);
        int prefix;
        try {
            prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("'" + cidr + "' has no prefix length after '/'");
        }
        return new AddressRange(bytes, prefix);
    }

    /** Reads a comma-separated list of ranges; empty or null for none. */
    public static List<AddressRange> parseAll(String list) {
        List<AddressRange> ranges = new ArrayList<>();
        if (list != null) {
            for (String item : list.split(",")) {
                if (!item.isBlank()) {
                    ranges.add(parse(item));
                }
            }
        }
        return List.copyOf(ranges);
    }

    /** Whether an address literal is in this range (an IPv4 address never is in an IPv6 range, nor the reverse). */
    public boolean contains(String address) {
        byte[] bytes;
        try {
            bytes = literal(address);
        } catch (InvalidValueException e) {
            return false;
        }
        if (bytes.length != network.length) {
            return false;
        }
        int bits = network.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE));
        return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    /** Whether any of the ranges holds the address. */
    public static boolean anyContains(List<AddressRange> ranges, String address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] literal(String address) {
        String text = address == null ? "" : address.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        // digits, dots, hex and colons only: InetAddress would otherwise look a name up
        if (text.isEmpty() || !text.matches("[0-9A-Fa-f.:]+") || !(text.contains(".") || text.contains(":"))) {
            throw new InvalidValueException("'" + address + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new InvalidValueException("'" + address + "' is not an IP address");
        }
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange r && r.prefixLength == prefixLength && java.util.Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefixLength;
    }
}
