package io.worklane.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpansTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void wholeMonthsInTheMiddleDaysAroundThem() {
        List<Spans.Span> spans = Spans.cover(at("2026-01-15T00:00"), at("2026-04-10T00:00"), Grain.DAY, BERLIN);
        assertThat(spans).containsExactly(
                new Spans.Span(Grain.DAY, at("2026-01-15T00:00"), at("2026-02-01T00:00")),
                new Spans.Span(Grain.MONTH, at("2026-02-01T00:00"), at("2026-04-01T00:00")),
                new Spans.Span(Grain.DAY, at("2026-04-01T00:00"), at("2026-04-10T00:00")));
    }

    @Test
    void intervalsAtTheEdgesOfAnIntervalRange() {
        List<Spans.Span> spans = Spans.cover(at("2026-02-27T10:15"), at("2026-04-01T09:00"), Grain.INTERVAL, BERLIN);
        assertThat(spans).containsExactly(
                new Spans.Span(Grain.INTERVAL, at("2026-02-27T10:15"), at("2026-02-28T00:00")),
                new Spans.Span(Grain.DAY, at("2026-02-28T00:00"), at("2026-03-01T00:00")),
                new Spans.Span(Grain.MONTH, at("2026-03-01T00:00"), at("2026-04-01T00:00")),
                new Spans.Span(Grain.INTERVAL, at("2026-04-01T00:00"), at("2026-04-01T09:00")));
    }

    @Test
    void noWholeMonthAllDays() {
        assertThat(Spans.cover(at("2026-02-02T00:00"), at("2026-03-14T00:00"), Grain.DAY, BERLIN))
            .containsExactly(new Spans.Span(Grain.DAY, at("2026-02-02T00:00"), at("2026-03-14T00:00")));
    }

    @Test
    void theSpansFollowEachOtherWithoutGapOrOverlapAcrossAClockChange() {
        Instant from = at("2026-03-20T06:45");
        Instant to = at("2026-11-03T13:30");
        List<Spans.Span> spans = Spans.cover(from, to, Grain.INTERVAL, BERLIN);
        assertThat(spans.get(0).from()).isEqualTo(from);
        assertThat(spans.get(spans.size() - 1).to()).isEqualTo(to);
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i).from()).isEqualTo(spans.get(i - 1).to());
        }
        assertThat(spans).extracting(Spans.Span::grain).contains(Grain.MONTH);
    }

    @Test
    void aWholeRangeReachingPastTodayReadsTodayAndLaterByDay() {
        Instant now = at("2026-05-20T14:00");
        assertThat(Spans.wholeRange(at("2026-03-01T00:00"), at("2026-06-01T00:00"), now, BERLIN)).containsExactly(
                new Spans.Span(Grain.MONTH, at("2026-03-01T00:00"), at("2026-05-01T00:00")),
                new Spans.Span(Grain.DAY, at("2026-05-01T00:00"), at("2026-05-20T00:00")),
                new Spans.Span(Grain.DAY, at("2026-05-20T00:00"), at("2026-06-01T00:00")));
        assertThat(Spans.wholeRange(at("2026-03-01T00:00"), at("2026-05-01T00:00"), now, BERLIN))
            .as("a range before today as cover() has it")
            .containsExactly(new Spans.Span(Grain.MONTH, at("2026-03-01T00:00"), at("2026-05-01T00:00")));
        assertThat(Spans.wholeRange(at("2026-06-01T00:00"), at("2026-08-01T00:00"), now, BERLIN))
            .as("a range after today by day").containsExactly(
                    new Spans.Span(Grain.DAY, at("2026-06-01T00:00"), at("2026-08-01T00:00")));
    }

    @Test
    void anEmptyRangeHasNoSpans() {
        assertThat(Spans.cover(at("2026-02-02T00:00"), at("2026-02-02T00:00"), Grain.DAY, BERLIN)).isEmpty();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }
}
