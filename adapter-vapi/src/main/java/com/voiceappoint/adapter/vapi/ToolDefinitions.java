package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import java.util.List;

/**
 * The shared assistant's tools as Vapi takes them, ready to paste into the dashboard or send to its API: each with
 * its JSON schema, a "one moment" said while it runs (in Spanish and English; Vapi picks the call's language), our
 * webhook as its server, and the static {@code business_slug} parameter, which Vapi fills from the variable values
 * we give every call so the tool call names its business without the model being able to choose one.
 */
public final class ToolDefinitions {
    public static final String WEBHOOK_PATH = "/api/v1/vapi/webhook";
    static final int TIMEOUT_SECONDS = 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ToolDefinitions() {}

    private record Property(String name, String type, String description, List<String> choices) {
        Property(String name, String type, String description) {
            this(name, type, description, List.of());
        }
    }

    private record Tool(
            String name, String description, List<Property> properties, List<String> required, String es, String en) {}

    private static final Property SERVICE_ID =
            new Property("service_id", "string", "The service's id, from get_business_services.");
    private static final Property SERVICE_NAME = new Property(
            "service_name", "string", "The service as the caller said it, when its id is not known (e.g. 'un corte').");
    /** How a day may be said: the rule for weekdays is {@link com.voiceappoint.application.voice.WhenSaid}'s. */
    private static final String DAYS_SAID = "Relative days as the caller said them are understood, in Spanish or "
            + "English, in the business's time zone: 'hoy'/'today', 'mañana'/'tomorrow', 'pasado mañana', a weekday "
            + "('el martes', 'next Friday': the first one after today, never today itself), 'el martes de la semana "
            + "que viene', 'el 24', '24 de noviembre'.";

    private static final Property START = new Property(
            "start",
            "string",
            "The local start time at the business, as YYYY-MM-DDTHH:MM, with no offset. " + DAYS_SAID
                    + " A time may follow ('mañana a las 16:00', 'next Friday at 4pm').");
    private static final Property PROVIDER = new Property(
            "provider_id", "string", "Only when the caller asked for a particular person and you know their id.");
    private static final Property STAFF = new Property(
            "staff_name",
            "string",
            "Only when the caller asked for a particular person: their name as said ('Marta' for 'con Marta', 'Sam' "
                    + "for 'with Sam'); a first name is enough. Leave it out for whoever is free.");
    private static final Property CLIENT_NAME =
            new Property("client_name", "string", "The caller's name, as they gave it.");
    private static final Property EMAIL = new Property(
            "email",
            "string",
            "The caller's e-mail address. Required when the call shows no phone number of theirs (a web call, a "
                    + "withheld number): the server says so. Otherwise leave it out.");
    private static final Property APPOINTMENT =
            new Property("appointment_id", "string", "The appointment's id, from find_my_appointments or a booking.");
    private static final Property MANAGE_CODE = new Property(
            "manage_code",
            "string",
            "The six-digit code the caller got with their booking. Only when the server asks for it: it does when "
                    + "the call does not show the caller's number.");
    private static final Property PHONE = new Property(
            "phone",
            "string",
            "The phone number the appointments were booked with, with its country code (+34600111222). Only with "
                    + "manage_code, when the server asks for it.");

    private static final List<Tool> TOOLS = List.of(
            new Tool(
                    AnswerToolCallUseCase.SERVICES,
                    "Lists what the business offers: each service's name, duration, price and service_id.",
                    List.of(),
                    List.of(),
                    "Un momento, miro los servicios.",
                    "One moment, let me look at the services."),
            new Tool(
                    AnswerToolCallUseCase.AVAILABILITY,
                    "Finds free times for a service on a day, optionally in the morning, afternoon or evening, or "
                            + "checks one exact time. Says who is free when more than one person does the "
                            + "service, why when there are none, and the nearest free times, by day.",
                    List.of(
                            SERVICE_ID,
                            SERVICE_NAME,
                            new Property(
                                    "date",
                                    "string",
                                    "The day as YYYY-MM-DD, or YYYY-MM-DDTHH:MM to check an exact local time. "
                                            + DAYS_SAID
                                            + " A part of the day may come with it ('mañana por la tarde', "
                                            + "'this afternoon')."),
                            new Property(
                                    "part_of_day",
                                    "string",
                                    "Only that part of the day.",
                                    List.of("morning", "afternoon", "evening")),
                            STAFF,
                            PROVIDER),
                    List.of("date"),
                    "Un momento, miro la agenda.",
                    "One moment, let me check the diary."),
            new Tool(
                    AnswerToolCallUseCase.BOOK,
                    "Books a service at a start time for the caller, whose phone number is taken from the call "
                            + "(without one, their e-mail address is needed). Ask for the caller's name first. "
                            + "Repeating the same request books nothing twice.",
                    List.of(
                            SERVICE_ID,
                            SERVICE_NAME,
                            START,
                            CLIENT_NAME,
                            EMAIL,
                            new Property("notes", "string", "Anything the business should know."),
                            STAFF,
                            PROVIDER),
                    List.of("start", "client_name"),
                    "Un momento, te lo reservo.",
                    "One moment while I book that."),
            new Tool(
                    AnswerToolCallUseCase.HOURS,
                    "Tells when the business is open on a day or a range of days (closures included).",
                    List.of(
                            new Property("date", "string", "One day, YYYY-MM-DD. " + DAYS_SAID),
                            new Property("from", "string", "First day of a range, YYYY-MM-DD."),
                            new Property("to", "string", "Last day of a range, YYYY-MM-DD (14 days at most).")),
                    List.of(),
                    "Un momento, miro el horario.",
                    "One moment, let me check the opening hours."),
            new Tool(
                    AnswerToolCallUseCase.HOLD,
                    "Holds a time for the caller for a few minutes while they decide; booking the same time then "
                            + "confirms it. A hold not booked is released when the call ends.",
                    List.of(SERVICE_ID, SERVICE_NAME, START, CLIENT_NAME, STAFF, PROVIDER),
                    List.of("start", "client_name"),
                    "Un momento, te guardo esa hora.",
                    "One moment, I'll hold that time for you."),
            new Tool(
                    AnswerToolCallUseCase.MINE,
                    "Lists the caller's upcoming appointments, found by the number they are calling from; when the "
                            + "call does not show it, by the manage code of a booking and the number it was made with.",
                    List.of(MANAGE_CODE, PHONE),
                    List.of(),
                    "Un momento, busco tus citas.",
                    "One moment, let me find your appointments."),
            new Tool(
                    AnswerToolCallUseCase.CANCEL,
                    "Cancels one of the caller's appointments, within the business's cancellation policy.",
                    List.of(APPOINTMENT, new Property("reason", "string", "Why, if the caller said."), MANAGE_CODE),
                    List.of("appointment_id"),
                    "Un momento, lo cancelo.",
                    "One moment, I'll cancel it."),
            new Tool(
                    AnswerToolCallUseCase.RESCHEDULE,
                    "Moves one of the caller's appointments to another time, keeping the same appointment; if the "
                            + "new time is not free nothing changes and the nearest free times are given.",
                    List.of(APPOINTMENT, START, MANAGE_CODE),
                    List.of("appointment_id", "start"),
                    "Un momento, lo cambio.",
                    "One moment, I'll move it."));

    /** The definitions, pointing at {@code publicUrl} (where Vapi reaches this server). */
    public static String json(String publicUrl) {
        String server = publicUrl.replaceAll("/+$", "") + WEBHOOK_PATH;
        ArrayNode tools = JSON.createArrayNode();
        for (Tool tool : TOOLS) {
            ObjectNode definition = tools.addObject().put("type", "function");
            ObjectNode function =
                    definition.putObject("function").put("name", tool.name()).put("description", tool.description());
            ObjectNode schema = function.putObject("parameters").put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            for (Property p : tool.properties()) {
                ObjectNode property =
                        properties.putObject(p.name()).put("type", p.type()).put("description", p.description());
                if (!p.choices().isEmpty()) {
                    p.choices().forEach(property.putArray("enum")::add);
                }
            }
            tool.required().forEach(schema.putArray("required")::add);
            definition.putObject("server").put("url", server).put("timeoutSeconds", TIMEOUT_SECONDS);
            ArrayNode contents = definition
                    .putArray("messages")
                    .addObject()
                    .put("type", "request-start")
                    .putArray("contents");
            contents.addObject().put("type", "text").put("text", tool.es()).put("language", "es");
            contents.addObject().put("type", "text").put("text", tool.en()).put("language", "en");
            definition
                    .putArray("parameters")
                    .addObject()
                    .put("key", "business_slug")
                    .put("value", "{{business_slug}}");
        }
        try {
            return JSON.writeValueAsString(tools);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
