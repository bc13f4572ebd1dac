// POST /oauth2/introspect and /oauth2/revoke: active tokens, inactive after revocation and
// expiry, and forged tokens — alg=none, HS256 "signed" with the public key, a changed
// payload — never active.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <catch2/catch.hpp>

#include <openssl/bio.h>
#include <openssl/pem.h>

#include <sstream>

#include "OidcWebFixture.h"
#include "core/oidc/AsymmetricKey.h"
#include "infra/Digest.h"
#include "infra/Encoding.h"

using namespace tessera;
using namespace tessera::test;
using infra::encoding::base64url;
using infra::encoding::unbase64url;

namespace {

bool active(const ApiResponse& r) {
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("Cache-Control") == "no-store");
    return r.json()->getValue<bool>("active");
}

struct Parts {
    std::string header, payload, signature;
};

Parts split(const std::string& jwt) {
    const auto a = jwt.find('.'), b = jwt.rfind('.');
    return {jwt.substr(0, a), jwt.substr(a + 1, b - a - 1), jwt.substr(b + 1)};
}

std::string decoded(const std::string& part) { return *unbase64url(part); }

// The public key as PEM (SubjectPublicKeyInfo): what the classic HS256 confusion attack uses.
std::string publicPem(const core::oidc::AsymmetricKey& key) {
    BIO* bio = BIO_new(BIO_s_mem());
    REQUIRE(bio);
    REQUIRE(PEM_write_bio_PUBKEY(bio, key.native()) == 1);
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<std::size_t>(len));
    BIO_free(bio);
    return pem;
}

}  // namespace

TEST_CASE("Introspection: active, then inactive after revocation", "[web][oidc][introspection]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            auto service = createBackendService(server);
            const std::string token = clientCredentialsToken(client, service);

            auto r = introspect(client, service, token);
            REQUIRE(active(r));
            auto body = r.json();
            CHECK(body->getValue<std::string>("client_id") == service.clientId);
            CHECK(body->getValue<std::string>("sub") == service.clientId);
            CHECK(body->getValue<std::string>("iss") == kIssuer);
            CHECK(body->getValue<std::string>("token_type") == "Bearer");
            CHECK(body->getValue<Poco::Int64>("exp") == server.clock().now() + 600);

            auto revoked = postForm(client, "/oauth2/revoke", form({{"token", token}, {"token_type_hint", "access_token"}}),
                                    {{"Authorization", basicAuth(service.clientId, service.clientSecret)}});
            CHECK(revoked.status == 200);
            CHECK(revoked.body.empty());
            CHECK_FALSE(active(introspect(client, service, token)));
            // Revoking again, or revoking nonsense, is not an error (RFC 7009 §2.2).
            CHECK(postForm(client, "/oauth2/revoke", form({{"token", token}}),
                           {{"Authorization", basicAuth(service.clientId, service.clientSecret)}})
                      .status == 200);
            CHECK(postForm(client, "/oauth2/revoke", form({{"token", "not-a-token"}, {"token_type_hint", "refresh_token"}}),
                           {{"Authorization", basicAuth(service.clientId, service.clientSecret)}})
                      .status == 200);
        }
    }
}

TEST_CASE("Introspection: inactive once expired", "[web][oidc][introspection]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            auto service = createBackendService(server);
            const std::string token = clientCredentialsToken(client, service);
            server.clock().advance(599);
            CHECK(active(introspect(client, service, token)));
            server.clock().advance(1);
            CHECK_FALSE(active(introspect(client, service, token)));
        }
    }
}

TEST_CASE("Introspection and revocation need client authentication and concern the caller's tokens",
          "[web][oidc][introspection]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient client(server.port());
    auto mine = createBackendService(server, "Mine");
    auto theirs = createBackendService(server, "Theirs");
    const std::string token = clientCredentialsToken(client, mine);

    auto noAuth = postForm(client, "/oauth2/introspect", form({{"token", token}}));
    CHECK(noAuth.status == 401);
    CHECK(noAuth.json()->getValue<std::string>("error") == "invalid_client");
    auto badAuth = postForm(client, "/oauth2/introspect", form({{"token", token}}),
                            {{"Authorization", basicAuth(mine.clientId, theirs.clientSecret)}});
    CHECK(badAuth.status == 401);
    auto noToken = postForm(client, "/oauth2/introspect", "", {{"Authorization", basicAuth(mine.clientId, mine.clientSecret)}});
    CHECK(noToken.status == 400);
    CHECK(noToken.json()->getValue<std::string>("error") == "invalid_request");

    auto foreign = introspect(client, theirs, token);
    CHECK_FALSE(active(foreign));
    CHECK(foreign.json()->size() == 1);
    CHECK(postForm(client, "/oauth2/revoke", form({{"token", token}}),
                   {{"Authorization", basicAuth(theirs.clientId, theirs.clientSecret)}})
              .status == 200);
    CHECK(active(introspect(client, mine, token)));  // someone else's revocation did nothing
    CHECK(postForm(client, "/oauth2/revoke", form({{"token", token}})).status == 401);
}

TEST_CASE("Forged tokens are never active: alg none, HS256 with the public key, a changed payload",
          "[web][oidc][introspection]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            auto service = createBackendService(server);
            const std::string token = clientCredentialsToken(client, service);
            REQUIRE(active(introspect(client, service, token)));
            const Parts p = split(token);
            Poco::JSON::Parser parser;
            auto header = parser.parse(decoded(p.header)).extract<Poco::JSON::Object::Ptr>();
            const std::string kid = header->getValue<std::string>("kid");
            auto jwks = client.get("/oauth2/jwks").json()->getArray("keys");
            std::ostringstream jwkText;
            Poco::JSON::Stringifier::condense(jwks->getObject(0), jwkText);
            auto serverKey = core::oidc::AsymmetricKey::fromPublicJwk(*jwks->getObject(0));
            REQUIRE(serverKey);

            auto withHeader = [&](const std::string& alg) {
                return base64url(R"({"alg":")" + alg + R"(","kid":")" + kid + R"(","typ":"at+jwt"})");
            };
            SECTION("alg none, with and without a signature") {
                CHECK_FALSE(active(introspect(client, service, withHeader("none") + "." + p.payload + ".")));
                CHECK_FALSE(active(introspect(client, service, withHeader("none") + "." + p.payload + "." + p.signature)));
                CHECK_FALSE(active(introspect(client, service, withHeader("None") + "." + p.payload + ".")));
            }
            SECTION("HS256 keyed with the public key (as PEM, as JWK text, as its x coordinate)") {
                const std::string pem = publicPem(*serverKey);
                REQUIRE(pem.find("BEGIN PUBLIC KEY") != std::string::npos);
                for (const std::string& secret : {pem, jwkText.str(), serverKey->publicJwk()->getValue<std::string>("x")}) {
                    const std::string input = withHeader("HS256") + "." + p.payload;
                    const std::string forged = input + "." + base64url(infra::digest::hmacSha256(secret, input));
                    CHECK_FALSE(active(introspect(client, service, forged)));
                }
            }
            SECTION("a changed payload under the original signature") {
                auto claims = parser.parse(decoded(p.payload)).extract<Poco::JSON::Object::Ptr>();
                claims->set("exp", claims->getValue<Poco::Int64>("exp") + 3600);
                std::ostringstream os;
                Poco::JSON::Stringifier::condense(claims, os);
                CHECK_FALSE(active(introspect(client, service, p.header + "." + base64url(os.str()) + "." + p.signature)));
                claims->set("scope", "openid profile");
                std::ostringstream os2;
                Poco::JSON::Stringifier::condense(claims, os2);
                CHECK_FALSE(active(introspect(client, service, p.header + "." + base64url(os2.str()) + "." + p.signature)));
            }
            SECTION("an RS256 header on the ES256 key, a missing kid, junk") {
                CHECK_FALSE(active(introspect(client, service, withHeader("RS256") + "." + p.payload + "." + p.signature)));
                CHECK_FALSE(active(introspect(client, service,
                                              base64url(R"({"alg":"ES256","typ":"at+jwt"})") + "." + p.payload + "." +
                                                  p.signature)));
                CHECK_FALSE(active(introspect(client, service, "a.b.c")));
                CHECK_FALSE(active(introspect(client, service, std::string(20000, 'x'))));
            }
            // The genuine token is still active after all that.
            CHECK(active(introspect(client, service, token)));
        }
    }
}
