package io.worklane.agent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/** Only changed columns are written: the router updates {@code last_assigned_at} with its own SQL. */
@Entity
@Table(name = "agent")
@DynamicUpdate
class Agent {

    @Id
    private String id;
    private String displayName;
    @Enumerated(EnumType.STRING)
    private Presence presence;
    private String presenceReason;
    private Instant presenceSince;
    @Enumerated(EnumType.STRING)
    private AnswerMode answerMode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_skill", joinColumns = @JoinColumn(name = "agent_id"))
    @MapKeyColumn(name = "skill")
    @Column(name = "proficiency")
    private Map<String, Integer> skills = new LinkedHashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_capacity", joinColumns = @JoinColumn(name = "agent_id"))
    @MapKeyColumn(name = "media_type")
    @Column(name = "max_items")
    private Map<String, Integer> capacity = new LinkedHashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_group", joinColumns = @JoinColumn(name = "agent_id"))
    @Column(name = "group_name")
    private Set<String> groups = new TreeSet<>();

    protected Agent() {
    }

    Agent(String id, Instant now) {
        this.id = id;
        this.presence = Presence.NOT_READY;
        this.presenceSince = now;
    }

    void replaceProfile(String displayName, Map<String, Integer> skills, Map<String, Integer> capacity,
            Set<String> groups, AnswerMode answerMode) {
        this.displayName = displayName;
        this.answerMode = answerMode;
        this.skills.clear();
        this.skills.putAll(skills);
        this.capacity.clear();
        this.capacity.putAll(capacity);
        this.groups.clear();
        this.groups.addAll(groups);
    }

    /** @return whether the agent just became READY */
    boolean changePresence(Presence next, String reason, Instant now) {
        boolean becameReady = next == Presence.READY && presence != Presence.READY;
        if (next != presence || !java.util.Objects.equals(reason, presenceReason)) {
            presenceSince = now;
        }
        presence = next;
        presenceReason = reason;
        return becameReady;
    }

    String id() {
        return id;
    }

    String displayName() {
        return displayName;
    }

    AnswerMode answerMode() {
        return answerMode;
    }

    Presence presence() {
        return presence;
    }

    String presenceReason() {
        return presenceReason;
    }

    Instant presenceSince() {
        return presenceSince;
    }

    Map<String, Integer> skills() {
        return skills;
    }

    Map<String, Integer> capacity() {
        return capacity;
    }

    Set<String> groups() {
        return groups;
    }
}
