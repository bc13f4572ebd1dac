// An independent check of the tokens: Debian's python3-jwcrypto fetches the JWKS and verifies
// access tokens and ID tokens (ES256, and RS256 for a service that asks for it) and their claims.
#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>

#include "OidcWebFixture.h"
#include "support/ChildProcess.h"
#include "support/Paths.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const std::string kPython = "/usr/bin/python3";

std::string script() { return sourceDir() + "/tests/server/web/oidc/verify_access_token.py"; }
std::string idTokenScript() { return sourceDir() + "/tests/server/web/oidc/verify_id_token.py"; }

ChildProcess::RunResult verify(TestServer& server, const std::string& token, const ServiceCredentials& service,
                               const std::string& alg) {
    return ChildProcess::run(kPython, {script(), server.baseUrl() + "/oauth2/jwks", token, kIssuer, service.clientId, alg},
                             std::chrono::seconds(60), ChildProcess::Options().withStderr(ChildProcess::Stderr::Merge));
}

}  // namespace

TEST_CASE("python3-jwcrypto verifies access tokens against the JWKS", "[web][oidc][jwcrypto]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            // jwcrypto checks exp against the real time.
            server.clock().set(static_cast<std::int64_t>(std::time(nullptr)));
            ApiClient client(server.port());
            auto es = createBackendService(server, "Elliptic");
            auto rs = createBackendService(server, "RSA", "client_secret_basic",
                                           [](core::ServiceChanges& c) { c.idTokenAlg = "RS256"; });

            const std::string esToken = clientCredentialsToken(client, es);
            auto esResult = verify(server, esToken, es, "ES256");
            INFO(esResult.output);
            CHECK(esResult.exitStatus == 0);
            CHECK(esResult.output.rfind("OK ", 0) == 0);

            const std::string rsToken = clientCredentialsToken(client, rs);
            auto rsResult = verify(server, rsToken, rs, "RS256");
            INFO(rsResult.output);
            CHECK(rsResult.exitStatus == 0);

            // The checker is not vacuous: a changed payload or another client's claims fail.
            std::string tampered = esToken;
            const auto dot = tampered.find('.');
            tampered[dot + 3] = tampered[dot + 3] == 'A' ? 'B' : 'A';
            auto refused = verify(server, tampered, es, "ES256");
            INFO(refused.output);
            CHECK(refused.exitStatus != 0);
            CHECK(verify(server, esToken, rs, "ES256").exitStatus != 0);
            CHECK(verify(server, esToken, es, "RS256").exitStatus != 0);
        }
    }
}

namespace {

ChildProcess::RunResult verifyIdToken(TestServer& server, const std::string& idToken, const std::string& clientId,
                                      const std::string& alg, const std::string& nonce, const std::string& accessToken) {
    return ChildProcess::run(kPython,
                             {idTokenScript(), server.baseUrl() + "/oauth2/jwks", idToken, kIssuer, clientId, alg, nonce,
                              accessToken},
                             std::chrono::seconds(60), ChildProcess::Options().withStderr(ChildProcess::Stderr::Merge));
}

}  // namespace

TEST_CASE("python3-jwcrypto verifies ID tokens against the JWKS", "[web][oidc][jwcrypto]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            server.clock().set(static_cast<std::int64_t>(std::time(nullptr)));
            ApiClient client(server.port());
            CodeBuilder codes(server);
            auto es = createRelyingParty(server, "Elliptic", "es.example");
            auto rs = createRelyingParty(server, "RSA", "rs.example", false,
                                         [](core::ServiceChanges& c) { c.idTokenAlg = "RS256"; });

            for (const auto& [service, alg] : {std::pair{es, "ES256"}, std::pair{rs, "RS256"}}) {
                auto r = exchangeCodeOverHttp(client, service, codes.code(service));
                INFO(r.body);
                REQUIRE(r.status == 200);
                const auto idToken = r.json()->getValue<std::string>("id_token");
                const auto accessToken = r.json()->getValue<std::string>("access_token");
                auto result = verifyIdToken(server, idToken, service.clientId, alg, "n-0S6_WzA2Mj", accessToken);
                INFO(result.output);
                CHECK(result.exitStatus == 0);
                CHECK(result.output.rfind("OK ", 0) == 0);

                // The checker is not vacuous: another audience, nonce or access token fails.
                CHECK(verifyIdToken(server, idToken, "someone-else", alg, "n-0S6_WzA2Mj", accessToken).exitStatus != 0);
                CHECK(verifyIdToken(server, idToken, service.clientId, alg, "other-nonce", accessToken).exitStatus != 0);
                CHECK(verifyIdToken(server, idToken, service.clientId, alg, "n-0S6_WzA2Mj", accessToken + "x").exitStatus !=
                      0);
            }
        }
    }
}
