package io.worklane.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks at the live tables four times a second while the load runs: no agent holds more than its capacity, and
 * no process has two tasks (an offer or a handling task) open at once, whichever node wrote them.
 */
final class CapacityWatch implements Runnable {

    private final JdbcTemplate jdbc;
    private final int capacity;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile int snapshots;
    private volatile boolean stop;

    CapacityWatch(JdbcTemplate jdbc, int capacity) {
        this.jdbc = jdbc;
        this.capacity = capacity;
    }

    void stop() {
        stop = true;
    }

    int snapshots() {
        return snapshots;
    }

    List<String> violations() {
        return violations;
    }

    @Override
    public void run() {
        while (!stop && !Thread.currentThread().isInterrupted()) {
            jdbc.query("SELECT assignee, COUNT(*) FROM work_item WHERE state IN ('OFFERED', 'IN_PROGRESS') "
                    + "GROUP BY assignee HAVING COUNT(*) > ?", row -> {
                        violations.add(row.getString(1) + " held " + row.getInt(2) + " items");
                    }, capacity);
            jdbc.query("SELECT proc_inst_id_, COUNT(*) FROM act_ru_task GROUP BY proc_inst_id_ HAVING COUNT(*) > 1",
                    row -> {
                        violations.add("process " + row.getString(1) + " had " + row.getInt(2) + " open tasks");
                    });
            snapshots++;
            ClusterClient.pause(Duration.ofMillis(250));
        }
    }
}
