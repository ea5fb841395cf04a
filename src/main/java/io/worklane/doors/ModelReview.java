package io.worklane.doors;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * The deployment rule for models that reach an engine by another door: a what-if run's candidate files run in a
 * JVM of this application, so a process owner's may hold models only, never code ({@link ModelSafety}), exactly as
 * a deployment.
 */
@Component
public class ModelReview {

    private final BeanFactory beanFactory;

    ModelReview(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /** @return what keeps these files (name to content) from being deployed by a process owner; empty: nothing */
    public List<String> problems(Map<String, String> models) {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        models.forEach((name, content) -> resources.put(name, content.getBytes(StandardCharsets.UTF_8)));
        return ModelSafety.problems(resources, beanFactory::containsBean);
    }
}
