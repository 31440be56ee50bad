package dev.amelie.compat.orm;

import dev.amelie.compat.server.SharedServer;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Hibernate ORM 7 application, unchanged, over pgjdbc against a real server, on the schema
 * hbm2ddl creates: IDENTITY and pooled SEQUENCE keys, associations, JPQL/HQL and criteria
 * queries, pagination, batches, optimistic and pessimistic locking. {@link HibernateSchemaIT}
 * has hbm2ddl update and validate; {@link HibernateSessions} says how to run both against
 * PostgreSQL 15 instead.
 */
@Timeout(120)
class HibernateIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    /** The library model (Author, Book, Tag), created once with hbm2ddl create for the tests that use it. */
    private static SessionFactory library;

    @BeforeAll
    static void createLibrary() {
        library = sessionFactory("create", Author.class, Book.class, Tag.class);
    }

    @AfterAll
    static void closeLibrary() {
        if (library != null) {
            library.close();
        }
    }

    private static SessionFactory sessionFactory(String schemaAction, Class<?>... entities) {
        return HibernateSessions.sessionFactory(server, schemaAction, entities);
    }

    private static SessionFactory sessionFactory(String schemaAction, Map<String, String> settings, Class<?>... entities) {
        return HibernateSessions.sessionFactory(server, schemaAction, settings, entities);
    }

    @Test
    void identityAndPooledSequenceKeysAreAssigned() {
        List<Long> bookIds = library.fromTransaction(session -> {
            Author author = new Author("Keys");
            session.persist(author);
            assertNotNull(author.getId(), "IDENTITY key read back at persist");
            // 60 books: more than one allocation of 50, so Hibernate calls nextval twice.
            List<Book> books = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Book book = new Book("Volume " + i, author);
                session.persist(book);
                books.add(book);
            }
            return books.stream().map(Book::getId).toList();
        });
        assertEquals(60, Set.copyOf(bookIds).size());
        long count = library.fromTransaction(session ->
                session.createQuery("select count(b) from Book b where b.author.name = 'Keys'", Long.class)
                        .getSingleResult());
        assertEquals(60L, count);
    }

    @Test
    void jpqlJoinFindsBooksByAuthorName() {
        library.inTransaction(session -> {
            Author tolkien = new Author("Tolkien");
            Author austen = new Author("Austen");
            session.persist(tolkien);
            session.persist(austen);
            session.persist(new Book("The Hobbit", tolkien));
            session.persist(new Book("Silmarillion", tolkien));
            session.persist(new Book("Emma", austen));
        });
        List<String> titles = library.fromTransaction(session -> session.createQuery(
                        "select b.title from Book b join b.author a where a.name = :name order by b.title", String.class)
                .setParameter("name", "Tolkien")
                .getResultList());
        assertEquals(List.of("Silmarillion", "The Hobbit"), titles);

        List<Author> withBooks = library.fromTransaction(session -> session.createQuery(
                        "select distinct a from Author a join fetch a.books where a.name in ('Tolkien', 'Austen') order by a.name",
                        Author.class)
                .getResultList());
        assertEquals(List.of("Austen", "Tolkien"), withBooks.stream().map(Author::getName).toList());
        assertEquals(2, withBooks.get(1).getBooks().size());
    }

    /** HQL's functions and clauses as Hibernate renders them for PostgreSQL, each compared with what it computes in Java. */
    @Test
    void hqlFunctionsAndClausesRenderToWhatTheServerRuns() {
        library.inTransaction(session -> {
            Author author = new Author("Le Guin");
            session.persist(author);
            session.persist(new Book("A Wizard of Earthsea", author));
            session.persist(new Book("The Left Hand of Darkness", author));
            session.persist(new Book("The_Dispossessed 100%", author));
        });
        library.inTransaction(session -> {
            java.util.function.BiConsumer<String, Object> check = (hql, expected) -> assertEquals(expected,
                    session.createQuery(hql, Object.class).setParameter("name", "Le Guin").getSingleResult(), hql);
            check.accept("select upper(a.name) || '/' || lower(a.name) from Author a where a.name = :name", "LE GUIN/le guin");
            check.accept("select concat(a.name, '!') from Author a where a.name = :name", "Le Guin!");
            check.accept("select length(a.name) from Author a where a.name = :name", 7);
            check.accept("select substring(a.name, 4, 3) from Author a where a.name = :name", "Gui");
            check.accept("select locate('Guin', a.name) from Author a where a.name = :name", 4);
            check.accept("select trim(both ' ' from ('  ' || a.name || ' ')) from Author a where a.name = :name", "Le Guin");
            check.accept("select replace(a.name, ' ', '-') from Author a where a.name = :name", "Le-Guin");
            check.accept("select left(a.name, 2) || right(a.name, 2) from Author a where a.name = :name", "Lein");
            check.accept("select cast(a.version as String) from Author a where a.name = :name", "0");
            check.accept("select coalesce(null, a.name) from Author a where a.name = :name", "Le Guin");
            check.accept("select case when a.version = 0 then 'new' else 'old' end from Author a where a.name = :name", "new");
            check.accept("select size(a.books) from Author a where a.name = :name", 3);
            check.accept("select count(b) from Book b where b.author.name = :name and b.title like 'The%'", 2L);
            check.accept("select count(b) from Book b where b.author.name = :name and b.title ilike 'the%'", 2L);
            check.accept("select count(b) from Book b where b.author.name = :name and b.title like '%!_%!%' escape '!'", 1L);
            check.accept("select count(b) from Book b where b.author.name = :name and lower(b.title) not like '%wizard%'", 2L);
            check.accept("select max(length(b.title)) from Book b where b.author.name = :name", 25);
            check.accept("select avg(length(b.title)) from Book b where b.author.name = :name", 22.0);
            check.accept("select sum(b.id) - sum(b.id) from Book b where b.author.name = :name", 0L);
            check.accept("select count(distinct b.author) from Book b where b.author.name = :name", 1L);
            check.accept("select mod(7, 3) + abs(-2) + sqrt(16) + power(2, 3) from Author a where a.name = :name", 15.0);
            check.accept("select round(2.567, 2) from Author a where a.name = :name", 2.57);
            check.accept("select floor(2.5) + ceiling(2.5) from Author a where a.name = :name", 5.0);
            check.accept("select year(date 2024-02-29) * 100 + month(date 2024-02-29) from Author a where a.name = :name", 202402);
            check.accept("select extract(day from date 2024-02-29) from Author a where a.name = :name", 29);
            check.accept("select count(a) from Author a where a.name = :name and current_date > date 2000-01-01"
                    + " and current_timestamp >= local datetime and local date > date 2000-01-01", 1L);
            check.accept("select count(a) from Author a where a.name = :name and exists (select b from Book b where b.author = a)", 1L);
            check.accept("select count(a) from Author a where a.name = :name and a.id in (select b.author.id from Book b)", 1L);
            check.accept("select count(a) from Author a where a.name = :name and a.books is not empty", 1L);
            check.accept("select count(a) from Author a where a.name = :name and a.id = some (select b.author.id from Book b)", 1L);
            check.accept("select a.name from Author a join a.books b where a.name = :name group by a.name having count(b) > 2", "Le Guin");
            check.accept("select b.title from Book b where b.author.name = :name order by length(b.title) desc, b.title nulls last limit 1",
                    "The Left Hand of Darkness");
            check.accept("select count(*) from (select b.title as t from Book b where b.author.name = :name union all"
                    + " select a.name from Author a where a.name = :name)", 4L);
        });
    }

    @Test
    void paginationReturnsTheRequestedWindow() {
        library.inTransaction(session -> {
            Author author = new Author("Paged");
            session.persist(author);
            for (int i = 0; i < 7; i++) {
                session.persist(new Book("Page " + i, author));
            }
        });
        List<String> page = library.fromTransaction(session -> session.createQuery(
                        "select b.title from Book b where b.author.name = 'Paged' order by b.title", String.class)
                .setFirstResult(2)
                .setMaxResults(3)
                .getResultList());
        assertEquals(List.of("Page 2", "Page 3", "Page 4"), page);
        List<String> first = library.fromTransaction(session -> session.createQuery(
                        "select b.title from Book b where b.author.name = 'Paged' order by b.title desc", String.class)
                .setMaxResults(2)
                .getResultList());
        assertEquals(List.of("Page 6", "Page 5"), first);
    }

    @Test
    void manyToManyRoundTripsThroughTheJoinTable() {
        Long bookId = library.fromTransaction(session -> {
            Author author = new Author("Tagged");
            session.persist(author);
            Tag classic = new Tag("classic");
            Tag fantasy = new Tag("fantasy");
            session.persist(classic);
            session.persist(fantasy);
            Book book = new Book("Tagged Book", author);
            book.getTags().add(classic);
            book.getTags().add(fantasy);
            session.persist(book);
            return book.getId();
        });
        Set<String> labels = library.fromTransaction(session -> session.find(Book.class, bookId).getTags().stream()
                .map(Tag::getLabel)
                .collect(Collectors.toSet()));
        assertEquals(Set.of("classic", "fantasy"), labels);
        List<String> viaJoin = library.fromTransaction(session -> session.createQuery(
                        "select b.title from Book b join b.tags t where t.label = 'fantasy'", String.class)
                .getResultList());
        assertEquals(List.of("Tagged Book"), viaJoin);
    }

    @Test
    void foreignKeyCreatedByHibernateRejectsAnOrphan() {
        assertThrows(ConstraintViolationException.class, () -> library.inTransaction(session ->
                session.createNativeMutationQuery("insert into Book (id, title, author_id) values (-1, 'orphan', -42)")
                        .executeUpdate()));
    }

    @Test
    void concurrentUpdateOfAVersionedEntityIsAnOptimisticLockFailure() {
        Long id = library.fromTransaction(session -> {
            Author author = new Author("Versioned");
            session.persist(author);
            return author.getId();
        });
        try (Session first = library.openSession(); Session second = library.openSession()) {
            Author seenByFirst = first.find(Author.class, id);
            Author seenBySecond = second.find(Author.class, id);
            assertEquals(0, seenBySecond.getVersion());

            first.beginTransaction();
            seenByFirst.setName("First writer");
            first.getTransaction().commit();
            assertEquals(1, seenByFirst.getVersion());

            second.beginTransaction();
            seenBySecond.setName("Second writer");
            assertThrows(OptimisticLockException.class, second::flush);
            second.getTransaction().rollback();
        }
        Author stored = library.fromTransaction(session -> session.find(Author.class, id));
        assertEquals("First writer", stored.getName());
        assertEquals(1, stored.getVersion());
    }

    /** Common column types, written in JDBC batches and read back; bulk HQL update and delete; a criteria query. */
    @Test
    void commonColumnTypesBatchesAndBulkStatementsRoundTrip() {
        UUID first = UUID.fromString("6f1c1c9e-7d0a-4c3b-9d8e-0a1b2c3d4e5f");
        LocalDateTime takenAt = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000);
        Instant storedAt = Instant.parse("2024-03-01T08:00:00.654321Z");
        try (SessionFactory readings = sessionFactory("create-drop", Map.of(AvailableSettings.STATEMENT_BATCH_SIZE, "10"),
                Reading.class)) {
            readings.inTransaction(session -> {
                session.persist(new Reading(first, new BigDecimal("1234.50"), LocalDate.of(2024, 2, 29), takenAt, storedAt,
                        true, Reading.Quality.GOOD, new Reading.Position(52.52, 13.405)));
                for (int i = 0; i < 24; i++) {
                    session.persist(new Reading(UUID.randomUUID(), BigDecimal.valueOf(i, 2), LocalDate.of(2024, 1, 1).plusDays(i),
                            takenAt.plusHours(i), storedAt, false, i % 2 == 0 ? Reading.Quality.SUSPECT : Reading.Quality.BAD,
                            new Reading.Position(i, -i)));
                }
            });
            Reading read = readings.fromTransaction(session -> session.find(Reading.class, first));
            assertEquals(new BigDecimal("1234.50"), read.getAmount());
            assertEquals(LocalDate.of(2024, 2, 29), read.getDay());
            assertEquals(takenAt, read.getTakenAt());
            assertEquals(storedAt, read.getStoredAt());
            assertTrue(read.isVerified());
            assertEquals(Reading.Quality.GOOD, read.getQuality());
            assertEquals(new Reading.Position(52.52, 13.405), read.getPosition());

            int updated = readings.fromTransaction(session -> session.createMutationQuery(
                            "update Reading r set r.verified = true where r.quality = :quality")
                    .setParameter("quality", Reading.Quality.SUSPECT)
                    .executeUpdate());
            assertEquals(12, updated);
            int deleted = readings.fromTransaction(session -> session.createMutationQuery(
                            "delete from Reading r where r.quality = :quality and r.day < :day")
                    .setParameter("quality", Reading.Quality.BAD)
                    .setParameter("day", LocalDate.of(2024, 1, 10))
                    .executeUpdate());
            assertEquals(4, deleted);
            long verified = readings.fromTransaction(session -> {
                var builder = session.getCriteriaBuilder();
                var query = builder.createQuery(Long.class);
                var reading = query.from(Reading.class);
                query.select(builder.count(reading)).where(builder.isTrue(reading.get("verified")));
                return session.createQuery(query).getSingleResult();
            });
            assertEquals(13L, verified);
        }
    }

    /**
     * An aggregate changed as a whole: cascaded inserts, a reordered list (order column updates),
     * orphan removal (deletes), an element collection, merge of a detached copy, a native query.
     */
    @Test
    void aggregateChangesCascadeThroughCollections() {
        try (SessionFactory music = sessionFactory("create-drop", Playlist.class, Track.class)) {
            Long id = music.fromTransaction(session -> {
                Playlist playlist = new Playlist("Road trip");
                for (String title : List.of("One", "Two", "Three", "Four")) {
                    playlist.getTracks().add(new Track(title));
                }
                playlist.getLabels().addAll(Set.of("driving", "summer"));
                session.persist(playlist);
                return playlist.getId();
            });
            music.inTransaction(session -> {
                Playlist playlist = session.find(Playlist.class, id);
                playlist.getTracks().remove(1);
                playlist.getTracks().add(0, playlist.getTracks().remove(2));
                playlist.getLabels().remove("summer");
                playlist.getLabels().add("night");
            });
            Playlist detached = music.fromTransaction(session -> {
                Playlist playlist = session.find(Playlist.class, id);
                playlist.getTracks().size();
                return playlist;
            });
            detached.setName("Night drive");
            music.inTransaction(session -> session.merge(detached));

            music.inSession(session -> {
                Playlist playlist = session.find(Playlist.class, id);
                assertEquals("Night drive", playlist.getName());
                assertEquals(List.of("Four", "One", "Three"), playlist.getTracks().stream().map(Track::getTitle).toList());
                assertEquals(Set.of("driving", "night"), playlist.getLabels());
            });
            Object orphans = music.fromTransaction(session -> session.createNativeQuery(
                            "select count(*) from Track where playlist_id is null", Long.class)
                    .getSingleResult());
            assertEquals(0L, orphans, "orphan removal deleted the removed track");
        }
    }

    /** StatelessSession.upsert is Hibernate's {@code insert … on conflict (id) do update set …}. */
    @Test
    void statelessUpsertUpdatesTheExistingRow() {
        try (SessionFactory publishers = sessionFactory("create-drop", Publisher.class)) {
            publishers.inStatelessTransaction(session -> session.insert(new Publisher("Vintage")));
            Publisher stored = publishers.fromStatelessTransaction(session -> session.createQuery(
                    "from Publisher", Publisher.class).getSingleResult());
            stored.setName("Vintage Classics");
            publishers.inStatelessTransaction(session -> session.upsert(stored));
            List<String> names = publishers.fromStatelessTransaction(session -> session.createQuery(
                    "select p.name from Publisher p", String.class).getResultList());
            assertEquals(List.of("Vintage Classics"), names);
        }
    }

    /** Hibernate writes LockModeType.PESSIMISTIC_WRITE as {@code for no key update}, PESSIMISTIC_READ as {@code for share}. */
    @Test
    void pessimisticLocksReadTheRowWithALockingClause() {
        Long id = library.fromTransaction(session -> {
            Author author = new Author("Locked");
            session.persist(author);
            return author.getId();
        });
        library.inTransaction(session -> {
            Author author = session.find(Author.class, id, LockModeType.PESSIMISTIC_WRITE);
            assertEquals(LockModeType.PESSIMISTIC_WRITE, session.getLockMode(author));
            author.setName("Locked and renamed");
        });
        List<String> names = library.fromTransaction(session -> session.createQuery(
                        "select a.name from Author a where a.id = :id", String.class)
                .setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultList());
        assertEquals(List.of("Locked and renamed"), names);
    }
}
