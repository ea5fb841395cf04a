package io.worklane.insights;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Folds until the inbox is empty. The scheduled fold may hold the fold lock when a test asks, and then the test's own
 * fold rightly skips; so a test waits for the inbox to empty, folding again each time it looks.
 */
final class Folding {

    private Folding() {
    }

    static void foldEverything(FactFolder folder, JdbcTemplate jdbc) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            folder.foldWhatIsWaiting();
            return jdbc.queryForObject("SELECT COUNT(*) FROM report_inbox", Long.class) == 0;
        });
    }
}
