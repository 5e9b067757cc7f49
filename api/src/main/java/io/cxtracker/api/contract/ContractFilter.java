package io.cxtracker.api.contract;

import io.cxtracker.api.problem.Problem;
import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.shared.PageRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every operation of the API shares, written once instead of on 70 resource methods (registered as
 * {@code mp.openapi.filter}): the bearer-token security (an HTTP bearer JWT, and the identity provider's OIDC
 * discovery document), the refusals any call can get as RFC 9457 problems with one {@code Problem} schema, the paging
 * limits of {@link PageRequest}, and a schema for every response header. The resource annotations keep what is
 * particular to one operation: its {@code operationId}, summary, its success answer, and the reason of a 403 or 404 in
 * its own words. (A method that annotates only refusals also says {@code @APIResponse(responseCode = "200")} without
 * content: SmallRye then completes that answer from the method's return type, as it does for unannotated methods.)
 */
public class ContractFilter implements OASFilter {

    public static final String BEARER = "bearer";
    public static final String OIDC = "oidc";
    public static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    static final String PROBLEM_FORMAT = "https://www.rfc-editor.org/rfc/rfc9457";

    /** The refusals, in the words used when an operation's own annotation does not say more. */
    private static final Map<String, String> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put("400", "Invalid input; every bad field or parameter is listed in errors");
        STANDARD.put("401", "No valid bearer token: missing, expired, tampered with, or not from the configured identity provider");
        STANDARD.put("403", "The caller's roles or departments do not allow this; nothing was written");
        STANDARD.put("404", "No such resource");
        STANDARD.put("409", "Conflicts with the current state (already exists, or changed concurrently); nothing was written");
        STANDARD.put("412", "If-Match names an older version than the current one");
        STANDARD.put("413", "The body is over the size limit");
        STANDARD.put("415", "The body is not of a media type this operation reads");
        STANDARD.put("428", "If-Match is missing; read the resource first and send its ETag");
        STANDARD.put("500", "An unexpected failure; nothing was written");
        STANDARD.put("503", "The service is not serving (refused an unsafe start, or a backing service is unavailable)");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        withoutEmptyParts(openAPI);
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of the identity provider (Keycloak realm), as Authorization: Bearer <token>"));
        components.addSecurityScheme(OIDC, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(discoveryUrl())
                .description("The identity provider's discovery document: where to get tokens"));

        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean api = path.startsWith("/api/") && !path.startsWith("/api/health");
            item.getOperations().forEach((method, operation) -> describe(path, method, operation, api));
        });
    }

    /**
     * WildFly's document always carries a license and external docs, empty unless the deployment names them, and an
     * empty license (no name) or external docs (no url) is invalid. The license is the deployment's statement
     * ({@code mp.openapi.extensions.smallrye.info.license.name}); the external docs are the problem format every
     * refusal uses.
     */
    private static void withoutEmptyParts(OpenAPI openAPI) {
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo());
        }
        var config = ConfigProvider.getConfig();
        if (openAPI.getInfo().getLicense() == null || openAPI.getInfo().getLicense().getName() == null) {
            openAPI.getInfo().setLicense(OASFactory.createLicense().name(config
                    .getOptionalValue("mp.openapi.extensions.smallrye.info.license.name", String.class).orElse("Proprietary")));
        }
        var contact = openAPI.getInfo().getContact();
        if (contact != null && contact.getName() == null && contact.getEmail() == null && contact.getUrl() == null) {
            openAPI.getInfo().setContact(null);
        }
        if (openAPI.getExternalDocs() == null || openAPI.getExternalDocs().getUrl() == null) {
            openAPI.setExternalDocs(OASFactory.createExternalDocumentation().url(PROBLEM_FORMAT)
                    .description("RFC 9457, the problem format of every refusal"));
        }
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation, boolean api) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (api) {
            operation.setSecurity(List.of(
                    OASFactory.createSecurityRequirement().addScheme(BEARER),
                    OASFactory.createSecurityRequirement().addScheme(OIDC)));
            List<String> refusals = new ArrayList<>(List.of("401", "403", "500", "503"));
            boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
            boolean body = operation.getRequestBody() != null;
            boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
            if (parameters || body) {
                refusals.add("400");
            }
            if (path.contains("{")) {
                refusals.add("404");
            }
            if (body) {
                refusals.add("413");
                refusals.add("415");
            }
            if (write) {
                refusals.add("409");
            }
            if (hasHeaderParameter(operation, "If-Match")) {
                refusals.addAll(List.of("409", "412", "428"));
            }
            for (String status : refusals) {
                if (!responses.hasAPIResponse(status)) {
                    responses.addAPIResponse(status, OASFactory.createAPIResponse().description(STANDARD.get(status)));
                }
            }
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(ContractFilter::queryParameterSchemas);
            }
        }
        Map<String, APIResponse> all = responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses();
        all.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                asProblem(response, status);
            }
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, header) -> headerSchema(name, header));
            }
        });
    }

    /**
     * Every refusal is a problem document, whatever the operation produces when it succeeds. A refusal that already
     * names its own problem schema (the import's 422 carries its report) keeps it.
     */
    private static void asProblem(APIResponse response, String status) {
        if (response.getRef() != null) {
            return;
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(STANDARD.getOrDefault(status, "Refused"));
        }
        if (response.getContent() != null && response.getContent().hasMediaType(Problem.MEDIA_TYPE)
                && response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema() != null
                && response.getContent().getMediaTypes().size() == 1) {
            return;
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }

    private static void headerSchema(String name, Header header) {
        if (header.getRef() != null || header.getSchema() != null || header.getContent() != null) {
            return;
        }
        Schema schema = OASFactory.createSchema().addType(SchemaType.STRING);
        switch (name.toLowerCase()) {
            case "etag" -> {
                if (header.getDescription() == null) {
                    header.setDescription("The version of the resource, to send back in If-Match");
                }
            }
            case "location" -> {
                schema.format("uri-reference");
                if (header.getDescription() == null) {
                    header.setDescription("Where the created resource is");
                }
            }
            default -> {
            }
        }
        header.setSchema(schema);
    }

    /**
     * Query parameters arrive as text so that one 400 can name every bad one; the schema still states what the
     * parsers (PageParameters, QueryParameters) accept, from the same constants and enums they use.
     */
    private static void queryParameterSchemas(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY || parameter.getRef() != null) {
            return;
        }
        Schema schema = switch (parameter.getName()) {
            case "limit" -> OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                    .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                    .defaultValue(PageParameters.DEFAULT_LIMIT);
            case "offset" -> OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                    .minimum(BigDecimal.ZERO).defaultValue(0);
            // QueryParameters.id: a whole number of 1 or more
            case "program", "initiative", "milestone" -> OASFactory.createSchema().addType(SchemaType.INTEGER)
                    .format("int64").minimum(BigDecimal.ONE);
            // QueryParameters.number(…, 1, Integer.MAX_VALUE)
            case "phase" -> OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32").minimum(BigDecimal.ONE);
            case "dueAfter", "dueBefore" -> OASFactory.createSchema().addType(SchemaType.STRING).format("date");
            case "validOnly", "unreadOnly" -> OASFactory.createSchema().addType(SchemaType.BOOLEAN);
            // QueryParameters.enumOf also takes them in lower case
            case "pillar" -> names(Pillar.values());
            case "granularity" -> names(Granularity.values());
            // an operation with formats of its own (the board pack's pptx, pdf) declares them on its parameter
            case "format" -> parameter.getSchema() != null && parameter.getSchema().getEnumeration() != null ? null
                    : OASFactory.createSchema().addType(SchemaType.STRING)
                    .enumeration(Arrays.stream(ReportFormat.values()).map(f -> (Object) f.extension()).toList());
            default -> null;
        };
        if (schema != null) {
            parameter.setSchema(schema);
        }
    }

    private static Schema names(Enum<?>[] constants) {
        return OASFactory.createSchema().addType(SchemaType.STRING)
                .enumeration(Arrays.stream(constants).map(c -> (Object) c.name()).toList());
    }

    private static boolean hasHeaderParameter(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    /** RFC 9457, as {@link Problem} writes it. */
    static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One bad field or parameter and what is wrong with it")
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem; errors names every bad field so a client can fix a request in one round trip")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(SchemaType.STRING).format("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }

    /** The identity provider's discovery document, from the same setting the server's OIDC configuration uses. */
    static String discoveryUrl() {
        String base = ConfigProvider.getConfig().getValue("cx.oidc.provider-url", String.class);
        return (base.endsWith("/") ? base : base + "/") + ".well-known/openid-configuration";
    }
}
