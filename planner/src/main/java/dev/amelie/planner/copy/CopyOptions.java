package dev.amelie.planner.copy;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * How COPY reads or writes its data: the options of PostgreSQL 15's COPY after
 * ProcessCopyOptions (src/backend/commands/copy.c) checked and defaulted them.
 *
 * @param csv       FORMAT csv (else text; binary is refused)
 * @param header    HEADER: a header line is written, or read and skipped
 * @param matchHeader HEADER MATCH (COPY FROM only): the header line must name the columns
 * @param delimiter DELIMITER, one byte: tab for text, comma for CSV
 * @param nullText  NULL: {@code \N} for text, the empty string for CSV
 * @param quote     QUOTE (CSV only), default {@code "}
 * @param escape    ESCAPE (CSV only), default the quote character
 * @param freeze    FREEZE: accepted and ignored; every COPY loads into the committed table as
 *                  one transaction, which is all FREEZE promises a reader
 */
public record CopyOptions(boolean csv, boolean header, boolean matchHeader, byte delimiter, String nullText,
                          byte quote, byte escape, boolean freeze) {

    /** One option as written: {@code name value}, the value null when absent; position 1-based or 0. */
    public record Option(String name, String value, int position) {}

    /** The defaults of text format. */
    public static final CopyOptions TEXT = of(List.of(), true);

    /** Checks and defaults the options as ProcessCopyOptions does, with PostgreSQL's messages. */
    public static CopyOptions of(List<Option> options, boolean from) {
        String format = null;
        Boolean freeze = null;
        String delimiter = null;
        String nullText = null;
        String header = null;
        String quote = null;
        String escape = null;
        for (Option option : options) {
            switch (option.name()) {
                case "format" -> {
                    checkUnique(format, option);
                    format = option.value() == null ? "" : option.value().toLowerCase(Locale.ROOT);
                    if (!format.equals("text") && !format.equals("csv")) {
                        if (format.equals("binary")) {
                            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY BINARY is not supported yet");
                        }
                        throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                                "COPY format \"" + option.value() + "\" not recognized", null, null, option.position(), null);
                    }
                }
                case "freeze" -> {
                    checkUnique(freeze, option);
                    freeze = booleanValue(option);
                }
                case "delimiter" -> {
                    checkUnique(delimiter, option);
                    delimiter = stringValue(option);
                }
                case "null" -> {
                    checkUnique(nullText, option);
                    nullText = stringValue(option);
                }
                case "header" -> {
                    checkUnique(header, option);
                    header = headerChoice(option, from);
                }
                case "quote" -> {
                    checkUnique(quote, option);
                    quote = stringValue(option);
                }
                case "escape" -> {
                    checkUnique(escape, option);
                    escape = stringValue(option);
                }
                case "encoding" -> {
                    String encoding = stringValue(option).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
                    if (!encoding.equals("utf8") && !encoding.equals("unicode")) {
                        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY ENCODING other than UTF8 is not supported");
                    }
                }
                case "force_quote", "force_not_null", "force_null" -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "COPY option \"" + option.name() + "\" is not supported yet");
                default -> throw new SqlException(SqlState.SYNTAX_ERROR,
                        "option \"" + option.name() + "\" not recognized", null, null, option.position(), null);
            }
        }
        boolean csv = "csv".equals(format);
        String delimiterText = delimiter != null ? delimiter : csv ? "," : "\t";
        String nullString = nullText != null ? nullText : csv ? "" : "\\N";
        if (utf8Length(delimiterText) != 1) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY delimiter must be a single one-byte character");
        }
        if (delimiterText.equals("\r") || delimiterText.equals("\n")) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "COPY delimiter cannot be newline or carriage return");
        }
        if (nullString.indexOf('\r') >= 0 || nullString.indexOf('\n') >= 0) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "COPY null representation cannot use newline or carriage return");
        }
        if (!csv && "\\.abcdefghijklmnopqrstuvwxyz0123456789".indexOf(delimiterText.charAt(0)) >= 0) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "COPY delimiter cannot be \"" + delimiterText + "\"");
        }
        if (!csv && quote != null) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote available only in CSV mode");
        }
        String quoteText = quote != null ? quote : "\"";
        if (csv && utf8Length(quoteText) != 1) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote must be a single one-byte character");
        }
        if (csv && delimiterText.charAt(0) == quoteText.charAt(0)) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "COPY delimiter and quote must be different");
        }
        if (!csv && escape != null) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY escape available only in CSV mode");
        }
        String escapeText = escape != null ? escape : quoteText;
        if (csv && utf8Length(escapeText) != 1) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY escape must be a single one-byte character");
        }
        if (nullString.indexOf(delimiterText.charAt(0)) >= 0) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY delimiter must not appear in the NULL specification");
        }
        if (csv && nullString.indexOf(quoteText.charAt(0)) >= 0) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "CSV quote character must not appear in the NULL specification");
        }
        return new CopyOptions(csv, header != null && !header.equals("false"), "match".equals(header),
                (byte) delimiterText.charAt(0), nullString, (byte) quoteText.charAt(0), (byte) escapeText.charAt(0),
                Boolean.TRUE.equals(freeze));
    }

    private static void checkUnique(Object seen, Option option) {
        if (seen != null) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "conflicting or redundant options", null, null, option.position(), null);
        }
    }

    private static String stringValue(Option option) {
        if (option.value() == null) {
            throw new SqlException(SqlState.SYNTAX_ERROR, option.name() + " requires a parameter");
        }
        return option.value();
    }

    /** defGetBoolean: no value means true; true/false/on/off/1/0 in any case. */
    private static boolean booleanValue(Option option) {
        Boolean value = parseBoolean(option.value());
        if (value == null) {
            throw new SqlException(SqlState.SYNTAX_ERROR, option.name() + " requires a Boolean value");
        }
        return value;
    }

    private static Boolean parseBoolean(String value) {
        if (value == null) {
            return true;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> null;
        };
    }

    /** defGetCopyHeaderChoice: a Boolean or "match" (which only COPY FROM accepts). */
    private static String headerChoice(Option option, boolean from) {
        Boolean value = parseBoolean(option.value());
        if (value != null) {
            return value.toString();
        }
        if (option.value().equalsIgnoreCase("match")) {
            if (!from) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use \"match\" with HEADER in COPY TO");
            }
            return "match";
        }
        throw new SqlException(SqlState.SYNTAX_ERROR, "header requires a Boolean value or \"match\"");
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
