package dev.amelie.vm.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * to_char(number, format) as PostgreSQL 15's formatting.c for the common patterns: 9 (a digit,
 * a leading zero shown as a space), 0 (a digit, zeros shown), . and D (the decimal point), , and
 * G (a group separator, a space before the first digit), S (the sign, anchored to the number),
 * MI, PL, SG (the sign where they stand), FM (no padding, no trailing zeros from 9s). Without a
 * sign pattern a '-' or a space stands just before the number. A value with more integer digits
 * than the format has prints '#' in every digit place.
 */
final class NumberFormat {
    private NumberFormat() {}

    private enum Kind { NINE, ZERO, POINT, GROUP, S, MI, PL, SG, LITERAL }

    private record Token(Kind kind, String text) {}

    static String format(Object value, String format) {
        // float8 rounds its exact binary value half to even, as PostgreSQL's printf does; numeric half away from zero.
        boolean binary = value instanceof Double || value instanceof Float;
        BigDecimal number = value instanceof BigDecimal d ? d
                : binary ? new BigDecimal(((Number) value).doubleValue()) : new BigDecimal(value.toString());
        List<Token> tokens = new ArrayList<>();
        boolean fill = false;
        for (int i = 0; i < format.length(); ) {
            String rest = format.substring(i).toUpperCase(Locale.ROOT);
            char c = format.charAt(i);
            if (c == '"') {
                int end = format.indexOf('"', i + 1);
                end = end < 0 ? format.length() : end;
                tokens.add(new Token(Kind.LITERAL, format.substring(i + 1, end)));
                i = end + 1;
            } else if (rest.startsWith("FM")) {
                fill = true;
                i += 2;
            } else if (rest.startsWith("MI") || rest.startsWith("PL") || rest.startsWith("SG")) {
                tokens.add(new Token(Kind.valueOf(rest.substring(0, 2)), ""));
                i += 2;
            } else if (c == '9') {
                tokens.add(new Token(Kind.NINE, ""));
                i++;
            } else if (c == '0') {
                tokens.add(new Token(Kind.ZERO, ""));
                i++;
            } else if (c == '.' || c == 'D' || c == 'd') {
                tokens.add(new Token(Kind.POINT, ""));
                i++;
            } else if (c == ',' || c == 'G' || c == 'g') {
                tokens.add(new Token(Kind.GROUP, ""));
                i++;
            } else if (c == 'S' || c == 's') {
                tokens.add(new Token(Kind.S, ""));
                i++;
            } else {
                tokens.add(new Token(Kind.LITERAL, String.valueOf(c)));
                i++;
            }
        }
        int pointAt = -1;
        int pre = 0;
        int post = 0;
        int zeroStart = -1;
        boolean explicitSign = false;
        for (int t = 0; t < tokens.size(); t++) {
            Kind kind = tokens.get(t).kind();
            if (kind == Kind.POINT && pointAt < 0) {
                pointAt = t;
            } else if (kind == Kind.NINE || kind == Kind.ZERO) {
                if (pointAt < 0) {
                    if (kind == Kind.ZERO && zeroStart < 0) {
                        zeroStart = pre;
                    }
                    pre++;
                } else {
                    post++;
                }
            } else if (kind == Kind.S || kind == Kind.MI || kind == Kind.SG) {
                explicitSign = true; // (PL still leaves the sign's own place before the number)
            }
        }
        boolean negative = number.signum() < 0;
        BigDecimal rounded = number.abs().setScale(post, binary ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP);
        String plain = rounded.toPlainString();
        String intDigits = post > 0 ? plain.substring(0, plain.indexOf('.')) : plain;
        String fracDigits = post > 0 ? plain.substring(plain.indexOf('.') + 1) : "";
        if (intDigits.equals("0") && post > 0) {
            intDigits = ""; // 0.5 as .50: a zero before the point shows only where a 0 says so
        }
        negative &= rounded.signum() != 0;
        boolean overflow = intDigits.length() > pre;
        String signText = negative ? "-" : fill ? "" : " ";

        StringBuilder out = new StringBuilder();
        int preSlot = 0;
        int postSlot = 0;
        boolean started = false;      // a digit (or the point) of the number is out
        boolean signPlaced = explicitSign;
        int lastKeptPost = out.length();
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            switch (token.kind()) {
                case NINE, ZERO -> {
                    boolean inPre = pointAt < 0 || t < pointAt;
                    if (inPre) {
                        int slot = preSlot++;
                        int digitIndex = slot - (pre - intDigits.length());
                        String digit;
                        if (overflow) {
                            digit = "#";
                        } else if (digitIndex >= 0) {
                            digit = String.valueOf(intDigits.charAt(digitIndex));
                        } else if (zeroStart >= 0 && slot >= zeroStart) {
                            digit = "0";
                        } else {
                            digit = null; // a leading position: a space, or nothing in FM
                        }
                        if (digit == null) {
                            if (!fill) {
                                out.append(' ');
                            }
                        } else {
                            if (!signPlaced) {
                                out.append(signText);
                                signPlaced = true;
                            }
                            out.append(digit);
                            started = true;
                        }
                    } else {
                        int slot = postSlot++;
                        if (!signPlaced) {
                            out.append(signText);
                            signPlaced = true;
                        }
                        out.append(overflow ? '#' : fracDigits.charAt(slot));
                        if (!fill || token.kind() == Kind.ZERO || fracDigits.charAt(slot) != '0' || overflow) {
                            lastKeptPost = out.length();
                        }
                    }
                }
                case POINT -> {
                    if (fill && post == 0) {
                        break; // FM999. shows no point after the last digit
                    }
                    if (!signPlaced) {
                        out.append(signText);
                        signPlaced = true;
                    }
                    out.append('.');
                    started = true;
                    lastKeptPost = out.length();
                }
                case GROUP -> {
                    if (started) {
                        out.append(',');
                    } else if (!fill) {
                        out.append(' ');
                    }
                }
                case S -> {
                    // anchored to the number: placed with the first digit (see signPlaced)
                }
                case MI -> out.append(negative ? "-" : fill ? "" : " ");
                case PL -> out.append(negative ? " " : "+");
                case SG -> out.append(negative ? "-" : "+");
                case LITERAL -> out.append(token.text());
            }
        }
        String result = out.toString();
        if (fill && post > 0) {
            // FM drops the zeros the 9s after the point would show (not the point itself).
            String kept = result.substring(0, lastKeptPost);
            String tail = result.substring(lastKeptPost).replaceAll("[0-9]", "");
            result = kept + tail;
        }
        if (hasAnchoredSign(tokens)) {
            result = anchorSign(result, negative ? "-" : "+", tokens);
        }
        return result;
    }

    private static boolean hasAnchoredSign(List<Token> tokens) {
        return tokens.stream().anyMatch(t -> t.kind() == Kind.S);
    }

    /** S: the sign goes just before the first digit (S first) or just after the last (S last). */
    private static String anchorSign(String text, String sign, List<Token> tokens) {
        boolean last = tokens.getLast().kind() == Kind.S;
        if (last) {
            return text + sign;
        }
        int first = 0;
        while (first < text.length() && text.charAt(first) == ' ') {
            first++;
        }
        return text.substring(0, first) + sign + text.substring(first);
    }
}
