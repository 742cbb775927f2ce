/**
 * API Gateway REST request validation (data-plane spec §7): a method's request validator checks its required
 * request parameters, then its request body against a model (JSON Schema draft 4).
 *
 * <p>{@link dev.gwemu.validation.Models} compiles an API's models once at load; {@link
 * dev.gwemu.validation.RequestValidator} compiles one method's checks and runs them per request, from any number
 * of threads. A refused request yields a {@link dev.gwemu.validation.ValidationFailure}, which the pipeline turns
 * into the BAD_REQUEST_PARAMETERS or BAD_REQUEST_BODY gateway response (§6.1).
 *
 * <p>Choices made where the spec is [E] or [U] are named constants next to the code they steer, each citing its
 * section.
 */
package dev.gwemu.validation;
