package io.worklane.agent;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface AgentRepository extends JpaRepository<Agent, String> {

    /** Waits for a router transaction that holds the agent, so presence and routing never interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Agent a where a.id = :id")
    Optional<Agent> findForUpdate(String id);
}
