package dev.amelie.compat.jdbc;

import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pgjdbc sends the JVM's zone as the TimeZone startup parameter: the server shows timestamptz
 * text in it (getString, as PostgreSQL 15 does), reads text without an offset in it, and the
 * instants getTimestamp and getObject give are the same in text and in binary transfer.
 */
class SessionTimeZoneIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    private TimeZone jvmZone;

    @BeforeEach
    void rememberJvmZone() {
        jvmZone = TimeZone.getDefault();
    }

    @AfterEach
    void restoreJvmZone() {
        TimeZone.setDefault(jvmZone);
    }

    private Connection connect(String zone, String transfer) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        return DriverManager.getConnection(server.jdbcUrl() + "&" + transfer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prepareThreshold=0&binaryTransfer=false", "prepareThreshold=-1&binaryTransfer=true"})
    void timestamptzTextIsInTheClientsZoneAndInstantsStayTheSame(String transfer) throws Exception {
        String table = "tz_jdbc_" + (transfer.contains("true") ? "binary" : "text");
        try (Connection c = connect("Asia/Kolkata", transfer); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("show timezone")) {
                assertTrue(rs.next());
                assertEquals("Asia/Kolkata", rs.getString(1));
            }
            s.execute("create table " + table + " (id int primary key, at timestamptz)");
            try {
                s.execute("insert into " + table + " values (1, '2020-01-01 00:00:00+00'), (2, '2020-01-01 05:30')");
                try (PreparedStatement insert = c.prepareStatement("insert into " + table + " values (?, ?)")) {
                    insert.setInt(1, 3);
                    insert.setTimestamp(2, Timestamp.from(Instant.parse("2021-03-28T10:00:00Z")));
                    insert.executeUpdate();
                }
                try (PreparedStatement select = c.prepareStatement("select at, at::text, at::date::text from " + table + " where id = ?")) {
                    expect(select, 1, "2020-01-01 05:30:00+05:30", "2020-01-01", Instant.parse("2020-01-01T00:00:00Z"));
                    // Text without an offset is the session's wall clock.
                    expect(select, 2, "2020-01-01 05:30:00+05:30", "2020-01-01", Instant.parse("2020-01-01T00:00:00Z"));
                    expect(select, 3, "2021-03-28 15:30:00+05:30", "2021-03-28", Instant.parse("2021-03-28T10:00:00Z"));
                }
            } finally {
                s.execute("drop table " + table);
            }
        }
    }

    private static void expect(PreparedStatement select, int id, String text, String date, Instant instant) throws Exception {
        select.setInt(1, id);
        try (ResultSet rs = select.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(text, rs.getString(2));
            assertEquals(date, rs.getString(3));
            assertEquals(instant, rs.getTimestamp(1).toInstant());
            assertEquals(instant, rs.getObject(1, OffsetDateTime.class).toInstant());
            if (select.getConnection().getMetaData().getURL().contains("binaryTransfer=false")) {
                assertEquals(text, rs.getString(1));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York"})
    void aDayAcrossAChangeOfOffsetKeepsTheWallClock(String zone) throws Exception {
        String day = zone.equals("Europe/Berlin") ? "2021-03-27" : "2021-11-06";
        try (Connection c = connect(zone, "prepareThreshold=0"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select ('" + day + " 12:00'::timestamptz + interval '1 day')::time::text,"
                     + " ('" + day + " 12:00'::timestamptz + interval '24 hours')::time::text")) {
            assertTrue(rs.next());
            assertEquals("12:00:00", rs.getString(1));
            assertEquals(zone.equals("Europe/Berlin") ? "13:00:00" : "11:00:00", rs.getString(2));
        }
    }
}
