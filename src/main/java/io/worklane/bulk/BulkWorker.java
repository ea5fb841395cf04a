package io.worklane.bulk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.capture.WorkItemLifecycle;
import io.worklane.priority.PriorityOverrides;
import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;
import io.worklane.workbin.NotInWorkbin;
import io.worklane.workbin.Workbins;
import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemState;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/**
 * Carries out bulk operations on every node: takes the next pending item with a row lock others skip, applies the
 * action as its requester (with their groups as they are now) and records the outcome in the same transaction. A
 * refused or failed item is recorded with why, in a transaction of its own.
 */
@Component
class BulkWorker {

    private static final Logger log = LoggerFactory.getLogger(BulkWorker.class);
    /** Items per poll: the worker yields now and then, so a long operation shows progress and others get a turn. */
    private static final int ITEMS_PER_POLL = 500;

    private static final String NEXT_PENDING = """
            SELECT i.operation_id, i.work_item_id, o.action, o.parameters, o.requested_by
              FROM bulk_operation_item i JOIN bulk_operation o ON o.id = i.operation_id
             WHERE i.status = 'PENDING'
             ORDER BY o.requested_at, i.operation_id, i.position
             LIMIT 1
               FOR UPDATE OF i SKIP LOCKED
            """;

    private record Pending(String operationId, String itemId, BulkAction action, Map<String, Object> parameters,
            String requestedBy) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WorkItemLifecycle lifecycle;
    private final PriorityOverrides priorities;
    private final Workbins workbins;
    private final WorkItems workItems;
    private final Supervision supervision;
    private final ObjectMapper json;
    private final Clock clock;

    BulkWorker(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, WorkItemLifecycle lifecycle,
            PriorityOverrides priorities, Workbins workbins, WorkItems workItems, Supervision supervision,
            ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.lifecycle = lifecycle;
        this.priorities = priorities;
        this.workbins = workbins;
        this.workItems = workItems;
        this.supervision = supervision;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${worklane.bulk.poll-interval:PT0.5S}",
            initialDelayString = "${worklane.bulk.poll-interval:PT0.5S}")
    void work() {
        for (int i = 0; i < ITEMS_PER_POLL; i++) {
            if (!next()) {
                break;
            }
        }
        jdbc.update("UPDATE bulk_operation SET finished_at = ? WHERE finished_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
                + "bulk_operation_item i WHERE i.operation_id = bulk_operation.id AND i.status = 'PENDING')",
                Timestamp.from(clock.instant()));
    }

    /** @return whether there was an item to do */
    boolean next() {
        Pending[] taken = new Pending[1];
        try {
            Boolean found = transactions.execute(status -> {
                List<Pending> pending = jdbc.query(NEXT_PENDING, (row, n) -> new Pending(row.getString("operation_id"),
                        row.getString("work_item_id"), BulkAction.valueOf(row.getString("action")),
                        read(row.getString("parameters")), row.getString("requested_by")));
                if (pending.isEmpty()) {
                    return false;
                }
                taken[0] = pending.get(0);
                apply(taken[0]);
                mark(taken[0], "DONE", null);
                return true;
            });
            return Boolean.TRUE.equals(found);
        }
        catch (RuntimeException refused) {
            if (taken[0] == null) {
                throw refused;
            }
            String reason = refused instanceof ErrorResponseException problem && problem.getBody().getDetail() != null
                    ? problem.getBody().getDetail() : "failed: " + refused.getMessage();
            if (!(refused instanceof ErrorResponseException)) {
                log.warn("Bulk operation {} failed on work item {}", taken[0].operationId(), taken[0].itemId(),
                        refused);
            }
            transactions.executeWithoutResult(status -> jdbc.update("UPDATE bulk_operation_item SET status = 'FAILED', "
                    + "reason = ?, done_at = ? WHERE operation_id = ? AND work_item_id = ? AND status = 'PENDING'",
                    reason.length() > 1000 ? reason.substring(0, 1000) : reason, Timestamp.from(clock.instant()),
                    taken[0].operationId(), taken[0].itemId()));
            return true;
        }
    }

    private void apply(Pending pending) {
        Caller requester = supervision.callerNamed(pending.requestedBy());
        if (!requester.isSupervisor()) {
            throw Problems.forbidden(pending.requestedBy() + " is no longer a supervisor.");
        }
        String id = pending.itemId();
        switch (pending.action()) {
            case HOLD -> lifecycle.hold(id, requester);
            case RESUME -> lifecycle.resume(id, requester);
            case CANCEL -> lifecycle.cancel(id, requester);
            case COMPLETE -> lifecycle.complete(id, requester);
            case SET_PRIORITY -> priorities.override(id, ((Number) pending.parameters().get("priority")).intValue(),
                    pending.parameters().get("until") == null ? null
                            : Instant.parse((String) pending.parameters().get("until")), requester);
            case CLEAR_PRIORITY -> priorities.clear(id, requester);
            case RETURN_TO_QUEUE -> {
                WorkItemView item = workItems.find(id)
                    .filter(found -> requester.isSupervisor()
                            && supervision.coversDepartment(requester, found.department()))
                    .orElseThrow(() -> Problems.notFound("work-item", id));
                if (item.state() != WorkItemState.PARKED) {
                    throw new NotInWorkbin(item, null);
                }
                workbins.returnToQueue(item.assignee(), id, new Actor(Actor.Type.SUPERVISOR, requester.userId()));
            }
        }
    }

    private void mark(Pending pending, String status, String reason) {
        jdbc.update("UPDATE bulk_operation_item SET status = ?, reason = ?, done_at = ? WHERE operation_id = ? "
                + "AND work_item_id = ?", status, reason, Timestamp.from(clock.instant()), pending.operationId(),
                pending.itemId());
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
            });
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("stored bulk operation is not JSON", e);
        }
    }
}
