package dev.amelie.pgwire.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One line of the client authentication rules, as pg_hba.conf writes a {@code host} record:
 * {@code host <database|all> <user|all> <address/mask|all> <method>}. Lists of names (a,b) work
 * as in pg_hba.conf; {@code local} records mean nothing without a Unix socket and are refused.
 */
public record HbaRule(java.util.List<String> databases, java.util.List<String> users, byte[] network, int prefix,
                      AuthMethod method, String text) {

    /** Reads one rule; IllegalArgumentException naming what is wrong. */
    public static HbaRule parse(String line) {
        String[] words = line.trim().split("\\s+");
        if (words.length != 5) {
            throw new IllegalArgumentException("hba rule must be 'host DATABASE USER ADDRESS/MASK METHOD', got '" + line.trim() + "'");
        }
        if (!words[0].equals("host") && !words[0].equals("hostnossl")) {
            throw new IllegalArgumentException("hba rule must start with host, got '" + words[0] + "'");
        }
        byte[] network = null;
        int prefix = 0;
        if (!words[3].equals("all")) {
            String[] parts = words[3].split("/");
            try {
                network = InetAddress.getByName(parts[0]).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("hba rule address must be an IP address, got '" + parts[0] + "'");
            }
            prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (parts.length > 2 || prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("hba rule has an invalid mask: '" + words[3] + "'");
            }
        }
        return new HbaRule(java.util.List.of(words[1].split(",")), java.util.List.of(words[2].split(",")), network, prefix,
                AuthMethod.parse(words[4]), line.trim());
    }

    public boolean matches(String database, String user, InetAddress address) {
        if (!databases.contains("all") && !databases.contains(database)) {
            return false;
        }
        if (!users.contains("all") && !users.contains(user)) {
            return false;
        }
        if (network == null) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
