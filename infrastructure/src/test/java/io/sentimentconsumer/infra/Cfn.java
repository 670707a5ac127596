package io.sentimentconsumer.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** Reading synthesized CloudFormation: resources by type, statements of policies, joined strings. */
final class Cfn {

    private Cfn() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Object resource) {
        return (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
    }

    /** The properties of the only resource of a type. */
    static Map<String, Object> only(Template template, String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.keySet());
        }
        return props(found.values().iterator().next());
    }

    static Map<String, Map<String, Object>> all(Template template, String type) {
        return template.findResources(type);
    }

    /** Every statement of every IAM policy in the template whose logical id starts with {@code policyPrefix}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Template template, String policyPrefix) {
        List<Map<String, Object>> out = new ArrayList<>();
        template.findResources("AWS::IAM::Policy").forEach((id, resource) -> {
            if (id.startsWith(policyPrefix)) {
                Map<String, Object> doc = (Map<String, Object>) props(resource).get("PolicyDocument");
                out.addAll((List<Map<String, Object>>) doc.get("Statement"));
            }
        });
        return out;
    }

    static List<String> list(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(Cfn::text).toList();
        }
        return List.of(text(value));
    }

    /**
     * A CloudFormation value as text: {@code Fn::Join} parts concatenated, {@code Ref} as {@code ${Name}},
     * {@code Fn::GetAtt} as {@code ${Name.Attr}}.
     */
    @SuppressWarnings("unchecked")
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey("Ref")) {
                return "${" + map.get("Ref") + "}";
            }
            if (map.containsKey("Fn::GetAtt")) {
                return "${" + String.join(".", (List<String>) map.get("Fn::GetAtt")) + "}";
            }
            if (map.containsKey("Fn::Join")) {
                List<Object> join = (List<Object>) map.get("Fn::Join");
                List<String> parts = ((List<Object>) join.get(1)).stream().map(Cfn::text).toList();
                return String.join((String) join.get(0), parts);
            }
            if (map.containsKey("Fn::Sub")) {
                return text(map.get("Fn::Sub"));
            }
        }
        return String.valueOf(value);
    }
}
