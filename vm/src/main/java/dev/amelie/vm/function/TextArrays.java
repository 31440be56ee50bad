package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a one-dimensional text array, {@code {a,"b c",NULL}}, as array_in reads it:
 * for the path arguments of the json operators until arrays are a type of their own.
 */
final class TextArrays {
    private TextArrays() {}

    static List<String> parse(String text) {
        String s = text.strip();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            throw malformed(text, "Array value must start with \"{\" or dimension information.");
        }
        List<String> elements = new ArrayList<>();
        int i = 1;
        int end = s.length() - 1;
        if (s.substring(1, end).isBlank()) {
            return elements;
        }
        while (i <= end) {
            while (i < end && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder element = new StringBuilder();
            if (i < end && s.charAt(i) == '"') {
                i++;
                while (i < end && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < end) {
                        i++;
                    }
                    element.append(s.charAt(i++));
                }
                i++;
                while (i < end && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
            } else {
                while (i < end && s.charAt(i) != ',') {
                    if (s.charAt(i) == '\\' && i + 1 < end) {
                        i++;
                    }
                    element.append(s.charAt(i++));
                }
                String bare = element.toString().strip();
                element.setLength(0);
                element.append(bare);
            }
            elements.add(element.toString());
            if (i < end && s.charAt(i) != ',') {
                throw malformed(text, "Unexpected array element.");
            }
            i++;
        }
        return elements;
    }

    private static SqlException malformed(String text, String detail) {
        return new SqlException(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"",
                detail, null, 0, null);
    }
}
