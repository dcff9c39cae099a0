package com.voiceappoint.adapter.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.domain.shared.DomainException;
import io.javalin.http.Context;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON body into a request record, then checks its shape with Bean Validation. Every failure is a 400
 * naming the field (in the API's snake_case) and what is wrong with it; nothing is half-read.
 */
final class Bodies {
    static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final ObjectMapper json;
    private final Validator validator;

    Bodies(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    <T> T read(Context ctx, Class<T> type) {
        return readOptional(ctx, type).orElseThrow(() -> InvalidRequestException.malformed("request.body_required"));
    }

    /** For routes whose body may be left out entirely (a cancellation without a reason). */
    <T> Optional<T> readOptional(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            return Optional.empty();
        }
        T value = parse(body, type);
        if (value == null) {
            throw InvalidRequestException.malformed("request.body_required");
        }
        validate(value);
        return Optional.of(value);
    }

    private <T> T parse(byte[] body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (StreamReadException e) {
            throw InvalidRequestException.malformed("request.malformed_json");
        } catch (JsonMapping.UnstorableText e) {
            throw InvalidRequestException.field(path(e), "invalid_characters", "request.invalid_characters");
        } catch (ValueInstantiationException e) {
            // a record's constructor refused the value (a domain type inside a request)
            if (e.getCause() instanceof DomainException domain) {
                throw domain;
            }
            throw InvalidRequestException.field(path(e), "invalid", "field.invalid");
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw InvalidRequestException.malformed("request.not_an_object");
            }
            throw InvalidRequestException.field(field, "wrong_type", "request.wrong_type");
        } catch (JacksonException e) {
            throw InvalidRequestException.malformed("request.malformed_json");
        } catch (IOException e) {
            throw InvalidRequestException.malformed("request.malformed_json");
        }
    }

    private <T> void validate(T value) {
        var violations = validator.validate(value);
        if (violations.isEmpty()) {
            return;
        }
        List<InvalidRequestException.Field> fields = new ArrayList<>();
        violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> fields.add(field(v)));
        throw new InvalidRequestException(InvalidRequestException.VALIDATION_FAILED, fields);
    }

    private static InvalidRequestException.Field field(ConstraintViolation<?> violation) {
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String constraint = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return new InvalidRequestException.Field(
                snakePath(violation.getPropertyPath()),
                SNAKE_CASE.translate(constraint),
                violation.getMessageTemplate(),
                attributes.getOrDefault("min", attributes.getOrDefault("value", "")),
                attributes.getOrDefault("max", ""));
    }

    private static String snakePath(Path path) {
        StringBuilder result = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null && result.length() > 0) {
                result.append('[').append(node.getIndex()).append(']');
            }
            if (result.length() > 0) {
                result.append('.');
            }
            result.append(SNAKE_CASE.translate(node.getName()));
        }
        return result.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder result = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (result.length() > 0) {
                    result.append('.');
                }
                result.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                result.append('[').append(reference.getIndex()).append(']');
            }
        }
        return result.toString();
    }
}
