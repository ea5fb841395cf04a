package io.worklane.insights;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code worklane.insights.*}.
 * @param zone where a report's days begin and end
 * @param retentionMonths facts older than this many months are dropped (the event log stays)
 * @param foldBatch how many logged events or presence changes one fold transaction takes at most
 * @param foldInterval how often every node looks for events to fold (one node at a time folds)
 * @param metricsInterval how often the live figures behind the Prometheus gauges are read again
 * @param keepFacts false keeps no facts (the event log stays; a rebuild makes them)
 */
@ConfigurationProperties("worklane.insights")
record InsightsProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue("13") int retentionMonths,
        @DefaultValue("2000") int foldBatch, @DefaultValue("PT1S") Duration foldInterval,
        @DefaultValue("PT5S") Duration metricsInterval, @DefaultValue("true") boolean keepFacts) {
}
