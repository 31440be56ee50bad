package dev.amelie.planner.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's shapes of two SQL-standard calls that Calcite's parser does not take, made the
 * ones it does before it parses: {@code substring(x FOR n)} (from the start) becomes
 * {@code substring(x FROM 1 FOR n)}, and {@code trim(FROM x)} becomes {@code trim(BOTH FROM x)}.
 * Only words outside quotes and comments count; inserted text maps back to where it went in.
 */
final class SpecialFunctionSyntax {
    private SpecialFunctionSyntax() {}

    /** The text with the insertions, or null when it needs none. */
    static InfixCasts.Rewritten rewrite(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        if (!lower.contains("substring") && !lower.contains("trim")) {
            return null;
        }
        List<Token> tokens;
        try {
            tokens = Tokenizer.tokenize(sql);
        } catch (RuntimeException notTokenizable) {
            return null; // Calcite reports the error, at its place
        }
        List<int[]> insertions = new ArrayList<>(); // {offset, which}: 0 " from 1 " before FOR, 1 "both " before FROM
        for (int t = 0; t + 2 < tokens.size(); t++) {
            Token name = tokens.get(t);
            if (name.kind() != Token.Kind.WORD || !tokens.get(t + 1).text().equals("(")) {
                continue;
            }
            if (name.text().equals("trim") && tokens.get(t + 2).kind() == Token.Kind.WORD && tokens.get(t + 2).text().equals("from")) {
                insertions.add(new int[] {tokens.get(t + 2).position() - 1, 1});
            } else if (name.text().equals("substring")) {
                int depth = 0;
                boolean from = false;
                Token forWord = null;
                for (int u = t + 1; u < tokens.size(); u++) {
                    Token token = tokens.get(u);
                    if (token.text().equals("(")) {
                        depth++;
                    } else if (token.text().equals(")")) {
                        if (--depth == 0) {
                            break;
                        }
                    } else if (depth == 1 && token.kind() == Token.Kind.WORD) {
                        from |= token.text().equals("from");
                        if (token.text().equals("for") && forWord == null) {
                            forWord = token;
                        }
                    }
                }
                if (forWord != null && !from) {
                    insertions.add(new int[] {forWord.position() - 1, 0});
                }
            }
        }
        if (insertions.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder(sql.length() + 16);
        List<Integer> offsets = new ArrayList<>();
        int copied = 0;
        insertions.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int[] insertion : insertions) {
            for (; copied < insertion[0]; copied++) {
                text.append(sql.charAt(copied));
                offsets.add(copied);
            }
            String inserted = insertion[1] == 0 ? "from 1 " : "both ";
            for (int k = 0; k < inserted.length(); k++) {
                text.append(inserted.charAt(k));
                offsets.add(insertion[0]);
            }
        }
        for (; copied < sql.length(); copied++) {
            text.append(sql.charAt(copied));
            offsets.add(copied);
        }
        return new InfixCasts.Rewritten(text.toString(), offsets.stream().mapToInt(Integer::intValue).toArray());
    }
}
