package io.worklane.routing;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** Each skill expression is parsed once: the router evaluates the same few targets for every agent and item. */
@Component
class SkillExpressions {

    private final Cache<String, SkillExpression> parsed = Caffeine.newBuilder().maximumSize(10_000).build();

    SkillExpression of(String text) {
        return parsed.get(text, SkillExpression::parse);
    }
}
