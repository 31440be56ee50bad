package dev.amelie.planner.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The operators of PostgreSQL's "any other operator" class become calls with its precedence. */
class GenericOperatorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "select 2 | 3 & 4; select bit_and_op(bit_or_op(2 ,  3) ,  4)",
            "select 1 << 2 + 1, x; select shift_left_op(1 ,  2 + 1), x",
            "select ~1 + 2; select bit_not_op(1 + 2)",
            "select 1 | ~2 * 3 = 7; select bit_or_op(1 ,  bit_not_op(2 * 3)) = 7",
            "select a.b & f(x)[1] from t where c # $1 > 0; select bit_and_op(a.b ,  f(x)[1]) from t where bit_xor_op(c ,  $1) > 0",
            "select -a & -b; select bit_and_op(-a ,  -b)",
            "select 'x' || 'y' | 1; select bit_or_op('x' || 'y' ,  1)",
            "select |/ 25, ||/ 27, @ -5; select sqrt_op( 25), cbrt_op( 27), abs_op( -5)",
            "select case when a & 1 = 1 then 'odd' end; select case when bit_and_op(a ,  1) = 1 then 'odd' end",
            "select x::int & 3; select bit_and_op(CAST(x AS int) ,  3)",
    })
    void rewritesWithPostgresPrecedence(String sql, String expected) {
        assertEquals(expected.strip(), InfixCasts.rewrite(sql).text());
    }

    @Test
    void leavesConcatenationJsonAndComparisonsAlone() {
        String sql = "select a || b, c <= d, e <> f, g >= h from t";
        assertEquals(sql, InfixCasts.rewrite(sql).text());
        assertEquals("select json_op_path_text(j ,  '{a}') from t", InfixCasts.rewrite("select j #>> '{a}' from t").text());
        assertEquals("select array_op_overlap(a ,  b) from t", InfixCasts.rewrite("select a && b from t").text());
    }

    @Test
    void callsPointAtTheOperator() {
        String sql = "select 'x' | 2";
        InfixCasts.Rewritten rewritten = InfixCasts.rewrite(sql);
        assertEquals(sql.indexOf('|') + 1, rewritten.originalPosition(rewritten.text().indexOf("bit_or_op") + 1));
    }
}
