package io.worklane.workitem;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkItemEventRepository extends JpaRepository<WorkItemEvent, Long> {

    List<WorkItemEvent> findByWorkItemIdOrderById(String workItemId);
}
