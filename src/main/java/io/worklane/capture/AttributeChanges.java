package io.worklane.capture;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemView;

/**
 * Reads a JSON merge patch (RFC 7396) of capture attributes: a field that is present changes (null clears it),
 * an absent one stays. The fields and their rules are those of capture; the source's ids cannot change.
 */
@Component
class AttributeChanges {

    private static final Set<String> IMMUTABLE = Set.of("externalId", "sourceSystem");

    private final ObjectMapper json;
    private final CaptureRules rules;

    AttributeChanges(ObjectMapper json, CaptureRules rules) {
        this.json = json;
        this.rules = rules;
    }

    /** @param merged the item's attributes after the patch, for the row; {@code variables} only the changed ones */
    record Changes(VariableMap variables, List<String> fields, CaptureRequest merged) {

        boolean isEmpty() {
            return fields.isEmpty();
        }
    }

    Changes read(JsonNode patch, WorkItemView item) {
        return read(patch, item, Set.of());
    }

    /** @param dropped attributes of the item that the patched result starts without (unless the patch sets them) */
    Changes read(JsonNode patch, WorkItemView item, Set<String> dropped) {
        ObjectNode merged = json.valueToTree(CaptureVariables.asRequest(item));
        merged.remove(dropped);
        if (patch == null || patch.isNull()) {
            CaptureRequest unchanged = parse(merged);
            rules.check(unchanged, unchanged.sourceSystem());
            return new Changes(Variables.createVariables(), List.of(), unchanged);
        }
        if (!patch.isObject()) {
            throw Problems.invalid("The body must be a JSON object of the attributes to change.");
        }
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (IMMUTABLE.contains(name)) {
                throw Problems.invalid(name + " identifies the item and cannot change.");
            }
            fields.add(name);
        }
        mergePatch(merged, (ObjectNode) patch);
        CaptureRequest request = parse(merged);
        rules.check(request, request.sourceSystem());
        VariableMap all = CaptureVariables.from(request, item.sourceSystem());
        VariableMap changed = Variables.createVariables();
        fields.forEach(field -> changed.put(field, all.get(field)));
        return new Changes(changed, List.copyOf(fields), request);
    }

    /** RFC 7396: objects merge member by member (custom attributes too); null removes a member. */
    private static void mergePatch(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            JsonNode current = target.get(field.getKey());
            if (value.isNull()) {
                target.remove(field.getKey());
            }
            else if (value.isObject()) {
                ObjectNode nested = current instanceof ObjectNode existing ? existing : target.objectNode();
                mergePatch(nested, (ObjectNode) value);
                target.set(field.getKey(), nested);
            }
            else {
                target.set(field.getKey(), value);
            }
        });
    }

    private CaptureRequest parse(ObjectNode merged) {
        try {
            return json.treeToValue(merged, CaptureRequest.class);
        }
        catch (JsonProcessingException e) {
            throw Problems.malformed(e);
        }
    }
}
