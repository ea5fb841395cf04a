package io.worklane.workitem;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkItemRepository extends JpaRepository<WorkItem, String> {

    Optional<WorkItem> findBySourceSystemAndExternalId(String sourceSystem, String externalId);

    List<WorkItem> findByAssigneeAndStateInOrderByAssignedAt(String assignee, Collection<WorkItemState> states);

    /** Beside work_item_customer_idx (V10). */
    List<WorkItem> findTop20ByCaseAttributesCustomerIdAndIdNotOrderByCapturedAtDesc(String customerId, String id);
}
