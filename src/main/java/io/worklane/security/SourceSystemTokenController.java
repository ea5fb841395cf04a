package io.worklane.security;

import java.net.URI;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Administrators issue, list and revoke source systems' API tokens (only {@code camunda-admin}: SecurityConfiguration). */
@RestController
@RequestMapping("/api/source-systems/{sourceSystem}/tokens")
class SourceSystemTokenController {

    /** The optional body of an issue request. */
    record TokenRequest(String label) {
    }

    private final SourceSystemTokens tokens;

    SourceSystemTokenController(SourceSystemTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @Operation(summary = "Issue an API token", description = "The answer holds the token's value, shown this once; "
            + "store it in the source system. Its other tokens stay valid until revoked.")
    @ApiResponse(responseCode = "201", description = "issued")
    @ApiResponse(responseCode = "404", description = "no such user")
    @ApiResponse(responseCode = "422", description = "the user is not in group source-systems")
    ResponseEntity<IssuedToken> issue(@PathVariable String sourceSystem,
            @RequestBody(required = false) TokenRequest request) {
        IssuedToken issued = tokens.issue(sourceSystem, request == null ? null : request.label(),
                Caller.current().userId());
        return ResponseEntity
            .created(URI.create("/api/source-systems/" + sourceSystem + "/tokens/" + issued.metadata().id()))
            .cacheControl(CacheControl.noStore())
            .body(issued);
    }

    @GetMapping
    @Operation(summary = "List the source system's tokens, active and revoked (never their values)")
    List<SourceSystemToken> list(@PathVariable String sourceSystem) {
        return tokens.list(sourceSystem);
    }

    @DeleteMapping("/{tokenId}")
    @Operation(summary = "Revoke a token", description = "Refused from the next request on, on every node.")
    @ApiResponse(responseCode = "204", description = "revoked (or revoked already)")
    @ApiResponse(responseCode = "404", description = "no such token of this source system")
    ResponseEntity<Void> revoke(@PathVariable String sourceSystem, @PathVariable String tokenId) {
        tokens.revoke(sourceSystem, tokenId, Caller.current().userId());
        return ResponseEntity.noContent().build();
    }
}
