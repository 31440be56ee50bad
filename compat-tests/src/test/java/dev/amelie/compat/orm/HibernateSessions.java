package dev.amelie.compat.orm;

import dev.amelie.compat.server.SharedServer;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.dialect.PostgreSQLDialect;

import java.util.Map;

/**
 * Hibernate configured as an application would configure it, in code: pgjdbc's URL, the
 * PostgreSQL dialect (the version is Hibernate's to detect), an hbm2ddl action, the entities.
 *
 * <p>With {@code -Dorm.compare.url=jdbc:postgresql://…} the tests run against that server
 * (PostgreSQL 15, an empty database) instead: their expectations are what they do there.
 */
final class HibernateSessions {
    private static final String COMPARE_URL = "orm.compare.url";

    private HibernateSessions() {}

    static SessionFactory sessionFactory(SharedServer server, String schemaAction, Class<?>... entities) {
        return sessionFactory(server, schemaAction, Map.of(), entities);
    }

    static SessionFactory sessionFactory(SharedServer server, String schemaAction, Map<String, String> settings,
                                         Class<?>... entities) {
        Configuration configuration = new Configuration();
        settings.forEach(configuration::setProperty);
        for (Class<?> entity : entities) {
            configuration.addAnnotatedClass(entity);
        }
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, System.getProperty(COMPARE_URL, server.jdbcUrl()));
        configuration.setProperty(AvailableSettings.DIALECT, PostgreSQLDialect.class.getName());
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, schemaAction);
        configuration.setProperty(AvailableSettings.POOL_SIZE, "4");
        return configuration.buildSessionFactory();
    }
}
