package dev.amelie.compat.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * The column types an application's entities usually have, each with Hibernate's PostgreSQL
 * mapping: a uuid key the application assigns, numeric(10,2), date, timestamp(6),
 * timestamp(6) with time zone, boolean, an enum as varchar with a CHECK, an embedded value.
 */
@Entity
public class Reading {
    public enum Quality { GOOD, SUSPECT, BAD }

    @Embeddable
    public record Position(double latitude, double longitude) {}

    @Id
    private UUID id;

    @Column(precision = 10, scale = 2)
    private BigDecimal amount;

    private LocalDate day;

    private LocalDateTime takenAt;

    private Instant storedAt;

    private boolean verified;

    @Enumerated(EnumType.STRING)
    private Quality quality;

    @Embedded
    private Position position;

    protected Reading() {
    }

    public Reading(UUID id, BigDecimal amount, LocalDate day, LocalDateTime takenAt, Instant storedAt, boolean verified,
                   Quality quality, Position position) {
        this.id = id;
        this.amount = amount;
        this.day = day;
        this.takenAt = takenAt;
        this.storedAt = storedAt;
        this.verified = verified;
        this.quality = quality;
        this.position = position;
    }

    public UUID getId() {
        return id;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getDay() {
        return day;
    }

    public LocalDateTime getTakenAt() {
        return takenAt;
    }

    public Instant getStoredAt() {
        return storedAt;
    }

    public boolean isVerified() {
        return verified;
    }

    public Quality getQuality() {
        return quality;
    }

    public Position getPosition() {
        return position;
    }
}
