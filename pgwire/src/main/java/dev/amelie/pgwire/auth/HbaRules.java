package dev.amelie.pgwire.auth;

import java.net.InetAddress;
import java.util.List;

/**
 * The client authentication rules, first match wins (pg_hba.conf). Without rules of its own a
 * server trusts loopback connections and asks everyone else for a SCRAM-SHA-256 password.
 */
public record HbaRules(List<HbaRule> rules) {
    public HbaRules {
        rules = List.copyOf(rules);
    }

    public static HbaRules defaults() {
        return new HbaRules(List.of(HbaRule.parse("host all all 127.0.0.1/32 trust"),
                HbaRule.parse("host all all ::1/128 trust"), HbaRule.parse("host all all all scram-sha-256")));
    }

    /** Every connection uses {@code method} ({@code amelie start --auth}). */
    public static HbaRules everyone(AuthMethod method) {
        return new HbaRules(List.of(HbaRule.parse("host all all all " + method.text())));
    }

    public static HbaRules parse(List<String> lines) {
        return new HbaRules(lines.stream().map(HbaRule::parse).toList());
    }

    /** The first rule that matches, or null (no entry: the connection is refused). */
    public HbaRule match(String database, String user, InetAddress address) {
        for (HbaRule rule : rules) {
            if (rule.matches(database, user, address)) {
                return rule;
            }
        }
        return null;
    }
}
