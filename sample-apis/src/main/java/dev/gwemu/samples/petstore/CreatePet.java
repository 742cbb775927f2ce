package dev.gwemu.samples.petstore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** POST /pets with {"name":"..","type":".."}: 201 with the new pet and its Location, or 400. */
public class CreatePet implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        String body = request.getBody();
        if (body == null || body.isBlank()) {
            context.getLogger().log("CreatePet -> 400 missing body");
            return Responses.error(400, "Request body is required: {\"name\":\"..\",\"type\":\"..\"}");
        }
        Map<String, Object> fields;
        try {
            if (Boolean.TRUE.equals(request.getIsBase64Encoded())) {   // a binary media type matched the request
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            fields = Json.parseFlatObject(body);
        } catch (IllegalArgumentException e) {
            context.getLogger().log("CreatePet -> 400 invalid JSON: " + e.getMessage());
            return Responses.error(400, "Invalid JSON body: " + e.getMessage());
        }
        if (!(fields.get("name") instanceof String name) || name.isBlank()
                || !(fields.get("type") instanceof String type) || type.isBlank()) {
            context.getLogger().log("CreatePet -> 400 missing name or type");
            return Responses.error(400, "\"name\" and \"type\" must be non-empty strings");
        }

        Pet pet = PetStore.add(name, type);
        context.getLogger().log("CreatePet -> 201 pet " + pet.id());
        APIGatewayProxyResponseEvent response = Responses.json(201, pet.toJson());
        response.getHeaders().put("Location", location(request, pet));
        return response;
    }

    /** The new pet's path as the client sees it: requestContext.path includes the stage (/dev/pets). */
    private static String location(APIGatewayProxyRequestEvent request, Pet pet) {
        String path = request.getRequestContext() != null ? request.getRequestContext().getPath() : null;
        if (path == null) {
            path = request.getPath() != null ? request.getPath() : "/pets";
        }
        return (path.endsWith("/") ? path : path + "/") + pet.id();
    }
}
