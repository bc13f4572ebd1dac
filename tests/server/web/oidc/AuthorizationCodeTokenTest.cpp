// POST /oauth2/token with the authorization_code and refresh_token grants, as a relying party
// sends them: the JSON answer, and the RFC 6749 §5.2 errors with their status codes. Codes
// come from CodeBuilder, which stands in for the browser front channel.
#include <catch2/catch.hpp>

#include <algorithm>

#include "OidcWebFixture.h"

using namespace tessera;
using namespace tessera::test;

namespace {

void requireOAuthError(const ApiResponse& r, int status, const std::string& error) {
    INFO(r.body);
    REQUIRE(r.status == status);
    auto body = r.json();
    CHECK(body->getValue<std::string>("error") == error);
    CHECK(body->has("error_description"));
    CHECK(r.header("Cache-Control") == "no-store");
}

Poco::JSON::Object::Ptr requireTokens(const ApiResponse& r) {
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("Cache-Control") == "no-store");
    CHECK(r.header("Pragma") == "no-cache");
    return r.json();
}

}  // namespace

TEST_CASE("authorization_code at the token endpoint answers with access, ID and refresh tokens",
          "[web][oidc][token][code]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            CodeBuilder codes(server);
            auto service = createRelyingParty(server);

            auto body = requireTokens(exchangeCodeOverHttp(client, service, codes.code(service)));
            CHECK(body->getValue<std::string>("token_type") == "Bearer");
            CHECK(body->getValue<int>("expires_in") == 600);
            CHECK(body->getValue<std::string>("scope") == "openid profile email");
            for (const char* token : {"access_token", "id_token"}) {
                const auto value = body->getValue<std::string>(token);
                CHECK(std::count(value.begin(), value.end(), '.') == 2);
            }
            const auto refresh = body->getValue<std::string>("refresh_token");
            CHECK(refresh.size() == 43);
            CHECK(refresh.find('.') == std::string::npos);

            // The access token introspects as the citizen's, at this service.
            auto introspected = introspect(client, service, body->getValue<std::string>("access_token"));
            REQUIRE(introspected.status == 200);
            auto info = introspected.json();
            CHECK(info->getValue<bool>("active"));
            CHECK(info->getValue<std::string>("client_id") == service.clientId);
            CHECK(info->getValue<std::string>("acr") == "urn:tessera:loa:0");
            CHECK(info->getValue<std::string>("sub") != service.clientId);
        }
    }
}

TEST_CASE("A public client exchanges its code with client_id and the PKCE verifier", "[web][oidc][token][code]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient client(server.port());
    CodeBuilder codes(server);
    auto app = createRelyingParty(server, "Reviewer app", "app.example", true);

    requireOAuthError(exchangeCodeOverHttp(client, app, codes.code(app), ""), 400, "invalid_grant");
    auto body = requireTokens(exchangeCodeOverHttp(client, app, codes.code(app)));
    CHECK(body->has("refresh_token"));
    // Refreshing, too, needs only the client_id.
    requireTokens(refreshOverHttp(client, app, body->getValue<std::string>("refresh_token")));
    // An unknown client_id is an unknown client.
    requireOAuthError(postForm(client, "/oauth2/token",
                               form({{"grant_type", "authorization_code"},
                                     {"code", codes.code(app)},
                                     {"redirect_uri", app.redirectUri},
                                     {"code_verifier", kWebCodeVerifier},
                                     {"client_id", "no-such-client"}})),
                      401, "invalid_client");
}

TEST_CASE("authorization_code errors: status and error code per RFC 6749 §5.2", "[web][oidc][token][code]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            CodeBuilder codes(server);
            auto service = createRelyingParty(server);
            auto other = createRelyingParty(server, "Library", "library.example");
            const auto auth = clientAuth(service);
            const std::string code = codes.code(service);

            requireOAuthError(postForm(client, "/oauth2/token",
                                       form({{"grant_type", "authorization_code"}, {"redirect_uri", service.redirectUri},
                                             {"code_verifier", kWebCodeVerifier}}),
                                       auth),
                              400, "invalid_request");
            requireOAuthError(postForm(client, "/oauth2/token",
                                       form({{"grant_type", "authorization_code"}, {"code", code},
                                             {"code_verifier", kWebCodeVerifier}}),
                                       auth),
                              400, "invalid_request");
            requireOAuthError(postForm(client, "/oauth2/token",
                                       form({{"grant_type", "authorization_code"}, {"code", code},
                                             {"redirect_uri", "https://parking.example/elsewhere"},
                                             {"code_verifier", kWebCodeVerifier}}),
                                       auth),
                              400, "invalid_grant");
            requireOAuthError(exchangeCodeOverHttp(client, service, code, std::string(43, 'x')), 400, "invalid_grant");
            requireOAuthError(exchangeCodeOverHttp(client, other, code), 400, "invalid_grant");
            requireOAuthError(exchangeCodeOverHttp(client, service, "forged"), 400, "invalid_grant");
            // A wrong secret is a client error, not a grant error.
            auto wrongSecret = service;
            wrongSecret.clientSecret = "not-the-secret";
            requireOAuthError(exchangeCodeOverHttp(client, wrongSecret, code), 401, "invalid_client");

            // After all that the code still works, once.
            requireTokens(exchangeCodeOverHttp(client, service, code));
            requireOAuthError(exchangeCodeOverHttp(client, service, code), 400, "invalid_grant");

            // An expired code.
            const std::string late = codes.code(service);
            server.clock().advance(61);
            requireOAuthError(exchangeCodeOverHttp(client, service, late), 400, "invalid_grant");

            // A service not allowed the grant.
            auto backendSvc = createBackendService(server, "Back end");
            requireOAuthError(postForm(client, "/oauth2/token",
                                       form({{"grant_type", "authorization_code"}, {"code", "x"},
                                             {"redirect_uri", "https://x.example/"}}),
                                       clientAuth(backendSvc)),
                              400, "unauthorized_client");
        }
    }
}

TEST_CASE("A replayed code revokes the tokens the first exchange gave", "[web][oidc][token][code]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient client(server.port());
    CodeBuilder codes(server);
    auto service = createRelyingParty(server);
    const std::string code = codes.code(service);
    auto first = requireTokens(exchangeCodeOverHttp(client, service, code));
    const auto accessToken = first->getValue<std::string>("access_token");
    REQUIRE(introspect(client, service, accessToken).json()->getValue<bool>("active"));

    requireOAuthError(exchangeCodeOverHttp(client, service, code), 400, "invalid_grant");
    CHECK_FALSE(introspect(client, service, accessToken).json()->getValue<bool>("active"));
    requireOAuthError(refreshOverHttp(client, service, first->getValue<std::string>("refresh_token")), 400,
                      "invalid_grant");
}

TEST_CASE("refresh_token at the token endpoint rotates, narrows and detects reuse", "[web][oidc][token][refresh]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            CodeBuilder codes(server);
            auto service = createRelyingParty(server);
            auto first = requireTokens(exchangeCodeOverHttp(client, service, codes.code(service)));
            const auto firstRefresh = first->getValue<std::string>("refresh_token");

            requireOAuthError(refreshOverHttp(client, service, firstRefresh, "openid address"), 400, "invalid_scope");
            auto narrowed = requireTokens(refreshOverHttp(client, service, firstRefresh, "openid email"));
            CHECK(narrowed->getValue<std::string>("scope") == "openid email");
            CHECK(narrowed->has("id_token"));
            const auto secondRefresh = narrowed->getValue<std::string>("refresh_token");
            CHECK(secondRefresh != firstRefresh);

            requireOAuthError(postForm(client, "/oauth2/token", form({{"grant_type", "refresh_token"}}),
                                       clientAuth(service)),
                              400, "invalid_request");
            auto other = createRelyingParty(server, "Library", "library.example");
            requireOAuthError(refreshOverHttp(client, other, secondRefresh), 400, "invalid_grant");

            // Reuse of the first token ends the family: the second stops working too.
            requireOAuthError(refreshOverHttp(client, service, firstRefresh), 400, "invalid_grant");
            requireOAuthError(refreshOverHttp(client, service, secondRefresh), 400, "invalid_grant");
            CHECK_FALSE(introspect(client, service, narrowed->getValue<std::string>("access_token"))
                            .json()
                            ->getValue<bool>("active"));
        }
    }
}

TEST_CASE("Revoking a refresh token revokes its grant – introspection knows refresh tokens",
          "[web][oidc][revocation][refresh]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            CodeBuilder codes(server);
            auto service = createRelyingParty(server);
            auto tokens = requireTokens(exchangeCodeOverHttp(client, service, codes.code(service)));
            const auto refresh = tokens->getValue<std::string>("refresh_token");
            const auto access = tokens->getValue<std::string>("access_token");

            auto info = introspect(client, service, refresh);
            REQUIRE(info.status == 200);
            auto body = info.json();
            CHECK(body->getValue<bool>("active"));
            CHECK(body->getValue<std::string>("token_type") == "refresh_token");
            CHECK(body->getValue<std::string>("client_id") == service.clientId);
            CHECK(body->getValue<std::string>("scope") == "openid profile email");
            CHECK(body->getValue<std::string>("sub") ==
                  introspect(client, service, access).json()->getValue<std::string>("sub"));

            // Another service learns nothing and cannot revoke it.
            auto other = createRelyingParty(server, "Library", "library.example");
            CHECK_FALSE(introspect(client, other, refresh).json()->getValue<bool>("active"));
            CHECK(postForm(client, "/oauth2/revoke", form({{"token", refresh}}), clientAuth(other)).status == 200);
            CHECK(introspect(client, service, refresh).json()->getValue<bool>("active"));

            // A wrong hint is only a hint.
            auto revoked = postForm(client, "/oauth2/revoke", form({{"token", refresh}, {"token_type_hint", "access_token"}}),
                                    clientAuth(service));
            CHECK(revoked.status == 200);
            CHECK(revoked.body.empty());
            CHECK_FALSE(introspect(client, service, refresh).json()->getValue<bool>("active"));
            CHECK_FALSE(introspect(client, service, access).json()->getValue<bool>("active"));
            auto refused = refreshOverHttp(client, service, refresh);
            CHECK(refused.status == 400);
            CHECK(refused.json()->getValue<std::string>("error") == "invalid_grant");
            // Revoking again is fine (RFC 7009 §2.2).
            CHECK(postForm(client, "/oauth2/revoke", form({{"token", refresh}, {"token_type_hint", "refresh_token"}}),
                           clientAuth(service))
                      .status == 200);
        }
    }
}

TEST_CASE("A public client may revoke its own refresh token", "[web][oidc][revocation][refresh]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient client(server.port());
    CodeBuilder codes(server);
    auto app = createRelyingParty(server, "Reviewer app", "app.example", true);
    auto tokens = requireTokens(exchangeCodeOverHttp(client, app, codes.code(app)));
    const auto refresh = tokens->getValue<std::string>("refresh_token");
    CHECK(postForm(client, "/oauth2/revoke", form({{"token", refresh}, {"client_id", app.clientId}})).status == 200);
    auto refused = refreshOverHttp(client, app, refresh);
    CHECK(refused.status == 400);
}
