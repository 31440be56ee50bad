package dev.amelie.compat.orm;

import dev.amelie.compat.server.SharedServer;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hibernate ORM 7's schema management against a real server: hbm2ddl update on an existing
 * schema and validate on a matching and a mismatching one, which read the schema back through
 * pgjdbc's DatabaseMetaData, and the server version Hibernate detects the same way.
 */
@Timeout(120)
class HibernateSchemaIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    private static SessionFactory sessionFactory(String schemaAction, Class<?>... entities) {
        return HibernateSessions.sessionFactory(server, schemaAction, entities);
    }

    /**
     * Hibernate reads the version from pgjdbc's DatabaseMetaData, but drops all of it (and falls
     * back to its minimum, 14.0) when any of its metadata calls fails, getSQLKeywords's
     * pg_get_keywords() included.
     */
    @Test
    void hibernateDetectsPostgres15FromTheServer() {
        try (SessionFactory probe = sessionFactory("none", Publisher.class)) {
            var version = probe.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect().getVersion();
            assertEquals(15, version.getMajor(), version.toString());
        }
    }

    @Test
    void updateAddsANewTableAndColumnToAnExistingSchema() {
        try (SessionFactory before = sessionFactory("create", Publisher.class)) {
            before.inTransaction(session -> session.persist(new Publisher("Penguin")));
        }
        try (SessionFactory after = sessionFactory("update", PublisherWithCountry.class, Imprint.class)) {
            after.inTransaction(session -> {
                PublisherWithCountry faber = new PublisherWithCountry("Faber", "UK");
                session.persist(faber);
                session.persist(new Imprint("Faber Finds", faber));
            });
            List<String> rows = after.fromTransaction(session -> session.createQuery(
                            "select p.name || ':' || coalesce(p.country, '-') from PublisherWithCountry p order by p.name",
                            String.class)
                    .getResultList());
            assertEquals(List.of("Faber:UK", "Penguin:-"), rows, "the row from before the update survives");
            String imprintOwner = after.fromTransaction(session -> session.createQuery(
                            "select i.publisher.name from Imprint i", String.class)
                    .getSingleResult());
            assertEquals("Faber", imprintOwner);
        }
    }

    @Test
    void validatePassesOnTheMatchingSchema() {
        sessionFactory("create", Publisher.class).close();
        try (SessionFactory validated = sessionFactory("validate", Publisher.class)) {
            validated.inTransaction(session -> session.persist(new Publisher("Validated")));
        }
    }

    @Test
    void validateFailsOnAMismatchingSchema() {
        sessionFactory("create", Publisher.class).close();
        SchemaManagementException failure = assertThrows(SchemaManagementException.class,
                () -> sessionFactory("validate", PublisherWithCountry.class).close());
        assertTrue(failure.getMessage().contains("country"), failure.getMessage());
    }
}
