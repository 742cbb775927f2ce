package dev.gwemu.server.endpoint;

import dev.gwemu.support.TestPaths;

import java.nio.file.Path;

/** The projects of testdata/endpoints and the names they declare. */
final class EndpointProjects {
    static final Path API = TestPaths.TESTDATA.resolve("endpoints/api.yaml");
    static final Path PRIVATE_FIRST = TestPaths.TESTDATA.resolve("endpoints/private-first.yaml");
    static final String EDGE_HOST = "edge0api01.execute-api.localhost";
    static final String REGIONAL_HOST = "regional01.execute-api.localhost";
    static final String PRIVATE_ID = "internal01";
    static final String PRIVATE_HOST = PRIVATE_ID + ".execute-api.localhost";
    /** Declared and in the private API's vpcEndpointIds. */
    static final String ASSOCIATED_VPCE = "vpce-0123456789abcdef0";
    static final String ASSOCIATED_VPC = "vpc-0a1b2c3d";
    /** Declared, not associated. */
    static final String OTHER_VPCE = "vpce-0fedcba987654321f";
    static final String OTHER_VPC = "vpc-0e0f0a0b";

    private EndpointProjects() {
    }
}
