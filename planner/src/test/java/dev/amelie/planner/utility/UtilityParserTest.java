package dev.amelie.planner.utility;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.PlannedStatement.TransactionControl.Kind;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Accepted forms follow PostgreSQL 15's gram.y (TransactionStmt, VariableSetStmt, VariableShowStmt, VariableResetStmt). */
class UtilityParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "begin|BEGIN", "BEGIN WORK|BEGIN", "begin transaction|BEGIN",
            "begin isolation level repeatable read|BEGIN", "BEGIN ISOLATION LEVEL READ COMMITTED, READ ONLY|BEGIN",
            "begin transaction isolation level serializable read write not deferrable|BEGIN",
            "start transaction|BEGIN", "START TRANSACTION ISOLATION LEVEL READ UNCOMMITTED|BEGIN",
            "commit|COMMIT", "commit work|COMMIT", "end|COMMIT", "END TRANSACTION|COMMIT", "commit and no chain|COMMIT",
            "rollback|ROLLBACK", "abort|ROLLBACK", "rollback transaction|ROLLBACK", "ABORT WORK|ROLLBACK"})
    void transactionControlStatements(String sql, Kind kind) {
        assertEquals(new PlannedStatement.TransactionControl(kind), UtilityParser.parseTransactionControl(sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {"begin isolation level bogus", "start", "commit now", "begin read"})
    void malformedTransactionControlRaises42601(String sql) {
        SqlException e = assertThrows(SqlException.class, () -> UtilityParser.parseTransactionControl(sql));
        assertEquals(SqlState.SYNTAX_ERROR, e.state());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SET x TO 'y'|x|y", "set x = 5|x|5", "set x to -1|x|-1", "SET DateStyle TO 'ISO, MDY'|datestyle|ISO, MDY",
            "set session search_path = public, pg_catalog|search_path|public, pg_catalog", "set local work_mem = '4MB'|work_mem|4MB",
            "SET TIME ZONE 'UTC'|timezone|UTC", "set names 'UTF8'|client_encoding|UTF8", "set my.option = on|my.option|on"})
    void setNamesTheParameterAndItsValue(String sql, String name, String value) {
        assertEquals(new PlannedStatement.SetParameter(name, value, sql.contains(" local ")), UtilityParser.parseSet(sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"SET ROLE 'amelie'|amelie", "set role amelie|amelie", "set role none|none",
            "set role = 'amelie'|amelie", "set role to amelie|amelie", "set session role pg_database_owner|pg_database_owner"})
    void setRoleNeedsNoToAndSetsTheRoleParameter(String sql, String value) {
        assertEquals(new PlannedStatement.SetParameter("role", value, false), UtilityParser.parseSet(sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"set x to default|x", "set x = DEFAULT|x", "set time zone local|timezone"})
    void setToDefaultHasNoValue(String sql, String name) {
        assertEquals(new PlannedStatement.SetParameter(name, null), UtilityParser.parseSet(sql));
    }

    @Test
    void setTransactionIsAcceptedAsIsolationSetting() {
        assertEquals(new PlannedStatement.SetParameter("transaction_isolation", null),
                UtilityParser.parseSet("set session characteristics as transaction isolation level read committed"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"SHOW ALL|all", "show time zone|timezone", "show TimeZone|timezone",
            "show transaction isolation level|transaction_isolation", "show server_version|server_version"})
    void showNamesTheParameter(String sql, String name) {
        assertEquals(new PlannedStatement.ShowParameter(name), UtilityParser.parseShow(sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"RESET ALL|all", "reset time zone|timezone", "reset search_path|search_path"})
    void resetNamesTheParameter(String sql, String name) {
        assertEquals(new PlannedStatement.ResetParameter(name), UtilityParser.parseReset(sql));
    }

    @Test
    void setWithoutValueRaises42601AtEndOfInput() {
        SqlException e = assertThrows(SqlException.class, () -> UtilityParser.parseSet("set x to"));
        assertEquals(SqlState.SYNTAX_ERROR, e.state());
        assertEquals("syntax error at end of input", e.getMessage());
        assertEquals(9, e.position());
    }
}
