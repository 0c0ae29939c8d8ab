package com.govfeedback.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import software.amazon.awscdk.assertions.Template;

/**
 * Reads a synthesized template in readable terms: a resource by the construct id its logical id starts with, and a
 * role's permissions as "action on resource [if condition]" lines, with CloudFormation references shown as the
 * construct ids they point to (hash suffix dropped), so tests can compare them to literal expectations.
 */
final class TemplateView {
    private final Template template;

    TemplateView(Template template) {
        this.template = template;
    }

    Map<String, Object> resource(String type, String constructId) {
        List<Map.Entry<String, Map<String, Object>>> matches = template.findResources(type).entrySet().stream()
                .filter(entry -> constructIdOf(entry.getKey()).equals(constructId))
                .toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + type + " " + constructId + ", found " + matches.size());
        }
        return matches.get(0).getValue();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> properties(String type, String constructId) {
        return (Map<String, Object>) resource(type, constructId).get("Properties");
    }

    /** Every (action, resource) a function's role allows, from all policies attached to that role. */
    List<String> permissionsOf(String functionConstructId) {
        Map<String, Object> function = properties("AWS::Lambda::Function", functionConstructId);
        Object roleId = ((List<?>) asMap(function.get("Role")).get("Fn::GetAtt")).get(0);
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> policy : template.findResources("AWS::IAM::Policy").values()) {
            Map<String, Object> properties = asMap(policy.get("Properties"));
            if (!((List<?>) properties.get("Roles")).contains(Map.of("Ref", roleId))) {
                continue;
            }
            for (Object statement : (List<?>) asMap(properties.get("PolicyDocument")).get("Statement")) {
                lines.addAll(lines(asMap(statement)));
            }
        }
        return lines;
    }

    private static List<String> lines(Map<String, Object> statement) {
        if (!"Allow".equals(statement.get("Effect"))) {
            throw new AssertionError("unexpected statement " + statement);
        }
        String condition = statement.containsKey("Condition") ? " if " + render(statement.get("Condition")) : "";
        List<String> lines = new ArrayList<>();
        for (Object action : asList(statement.get("Action"))) {
            for (Object resource : asList(statement.get("Resource"))) {
                lines.add(action + " on " + render(resource) + condition);
            }
        }
        return lines;
    }

    /** Renders a template value, with Ref, Fn::GetAtt and Fn::Join shown by construct id. */
    static String render(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey("Ref")) {
                String target = (String) map.get("Ref");
                return target.startsWith("AWS::") ? "${" + target + "}" : constructIdOf(target);
            }
            if (map.containsKey("Fn::GetAtt")) {
                List<?> getAtt = (List<?>) map.get("Fn::GetAtt");
                String attribute = (String) getAtt.get(1);
                return constructIdOf((String) getAtt.get(0)) + (attribute.equals("Arn") ? "" : "." + attribute);
            }
            if (map.containsKey("Fn::If")) {
                List<?> choice = (List<?>) map.get("Fn::If");
                return "(" + choice.get(0) + " ? " + render(choice.get(1)) + " : " + render(choice.get(2)) + ")";
            }
            if (map.containsKey("Fn::Join")) {
                List<?> join = (List<?>) map.get("Fn::Join");
                return asList(join.get(1)).stream().map(TemplateView::render)
                        .collect(Collectors.joining((String) join.get(0)));
            }
            Map<String, String> rendered = new TreeMap<>();
            map.forEach((key, inner) -> rendered.put((String) key, render(inner)));
            return rendered.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TemplateView::render).toList().toString();
        }
        return String.valueOf(value);
    }

    /** A logical id is the construct path with an 8-digit hash appended; the stack's own ids have none. */
    static String constructIdOf(String logicalId) {
        return logicalId.replaceFirst("[0-9A-F]{8}$", "");
    }

    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
