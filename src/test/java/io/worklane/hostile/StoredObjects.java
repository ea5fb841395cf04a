package io.worklane.hostile;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database holds that a refused request must not have added: Worklane's rows and the engine's runtime
 * instances, tasks, jobs and incidents. Counted before and after an attack; any difference was stored half-way.
 */
record StoredObjects(int workItems, int events, int agents, int instances, int tasks, int jobs, int incidents) {

    static StoredObjects count(JdbcTemplate jdbc) {
        return new StoredObjects(count(jdbc, "SELECT COUNT(*) FROM work_item"),
                count(jdbc, "SELECT COUNT(*) FROM work_item_event"), count(jdbc, "SELECT COUNT(*) FROM agent"),
                count(jdbc, "SELECT COUNT(*) FROM act_ru_execution WHERE id_ = proc_inst_id_"),
                count(jdbc, "SELECT COUNT(*) FROM act_ru_task"), count(jdbc, "SELECT COUNT(*) FROM act_ru_job"),
                count(jdbc, "SELECT COUNT(*) FROM act_ru_incident"));
    }

    /** What was added since {@code before}; removals count as nothing added. */
    StoredObjects addedSince(StoredObjects before) {
        return new StoredObjects(Math.max(0, workItems - before.workItems), Math.max(0, events - before.events),
                Math.max(0, agents - before.agents), Math.max(0, instances - before.instances),
                Math.max(0, tasks - before.tasks), Math.max(0, jobs - before.jobs),
                Math.max(0, incidents - before.incidents));
    }

    StoredObjects plus(StoredObjects other) {
        return new StoredObjects(workItems + other.workItems, events + other.events, agents + other.agents,
                instances + other.instances, tasks + other.tasks, jobs + other.jobs, incidents + other.incidents);
    }

    boolean isEmpty() {
        return equals(new StoredObjects(0, 0, 0, 0, 0, 0, 0));
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
