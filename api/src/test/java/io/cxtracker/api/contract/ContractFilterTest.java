package io.cxtracker.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.shared.PageRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContractFilterTest {

    @BeforeAll
    static void identityProvider() {
        System.setProperty("cx.oidc.provider-url", "http://idp.test:8180/realms/cxtracker");
    }

    private static Parameter header(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER);
    }

    private static Parameter query(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).schema(OASFactory.createSchema().addType(SchemaType.STRING));
    }

    /** GET /api/things (paged), GET and PUT /api/things/{id} (PUT with If-Match and a body), GET /openapi-like path. */
    private static OpenAPI document() {
        Operation list = OASFactory.createOperation().operationId("listThings")
                .parameters(List.of(query("limit"), query("offset"), query("q")))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        Operation get = OASFactory.createOperation().operationId("getThing")
                .parameters(List.of(OASFactory.createParameter().name("id").in(Parameter.In.PATH)))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")
                                .addHeader("ETag", OASFactory.createHeader()))
                        .addAPIResponse("404", OASFactory.createAPIResponse().description("No such thing")));
        Operation put = OASFactory.createOperation().operationId("updateThing")
                .parameters(List.of(OASFactory.createParameter().name("id").in(Parameter.In.PATH), header("If-Match")))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("403", OASFactory.createAPIResponse().description("Only the thing's owner"))
                        .addAPIResponse("422", OASFactory.createAPIResponse().description("With its report")
                                .content(OASFactory.createContent().addMediaType("application/problem+json",
                                        OASFactory.createMediaType().schema(OASFactory.createSchema()
                                                .ref("#/components/schemas/ThingProblem"))))));
        Operation outside = OASFactory.createOperation().operationId("other")
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        return OASFactory.createOpenAPI().info(OASFactory.createInfo().title("t").version("1")
                        .license(OASFactory.createLicense()).contact(OASFactory.createContact()))
                .externalDocs(OASFactory.createExternalDocumentation())
                .paths(OASFactory.createPaths()
                        .addPathItem("/api/things", OASFactory.createPathItem().GET(list))
                        .addPathItem("/api/things/{id}", OASFactory.createPathItem().GET(get).PUT(put))
                        .addPathItem("/elsewhere", OASFactory.createPathItem().GET(outside)));
    }

    private static Map<String, APIResponse> responses(OpenAPI document, String path, String method) {
        var item = document.getPaths().getPathItem(path);
        Operation operation = switch (method) {
            case "GET" -> item.getGET();
            case "PUT" -> item.getPUT();
            default -> throw new IllegalArgumentException(method);
        };
        return operation.getResponses().getAPIResponses();
    }

    @Test
    void eachOperationGetsTheRefusalsThatApplyToIt() {
        OpenAPI document = document();
        new ContractFilter().filterOpenAPI(document);
        // a list with query parameters: 400; no path parameter, so no 404; a read, so no 409
        assertEquals(Set.of("200", "400", "401", "403", "500", "503"), responses(document, "/api/things", "GET").keySet());
        assertEquals(Set.of("200", "400", "401", "403", "404", "500", "503"), responses(document, "/api/things/{id}", "GET").keySet());
        // a write with a body and If-Match: everything
        assertEquals(Set.of("400", "401", "403", "404", "409", "412", "413", "415", "422", "428", "500", "503"),
                responses(document, "/api/things/{id}", "PUT").keySet());
        // outside /api nothing is added and nothing is secured
        assertEquals(Set.of("200"), responses(document, "/elsewhere", "GET").keySet());
        assertNull(document.getPaths().getPathItem("/elsewhere").getGET().getSecurity());
    }

    @Test
    void refusalsAreProblemsAndKeepTheirOwnWords() {
        OpenAPI document = document();
        new ContractFilter().filterOpenAPI(document);
        APIResponse forbidden = responses(document, "/api/things/{id}", "PUT").get("403");
        assertEquals("Only the thing's owner", forbidden.getDescription());
        assertEquals("#/components/schemas/Problem",
                forbidden.getContent().getMediaType("application/problem+json").getSchema().getRef());
        assertEquals(1, forbidden.getContent().getMediaTypes().size());
        // a refusal with its own problem schema keeps it
        assertEquals("#/components/schemas/ThingProblem", responses(document, "/api/things/{id}", "PUT").get("422")
                .getContent().getMediaType("application/problem+json").getSchema().getRef());
        APIResponse unauthorized = responses(document, "/api/things", "GET").get("401");
        assertTrue(unauthorized.getDescription().startsWith("No valid bearer token"), unauthorized.getDescription());
        assertEquals(Set.of("type", "title", "status", "detail", "instance", "errors"),
                document.getComponents().getSchemas().get("Problem").getProperties().keySet());
        // success answers are left alone; their headers get a schema
        APIResponse ok = responses(document, "/api/things/{id}", "GET").get("200");
        assertNull(ok.getContent());
        assertEquals(List.of(SchemaType.STRING), ok.getHeaders().get("ETag").getSchema().getType());
    }

    @Test
    void theApiNeedsABearerTokenFromTheConfiguredIdentityProvider() {
        OpenAPI document = document();
        new ContractFilter().filterOpenAPI(document);
        var schemes = document.getComponents().getSecuritySchemes();
        assertEquals("bearer", schemes.get("bearer").getScheme());
        assertEquals("JWT", schemes.get("bearer").getBearerFormat());
        assertEquals("http://idp.test:8180/realms/cxtracker/.well-known/openid-configuration", schemes.get("oidc").getOpenIdConnectUrl());
        var security = document.getPaths().getPathItem("/api/things").getGET().getSecurity();
        assertEquals(2, security.size());
        assertTrue(security.get(0).hasScheme("bearer"));
        assertTrue(security.get(1).hasScheme("oidc"));
    }

    @Test
    void pagingParametersCarryPageRequestsBounds() {
        OpenAPI document = document();
        new ContractFilter().filterOpenAPI(document);
        var parameters = document.getPaths().getPathItem("/api/things").getGET().getParameters();
        var limit = parameters.get(0).getSchema();
        assertEquals(List.of(SchemaType.INTEGER), limit.getType());
        assertEquals(BigDecimal.ONE, limit.getMinimum());
        assertEquals(BigDecimal.valueOf(PageRequest.MAX_LIMIT), limit.getMaximum());
        assertEquals(500, PageRequest.MAX_LIMIT, "the bound the document states, by hand");
        assertEquals(BigDecimal.ZERO, parameters.get(1).getSchema().getMinimum());
        assertEquals(List.of(SchemaType.STRING), parameters.get(2).getSchema().getType(), "other parameters are left alone");
    }

    @Test
    void typedQueryParametersStateWhatTheirParsersAccept() {
        Operation filtered = OASFactory.createOperation().operationId("listFiltered")
                .parameters(List.of(query("pillar"), query("granularity"), query("format"), query("phase"), query("program"),
                        query("dueAfter"), query("validOnly"), query("channel")))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        OpenAPI document = OASFactory.createOpenAPI().info(OASFactory.createInfo().title("t").version("1"))
                .paths(OASFactory.createPaths().addPathItem("/api/filtered", OASFactory.createPathItem().GET(filtered)));
        new ContractFilter().filterOpenAPI(document);
        Map<String, Schema> schemas = new LinkedHashMap<>();
        document.getPaths().getPathItem("/api/filtered").getGET().getParameters()
                .forEach(p -> schemas.put(p.getName(), p.getSchema()));
        assertEquals(List.of("LISTEN", "MEASURE", "CHANGE"), schemas.get("pillar").getEnumeration());
        assertEquals(List.of("DAY", "WEEK", "MONTH", "QUARTER"), schemas.get("granularity").getEnumeration());
        assertEquals(List.of("csv", "xlsx", "pdf", "json"), schemas.get("format").getEnumeration());
        assertEquals(List.of(SchemaType.INTEGER), schemas.get("phase").getType());
        assertEquals(BigDecimal.ONE, schemas.get("phase").getMinimum());
        assertEquals("int64", schemas.get("program").getFormat());
        assertEquals(BigDecimal.ONE, schemas.get("program").getMinimum());
        assertEquals("date", schemas.get("dueAfter").getFormat());
        assertEquals(List.of(SchemaType.BOOLEAN), schemas.get("validOnly").getType());
        assertNull(schemas.get("channel").getEnumeration(), "a free-text filter stays free text");
    }

    @Test
    void anEmptyLicenceAndExternalDocsAreCompletedAndAnEmptyContactGoes() {
        OpenAPI document = document();
        new ContractFilter().filterOpenAPI(document);
        assertEquals("Proprietary", document.getInfo().getLicense().getName());
        assertEquals("https://www.rfc-editor.org/rfc/rfc9457", document.getExternalDocs().getUrl());
        assertNull(document.getInfo().getContact());
    }
}
