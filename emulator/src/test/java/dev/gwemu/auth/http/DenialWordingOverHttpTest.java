package dev.gwemu.auth.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.gwemu.auth.http.Answers.assertAccessDenied;
import static dev.gwemu.auth.http.Answers.invokeDenied;
import static dev.gwemu.auth.http.SecurityProject.GUARDED;
import static dev.gwemu.auth.http.SecurityProject.SECURE;

/**
 * api.yaml's {@code accessDeniedWording} picks the generation of AWS's AccessDeniedException texts
 * (security-and-operations.md §3.3, §4.4: both forms are seen in the wild).
 */
class DenialWordingOverHttpTest {
    @TempDir
    Path dir;
    private SecurityProject project;

    @AfterEach
    void stop() {
        project.close();
    }

    @Test
    void classicWordingEndsAnExplicitDenyWithoutNamingThePolicyType() throws Exception {
        project = SecurityProject.start(dir, SecurityProject.START, "accessDeniedWording: CLASSIC\n");
        assertAccessDenied(project.get(GUARDED, "/dev/blocked"),
                invokeDenied("anonymous", "gu4rd3dap1", "dev/GET/blocked") + " with an explicit deny");
        assertAccessDenied(project.get(SECURE, "/dev/token", "Authorization", "deny"),
                "User is not authorized to access this resource with an explicit deny");
    }

    @Test
    void theImplicitReasonWordingSaysWhyNothingAllowed() throws Exception {
        project = SecurityProject.start(dir, SecurityProject.START, "accessDeniedWording: CURRENT_WITH_IMPLICIT_REASON\n");
        assertAccessDenied(project.get(GUARDED, "/dev/unlisted"), invokeDenied("anonymous", "gu4rd3dap1", "dev/GET/unlisted")
                + " because no resource-based policy allows the execute-api:Invoke action");
    }
}
