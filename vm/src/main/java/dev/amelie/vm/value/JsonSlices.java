package dev.amelie.vm.value;

import java.util.List;

/**
 * The json operators' answers as PostgreSQL gives them: the text of a member exactly as the
 * operand has it (json keeps its input's spacing), not a re-printed value.
 */
public final class JsonSlices {
    private JsonSlices() {}

    /** The text of the object member named {@code key} (the last one, if repeated), or null. */
    public static String field(String json, String key) {
        List<JsonParser.Member> members = JsonParser.members(json);
        if (members == null) {
            return null;
        }
        String found = null;
        for (JsonParser.Member member : members) {
            if (key.equals(member.key())) {
                found = json.substring(member.start(), member.end());
            }
        }
        return found;
    }

    /** The text of the array element at {@code index} (negative counts from the end), or null. */
    public static String element(String json, int index) {
        List<JsonParser.Member> members = JsonParser.members(json);
        if (members == null || members.isEmpty() || members.getFirst().key() != null) {
            return null;
        }
        int at = index < 0 ? index + members.size() : index;
        if (at < 0 || at >= members.size()) {
            return null;
        }
        JsonParser.Member member = members.get(at);
        return json.substring(member.start(), member.end());
    }

    /** ->>'s text: a string's contents unescaped, JSON null as SQL NULL, anything else as written. */
    public static String asText(String slice) {
        if (slice.startsWith("\"")) {
            return (String) JsonParser.parse(slice);
        }
        return slice.equals("null") ? null : slice;
    }
}
