package io.worklane.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.PostgresIntegrationTest;

class MyWorkItemsFilterIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    private FilterService filterService;

    @Autowired
    private TaskService taskService;

    @Autowired
    private AccessSetup accessSetup;

    @Test
    void myWorkItemsListTheMostUrgentFirstAndAnOlderFilterIsBroughtInLine() {
        assertThat(orderingOf(myWorkItems())).containsExactly("PRIORITY_ desc", "CREATE_TIME_ asc");

        Filter older = myWorkItems().setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        filterService.saveFilter(older);
        assertThat(orderingOf(myWorkItems())).isEmpty();

        accessSetup.run(null);
        assertThat(orderingOf(myWorkItems())).containsExactly("PRIORITY_ desc", "CREATE_TIME_ asc");
        assertThat(filterService.createFilterQuery().filterName(AccessSetup.MY_WORK_ITEMS).count()).isOne();
    }

    private Filter myWorkItems() {
        return filterService.createFilterQuery().filterName(AccessSetup.MY_WORK_ITEMS).singleResult();
    }

    private static List<String> orderingOf(Filter filter) {
        return ((AbstractQuery<?, ?>) filter.getQuery()).getOrderingProperties()
            .stream()
            .map(order -> order.getQueryProperty().getName() + " " + order.getDirection().getName())
            .toList();
    }
}
