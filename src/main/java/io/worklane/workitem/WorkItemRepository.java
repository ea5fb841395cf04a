package io.worklane.workitem;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface WorkItemRepository extends JpaRepository<WorkItem, String> {

    Optional<WorkItem> findBySourceSystemAndExternalId(String sourceSystem, String externalId);

    List<WorkItem> findByAssigneeAndStateInOrderByAssignedAt(String assignee, Collection<WorkItemState> states);

    /** Beside work_item_customer_idx (V10). */
    List<WorkItem> findTop20ByCaseAttributesCustomerIdAndIdNotOrderByCapturedAtDesc(String customerId, String id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from WorkItem w where w.id = :id")
    Optional<WorkItem> findForUpdate(String id);
}
