package dev.amelie.planner.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InfixCastsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "select 1 = '1'::int|select 1 = CAST('1' AS int)",
            "select 2 = abs(-2)::int|select 2 = CAST(abs(-2) AS int)",
            "select (a + b)::text from t|select CAST((a + b) AS text) from t",
            "select t.x::bigint, $1::int4|select CAST(t.x AS bigint), CAST($1 AS int4)",
            "select x::text::int|select CAST(CAST(x AS text) AS int)",
            "select 1.5::double precision|select CAST(1.5 AS double precision)",
            "select 1e-5::float8|select CAST(1e-5 AS float8)",
            "select -1::int|select -CAST(1 AS int)",
            "select now()::timestamp with time zone|select CAST(now() AS timestamp with time zone)",
            "select 'a'::varchar(10), E'b\\tc'::text|select CAST('a' AS varchar(10)), CAST('b\tc' AS text)",
            "select cast(a::text as int) from t where b in ('x')::text|select cast(CAST(a AS text) as int) from t where b in CAST(('x') AS text)",
            "select ':: not a cast', x from t|select ':: not a cast', x from t",
            "select '{1}'::int[]|select CAST('{1}' AS int ARRAY)",
    })
    void rewritesToCast(String sql, String expected) {
        assertEquals(expected, InfixCasts.rewrite(sql).text());
    }

    @Test
    void positionsMapBackToTheOriginal() {
        String sql = "select 'x'::int, junk";
        InfixCasts.Rewritten rewritten = InfixCasts.rewrite(sql);
        assertEquals(sql.indexOf("'x'") + 1, rewritten.originalPosition(rewritten.text().indexOf("'x'") + 1));
        assertEquals(sql.indexOf("junk") + 1, rewritten.originalPosition(rewritten.text().indexOf("junk") + 1));
    }
}
