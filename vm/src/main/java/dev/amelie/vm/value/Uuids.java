package dev.amelie.vm.value;

import java.util.UUID;

/**
 * uuid's text input and ordering as PostgreSQL 15 has them (uuid.c): 32 hex digits, optionally
 * in braces, with a hyphen allowed after any group of four digits; output is the lowercase
 * 8-4-4-4-12 form {@link UUID#toString} prints. Order is unsigned bytewise (memcmp), which
 * {@link UUID#compareTo} is not: it compares signed longs.
 */
public final class Uuids {
    private Uuids() {}

    public static UUID parse(String text) {
        int i = 0;
        int end = text.length();
        boolean braces = end > 0 && text.charAt(0) == '{';
        if (braces) {
            i++;
        }
        long high = 0;
        long low = 0;
        for (int digit = 0; digit < 32; digit++) {
            if (i >= end) {
                throw TextInput.invalid(text, "uuid");
            }
            int value = Character.digit(text.charAt(i), 16);
            if (value < 0 || text.charAt(i) > 'f') {
                throw TextInput.invalid(text, "uuid");
            }
            if (digit < 16) {
                high = high << 4 | value;
            } else {
                low = low << 4 | value;
            }
            i++;
            if (digit % 4 == 3 && digit != 31 && i < end && text.charAt(i) == '-') {
                i++;
            }
        }
        if (braces) {
            if (i >= end || text.charAt(i) != '}') {
                throw TextInput.invalid(text, "uuid");
            }
            i++;
        }
        if (i != end) {
            throw TextInput.invalid(text, "uuid");
        }
        return new UUID(high, low);
    }

    public static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
