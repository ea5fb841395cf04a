package io.worklane.web;

import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Hands the exception behind an engine REST error to {@link EngineRestProblems}: Camunda's exception mappers
 * only leave its class name and message in the body, but the filter must tell a refusal from a failure and log
 * a failure's real cause. Jersey's request properties are the servlet request's attributes.
 */
@Component
class EngineRestFailures implements ResourceConfigCustomizer {

    static final String ATTRIBUTE = EngineRestFailures.class.getName() + ".exception";

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new Listener());
    }

    private static final class Listener implements ApplicationEventListener {

        @Override
        public void onEvent(ApplicationEvent event) {
            // nothing to do on application events
        }

        @Override
        public RequestEventListener onRequest(RequestEvent start) {
            return event -> {
                if (event.getType() == RequestEvent.Type.ON_EXCEPTION && event.getException() != null) {
                    event.getContainerRequest().setProperty(ATTRIBUTE, event.getException());
                }
            };
        }
    }
}
