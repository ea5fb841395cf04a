/**
 * Business insights: facts folded from the event log and the presence history as they are written (15-minute
 * intervals and days, per department, process, segment, source system, media type and agent), the live wallboard
 * (queue and agent activity), the historical reports the seeds name with KPI targets from {@code decisions/
 * kpi-targets.dmn}, CSV and JSON under {@code /api/reports}, and the live figures as Micrometer gauges. The facts can
 * be rebuilt from the log at any time ({@link io.worklane.insights.FactRebuild}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "agent", "security", "web", "workitem" })
package io.worklane.insights;
