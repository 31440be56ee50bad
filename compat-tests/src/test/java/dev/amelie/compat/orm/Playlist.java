package dev.amelie.compat.orm;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An aggregate Hibernate manages as a whole: an ordered list of tracks (an order column),
 * cascaded and with orphan removal, and a set of labels in a collection table.
 */
@Entity
public class Playlist {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String name;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "playlist_id")
    @OrderColumn(name = "position")
    private List<Track> tracks = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "playlist_label", joinColumns = @JoinColumn(name = "playlist_id"))
    private Set<String> labels = new HashSet<>();

    protected Playlist() {
    }

    public Playlist(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<Track> getTracks() {
        return tracks;
    }

    public Set<String> getLabels() {
        return labels;
    }
}
