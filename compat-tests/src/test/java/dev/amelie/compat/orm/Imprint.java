package dev.amelie.compat.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** An entity new in the second schema version: hbm2ddl update creates its table and foreign key. */
@Entity
public class Imprint {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @ManyToOne
    @JoinColumn(name = "publisher_id")
    private PublisherWithCountry publisher;

    protected Imprint() {
    }

    public Imprint(String name, PublisherWithCountry publisher) {
        this.name = name;
        this.publisher = publisher;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public PublisherWithCountry getPublisher() {
        return publisher;
    }
}
