package dev.amelie.planner.relational;

import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.Tokenizer;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The PostgreSQL forms of UPDATE and DELETE that Calcite's grammar lacks: {@code UPDATE … FROM
 * list}, {@code UPDATE … SET (a, b) = (x, y) | (SELECT …)} and {@code DELETE … USING list}.
 *
 * <p>The statement is parsed twice, from texts of its own length in which the parts the parse
 * must not see are blanked (newlines kept), so every position Calcite reports is one in the
 * client's text: once as the UPDATE (DELETE) without its FROM (USING) list and with each
 * multiple-column item cut to its first column, for the target table, its alias, the single
 * targets and (without FROM) the condition; once as {@code SELECT sources [FROM list WHERE
 * condition]}, whose parameters are numbered in the order of the text. The FROM list rides to the validator in the statement's
 * source select ({@link DmlValidator} joins it to the target).
 *
 * <p>{@code SET (a, b) = (SELECT …)} becomes one scalar subquery per column, each reading one
 * column of its own copy of the subquery (a re-parse), so no row or a second row behaves as in
 * PostgreSQL (NULLs, 21000).
 */
final class DmlClauses {
    /** The derived table's name in a multiple-column assignment's subquery, told apart in errors. */
    static final String MULTIPLE_ASSIGNMENT = "$multiple_assignment";

    private DmlClauses() {}

    /** The statement in one of these forms, parsed; null when it is in none (it is parsed as written). */
    static SqlNode parse(String text, Function<String, SqlNode> parser) {
        if (!startsWithWord(text, "update") && !startsWithWord(text, "delete")) {
            return null;
        }
        List<Token> tokens = Tokenizer.tokenizeOrNull(text);
        if (tokens == null) {
            return null;
        }
        if (tokens.getFirst().isWord("update")) {
            return update(text, tokens, parser);
        }
        if (tokens.getFirst().isWord("delete")) {
            return delete(text, tokens, parser);
        }
        return null;
    }

    private static boolean startsWithWord(String text, String word) {
        String stripped = text.stripLeading();
        return stripped.regionMatches(true, 0, word, 0, word.length());
    }

    /** One SET item: its tokens [start, end), the {@code =} at {@code equals}. */
    private record Item(int start, int equals, int end) {
        boolean multiple(List<Token> tokens) {
            return tokens.get(start).isSymbol("(");
        }
    }

    private static SqlNode update(String text, List<Token> tokens, Function<String, SqlNode> parser) {
        int set = nextAtDepthZero(tokens, 1, t -> t.isWord("set"));
        if (set < 0) {
            return null;
        }
        List<Item> items = new ArrayList<>();
        int from = -1;
        int where = tokens.size() - 1;
        int depth = 0;
        int itemStart = set + 1;
        int equals = -1;
        for (int i = set + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(") || token.isSymbol("[")) {
                depth++;
            } else if (token.isSymbol(")") || token.isSymbol("]")) {
                depth--;
            }
            if (depth != 0) {
                continue;
            }
            boolean ends = token.kind() == Token.Kind.END || token.isSymbol(";") || token.isWord("where")
                    || token.isWord("from") && !tokens.get(i - 1).isWord("distinct");
            if (equals < 0 && token.isSymbol("=")) {
                equals = i;
            } else if (token.isSymbol(",") || ends) {
                if (equals < 0) {
                    return null; // not an assignment list: let the parser say what is wrong
                }
                items.add(new Item(itemStart, equals, i));
                itemStart = i + 1;
                equals = -1;
            }
            if (ends) {
                if (token.isWord("from")) {
                    from = i;
                    where = nextAtDepthZero(tokens, i + 1, t -> t.isWord("where") || t.isSymbol(";") || t.kind() == Token.Kind.END);
                } else {
                    where = i;
                }
                break;
            }
        }
        boolean multiple = items.stream().anyMatch(item -> item.multiple(tokens));
        if (from < 0 && !multiple) {
            return null;
        }
        char[] updateForm = text.toCharArray();
        if (from >= 0) {
            blank(updateForm, offset(tokens.get(from)), offset(tokens.get(where)));
        }
        char[] selectForm = text.toCharArray();
        blank(selectForm, 0, offset(tokens.get(set + 1)));
        write(selectForm, offset(tokens.getFirst()), "select");
        if (from < 0) {
            // Calcite's SELECT has no WHERE without FROM: the condition comes from the UPDATE form.
            blank(selectForm, offset(tokens.get(where)), selectForm.length);
        }
        for (Item item : items) {
            blank(selectForm, offset(tokens.get(item.start())), offset(tokens.get(item.equals() + 1)));
            if (item.multiple(tokens)) {
                // "(a, b) = source" becomes "a= source" in the UPDATE form, a's own text at its
                // place and the source kept, so the parameters after it keep their numbers.
                blank(updateForm, offset(tokens.get(item.start())), offset(tokens.get(item.equals() + 1)));
                Token first = tokens.get(item.start() + 1);
                String raw = text.substring(offset(first), offset(tokens.get(item.start() + 2))).stripTrailing();
                write(updateForm, offset(first), raw + "=");
                Token source = tokens.get(item.equals() + 1);
                if (source.isWord("row") && tokens.get(item.equals() + 2).isSymbol("(")) {
                    // Calcite's grammar has no ROW(…) here; (…) is the same row.
                    blank(updateForm, offset(source), offset(source) + 3);
                    blank(selectForm, offset(source), offset(source) + 3);
                }
            }
        }
        SqlUpdate update = (SqlUpdate) parser.apply(new String(updateForm));
        String selectText = new String(selectForm);
        SqlSelect select = (SqlSelect) parser.apply(selectText);
        SqlNodeList targets = new SqlNodeList(update.getTargetColumnList().getParserPosition());
        SqlNodeList sources = new SqlNodeList(update.getSourceExpressionList().getParserPosition());
        for (int k = 0; k < items.size(); k++) {
            Item item = items.get(k);
            SqlNode source = select.getSelectList().get(k);
            if (!item.multiple(tokens)) {
                targets.add(update.getTargetColumnList().get(k));
                sources.add(source);
                continue;
            }
            List<SqlIdentifier> columns = columns(text, tokens, item);
            if (source.getKind() == SqlKind.ROW) {
                List<SqlNode> values = ((SqlCall) source).getOperandList();
                if (values.size() != columns.size()) {
                    throw columnCountMismatch(text, source);
                }
                targets.addAll(columns);
                sources.addAll(values);
            } else if (source.getKind().belongsTo(SqlKind.QUERY)) {
                for (int j = 0; j < columns.size(); j++) {
                    // Each column reads its own copy: a node must not sit twice in the tree.
                    SqlNode copy = j == 0 ? source : ((SqlSelect) parser.apply(selectText)).getSelectList().get(k);
                    targets.add(columns.get(j));
                    sources.add(oneColumn(copy, j, columns.size()));
                }
            } else {
                throw new SqlException(SqlState.SYNTAX_ERROR,
                        "source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression", null, null,
                        position(text, source), null);
            }
        }
        checkDistinct(targets);
        update.setOperand(1, targets);
        update.setOperand(2, sources);
        if (from >= 0) {
            update.setOperand(3, select.getWhere());
            select.setSelectList(SqlNodeList.SINGLETON_STAR);
            select.setWhere(null);
            update.setSourceSelect(select);
        }
        return update;
    }

    private static SqlNode delete(String text, List<Token> tokens, Function<String, SqlNode> parser) {
        int using = nextAtDepthZero(tokens, 1, t -> t.isWord("using") || t.isWord("where"));
        if (using < 0 || !tokens.get(using).isWord("using")) {
            return null;
        }
        int where = nextAtDepthZero(tokens, using + 1, t -> t.isWord("where") || t.isSymbol(";") || t.kind() == Token.Kind.END);
        char[] deleteForm = text.toCharArray();
        blank(deleteForm, offset(tokens.get(using)), offset(tokens.get(where)));
        char[] selectForm = text.toCharArray();
        blank(selectForm, 0, offset(tokens.get(using)));
        write(selectForm, offset(tokens.getFirst()), "select *");
        write(selectForm, offset(tokens.get(using)), "from ");
        SqlDelete delete = (SqlDelete) parser.apply(new String(deleteForm));
        SqlSelect select = (SqlSelect) parser.apply(new String(selectForm));
        delete.setOperand(1, select.getWhere());
        select.setWhere(null);
        delete.setSourceSelect(select);
        return delete;
    }

    /** The columns of {@code (a, b, …) =}, named as the parser names identifiers. */
    private static List<SqlIdentifier> columns(String text, List<Token> tokens, Item item) {
        List<SqlIdentifier> columns = new ArrayList<>();
        for (int i = item.start() + 1; i < item.equals(); i++) {
            Token token = tokens.get(i);
            if (token.isIdentifier()) {
                columns.add(new SqlIdentifier(token.text(), position(text, offset(token))));
            } else if (!token.isSymbol(",") && !token.isSymbol(")")) {
                throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + token.text() + "\"", null,
                        null, token.position(), null);
            }
        }
        return columns;
    }

    /** {@code (SELECT m.cj FROM (query) AS m(c0, …, cn-1))}: column j of the query's one row. */
    private static SqlNode oneColumn(SqlNode query, int j, int width) {
        SqlParserPos pos = query.getParserPosition();
        List<SqlNode> as = new ArrayList<>();
        as.add(query);
        as.add(new SqlIdentifier(MULTIPLE_ASSIGNMENT, pos));
        for (int c = 0; c < width; c++) {
            as.add(new SqlIdentifier("c" + c, pos));
        }
        SqlBasicCall derived = new SqlBasicCall(SqlStdOperatorTable.AS, as, pos);
        SqlNodeList list = SqlNodeList.of(new SqlIdentifier(List.of(MULTIPLE_ASSIGNMENT, "c" + j), pos));
        return new SqlSelect(pos, null, list, derived, null, null, null, null, null, null, null, null, null);
    }

    /** PostgreSQL's 42601 for SET a = 1, a = 2 (transformUpdateTargetList, no position). */
    private static void checkDistinct(SqlNodeList targets) {
        Set<String> seen = new HashSet<>();
        for (SqlNode target : targets) {
            String name = target.toString();
            if (target instanceof SqlIdentifier id && id.isSimple()) {
                name = id.getSimple();
            }
            if (!seen.add(name)) {
                throw new SqlException(SqlState.SYNTAX_ERROR, "multiple assignments to same column \"" + name + "\"");
            }
        }
    }

    private static SqlException columnCountMismatch(String text, SqlNode source) {
        return new SqlException(SqlState.SYNTAX_ERROR, "number of columns does not match number of values", null, null,
                position(text, source), null);
    }

    private static int nextAtDepthZero(List<Token> tokens, int from, java.util.function.Predicate<Token> wanted) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (depth == 0 && wanted.test(token)) {
                return i;
            }
            if (token.isSymbol("(") || token.isSymbol("[")) {
                depth++;
            } else if (token.isSymbol(")") || token.isSymbol("]")) {
                depth--;
            }
        }
        return -1;
    }

    private static int offset(Token token) {
        return token.position() - 1;
    }

    private static void blank(char[] text, int from, int to) {
        for (int i = from; i < to && i < text.length; i++) {
            if (text[i] != '\n' && text[i] != '\r') {
                text[i] = ' ';
            }
        }
    }

    private static void write(char[] text, int at, String what) {
        what.getChars(0, what.length(), text, at);
    }

    /** The 1-based position in {@code text} of a parsed node. */
    private static int position(String text, SqlNode node) {
        SqlParserPos pos = node.getParserPosition();
        return dev.amelie.planner.error.CalciteErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum());
    }

    private static SqlParserPos position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SqlParserPos(line, offset - lineStart + 1);
    }
}
