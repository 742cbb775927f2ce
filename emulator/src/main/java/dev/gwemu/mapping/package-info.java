/**
 * API Gateway's REST mapping layer (data-plane spec §4.1, §4.2, §5, §6.2): mapping templates on the real Apache
 * Velocity, JSONPath as API Gateway evaluates it, parameter-mapping source expressions and gateway response
 * templates.
 *
 * <ul>
 *   <li>{@link dev.gwemu.mapping.VtlTemplate} compiles a mapping template once at load and renders it per request,
 *       from any number of threads, with {@code $input}, {@code $util}, {@code $context} and
 *       {@code $stageVariables} built from a {@link dev.gwemu.mapping.MappingInput}; template writes to
 *       {@code $context.requestOverride} / {@code responseOverride} land in {@link dev.gwemu.mapping.Overrides}.</li>
 *   <li>{@link dev.gwemu.mapping.JsonPaths} is the JSONPath behind {@code $input.path}, {@code $input.json} and
 *       {@code body.JSONPATH} sources: Jayway on Jackson, a missing path is null.</li>
 *   <li>{@link dev.gwemu.mapping.ParameterSource} parses {@code method.request.*}, {@code integration.response.*},
 *       {@code context.*}, {@code stageVariables.*} and {@code 'literal'} once and resolves them per request.</li>
 *   <li>{@link dev.gwemu.mapping.GatewayResponseTemplate} does the plain substitution of gateway response bodies.</li>
 * </ul>
 *
 * <p>Rendering matches what AWS was seen to render (§5.1 [V]): null and missing values print as nothing and a
 * missing {@code $input.path} equals both {@code $null} and {@code ""} ({@link dev.gwemu.mapping.MissingValue});
 * JSON objects print Java-style ({@code {k=v}}) and arrays as JSON (a list type whose {@code toString} is JSON). Where
 * Velocity 1.7 and 2.x differ we follow 1.7, which AWS's templates were written against. Every [U] or [E] choice is
 * a named constant next to the code it steers, citing its section. Velocity, Jayway and Jackson run with shared,
 * configured instances; nothing is logged (template mistakes are exceptions: {@link
 * dev.gwemu.mapping.TemplateSyntaxException} at compile, {@link dev.gwemu.mapping.TemplateRenderException} at
 * render, {@link dev.gwemu.mapping.InvalidJsonBodyException} from body sources).
 *
 * <p>{@link dev.gwemu.mapping.InputVariable}, {@link dev.gwemu.mapping.UtilVariable} and
 * {@link dev.gwemu.mapping.MissingValue} are public only because Velocity calls methods of public classes alone;
 * they cannot be constructed outside this package.
 */
package dev.gwemu.mapping;
