package io.worklane.hostile;

/** The findings of issue #14 the suite replays, one per hostile test class (account lockout: elsewhere). */
enum AttackClass {
    /** 1: serialized Object/Bytes/File variables through the engine REST API (gadget deserialization). */
    DESERIALIZATION,
    /** 2: engine REST starts that skip validation (start instructions, skipped listeners and mappings). */
    START_INSTRUCTIONS,
    /** 3: process variables forged while completing a task, copied into work_item later. */
    FORGED_TASK_VARIABLES,
    /** 4: supervisors acting outside their departments; a source-system user made an agent. */
    SUPERVISOR_SCOPE,
    /** 4: generic engine REST operations on work-item instances (modify, set variables, correlate, delete). */
    INSTANCE_TAMPERING,
    /** 6: malformed, oversized or mistyped input, existence leaks, error bodies, forged actors, noisy logs. */
    MALFORMED_INPUT
}
