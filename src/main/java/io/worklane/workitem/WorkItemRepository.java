package io.worklane.workitem;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkItemRepository extends JpaRepository<WorkItem, String> {

    /**
     * Every capture asks it first (idempotency). Written as JPQL: Hibernate keeps the plan of a query string, while it
     * translates a derived (criteria) query anew at each call, a third of a capture's CPU (JFR).
     */
    @Query("select w from WorkItem w where w.sourceSystem = :sourceSystem and w.externalId = :externalId")
    Optional<WorkItem> findBySourceSystemAndExternalId(String sourceSystem, String externalId);

    List<WorkItem> findByAssigneeAndStateInOrderByAssignedAt(String assignee, Collection<WorkItemState> states);

    /** Beside work_item_customer_idx (V10). */
    List<WorkItem> findTop20ByCaseAttributesCustomerIdAndIdNotOrderByCapturedAtDesc(String customerId, String id);
}
