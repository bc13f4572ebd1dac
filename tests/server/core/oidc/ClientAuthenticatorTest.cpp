// Client authentication: client_secret_basic, client_secret_post, private_key_jwt (RFC 7523)
// and public clients that only name themselves.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <catch2/catch.hpp>

#include <sstream>

#include "OidcCoreFixture.h"
#include "core/oidc/Jws.h"
#include "infra/Digest.h"
#include "infra/Encoding.h"

using namespace tessera;
using namespace tessera::test;
using core::oidc::AsymmetricKey;
using core::oidc::ClientAuthMethod;
using core::oidc::ClientCredentials;
using core::oidc::JwsAlg;

namespace {

const std::string kJwksUri = "https://service.example/jwks.json";

std::string jwksOf(std::initializer_list<std::pair<std::string, const AsymmetricKey*>> keys) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& [kid, key] : keys) {
        auto jwk = key->publicJwk();
        jwk->set("kid", kid);
        jwk->set("use", "sig");
        list->add(jwk);
    }
    Poco::JSON::Object root;
    root.set("keys", list);
    std::ostringstream os;
    Poco::JSON::Stringifier::condense(root, os);
    return os.str();
}

struct AssertionSpec {
    std::string iss, sub, aud, jti = "jti-1", kid = "k1";
    std::int64_t expIn = 120;
    JwsAlg alg = JwsAlg::ES256;
};

std::string assertion(OidcCore& oidc, const AsymmetricKey& key, const AssertionSpec& a) {
    Poco::JSON::Object c;
    c.set("iss", a.iss);
    c.set("sub", a.sub);
    c.set("aud", a.aud);
    c.set("jti", a.jti);
    c.set("iat", Poco::Int64(oidc.clock().now()));
    c.set("exp", Poco::Int64(oidc.clock().now() + a.expIn));
    return core::oidc::jws::sign(a.alg, key, a.kid, "", c);
}

Result<core::oidc::AuthenticatedClient> authenticate(OidcCore& oidc, const ClientCredentials& c,
                                                     const std::string& endpoint = "") {
    return oidc.provider().clients().authenticate(c, endpoint.empty() ? oidc.provider().settings().tokenEndpoint() : endpoint);
}

void requireInvalidClient(const Result<core::oidc::AuthenticatedClient>& r) {
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "invalid_client");
    CHECK(r.error().kind == ErrorKind::Unauthorized);
}

}  // namespace

TEST_CASE("Secrets authenticate by the registered method only – unknown and wrong look the same",
          "[oidc][clients]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto basic = createService(oidc.ctx(), backendService("Basic", "client_secret_basic"));
            auto post = createService(oidc.ctx(), backendService("Post", "client_secret_post"));

            auto ok = authenticate(oidc, {ClientAuthMethod::SecretBasic, basic.service.clientId, basic.clientSecret, {}});
            REQUIRE(ok);
            CHECK(ok->service.id == basic.service.id);
            CHECK(authenticate(oidc, {ClientAuthMethod::SecretPost, post.service.clientId, post.clientSecret, {}}));

            auto wrong = authenticate(oidc, {ClientAuthMethod::SecretBasic, basic.service.clientId, post.clientSecret, {}});
            auto unknown = authenticate(oidc, {ClientAuthMethod::SecretBasic, "no-such-client", basic.clientSecret, {}});
            requireInvalidClient(wrong);
            requireInvalidClient(unknown);
            CHECK(wrong.error().message == unknown.error().message);
            requireInvalidClient(authenticate(oidc, {ClientAuthMethod::SecretBasic, basic.service.clientId, "", {}}));
            // The method a client is registered with is the one it must use.
            requireInvalidClient(authenticate(oidc, {ClientAuthMethod::SecretPost, basic.service.clientId, basic.clientSecret, {}}));
            // A confidential client cannot just name itself.
            requireInvalidClient(authenticate(oidc, {ClientAuthMethod::None, basic.service.clientId, {}, {}}));
            // A disabled service cannot authenticate.
            REQUIRE(core::ServiceRegistry(oidc.ctx()).disable(basic.service.id, {"admin", ""}));
            requireInvalidClient(authenticate(oidc, {ClientAuthMethod::SecretBasic, basic.service.clientId, basic.clientSecret, {}}));
        }
    }
}

TEST_CASE("A public client identifies itself by client_id alone", "[oidc][clients]") {
    OidcCore oidc("sqlite");
    core::ServiceChanges c;
    c.name = "Reviewer workstation";
    c.clientType = "public";
    c.redirectUris = std::vector<std::string>{"http://127.0.0.1/callback"};
    auto service = createService(oidc.ctx(), c);
    CHECK(service.clientSecret.empty());
    auto ok = authenticate(oidc, {ClientAuthMethod::None, service.service.clientId, {}, {}});
    REQUIRE(ok);
    CHECK_FALSE(ok->confidential());
    requireInvalidClient(authenticate(oidc, {ClientAuthMethod::SecretPost, service.service.clientId, "guess", {}}));
}

TEST_CASE("private_key_jwt: a fresh assertion signed with the service's key, for this server, once",
          "[oidc][clients]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            const AsymmetricKey key = AsymmetricKey::generate(JwsAlg::ES256);
            oidc.jwks().set(kJwksUri, jwksOf({{"k1", &key}}));
            auto service = createService(oidc.ctx(), backendService("Keyed", "private_key_jwt")).service;
            const std::string id = service.clientId;
            const std::string tokenEndpoint = oidc.provider().settings().tokenEndpoint();
            AssertionSpec spec{id, id, tokenEndpoint};

            auto ok = authenticate(oidc, {ClientAuthMethod::PrivateKeyJwt, "", {}, assertion(oidc, key, spec)});
            REQUIRE(ok);
            CHECK(ok->method == ClientAuthMethod::PrivateKeyJwt);

            // The same jti again is a replay.
            requireInvalidClient(authenticate(oidc, {ClientAuthMethod::PrivateKeyJwt, id, {}, assertion(oidc, key, spec)}));

            int next = 0;
            auto with = [&](auto change) {
                AssertionSpec s = spec;
                s.jti = "jti-fresh-" + std::to_string(++next);
                change(s);
                return authenticate(oidc, {ClientAuthMethod::PrivateKeyJwt, "", {}, assertion(oidc, key, s)});
            };
            CHECK(with([](AssertionSpec&) {}));
            CHECK(with([&](AssertionSpec& s) { s.aud = kTestIssuer; }));  // the issuer is fine too
            requireInvalidClient(with([](AssertionSpec& s) { s.aud = "https://someone-else.example/token"; }));
            requireInvalidClient(with([](AssertionSpec& s) { s.sub = "someone-else"; }));
            requireInvalidClient(with([](AssertionSpec& s) { s.expIn = -120; }));
            requireInvalidClient(with([&](AssertionSpec& s) { s.expIn = oidc.provider().settings().clientAssertionMaxSeconds + 60; }));
            requireInvalidClient(with([](AssertionSpec& s) { s.jti = ""; }));
            // Signed with a key the service did not publish.
            const AsymmetricKey stranger = AsymmetricKey::generate(JwsAlg::ES256);
            AssertionSpec s2 = spec;
            s2.jti = "stranger";
            requireInvalidClient(authenticate(oidc, {ClientAuthMethod::PrivateKeyJwt, "", {}, assertion(oidc, stranger, s2)}));
            // A client_id that disagrees with the assertion.
            s2.jti = "mismatch";
            requireInvalidClient(authenticate(oidc, {ClientAuthMethod::PrivateKeyJwt, "other", {}, assertion(oidc, key, s2)}));
        }
    }
}

TEST_CASE("private_key_jwt refuses HS256 and alg none even with the service's public key as secret",
          "[oidc][clients]") {
    OidcCore oidc("sqlite");
    const AsymmetricKey key = AsymmetricKey::generate(JwsAlg::ES256);
    const std::string jwks = jwksOf({{"k1", &key}});
    oidc.jwks().set(kJwksUri, jwks);
    auto service = createService(oidc.ctx(), backendService("Keyed", "private_key_jwt")).service;
    const std::string good = assertion(oidc, key, {service.clientId, service.clientId, oidc.provider().settings().tokenEndpoint()});
    const std::string payload = good.substr(good.find('.') + 1, good.rfind('.') - good.find('.') - 1);
    const std::string hsHeader = infra::encoding::base64url(R"({"alg":"HS256","kid":"k1"})");
    const std::string hsInput = hsHeader + "." + payload;
    const std::string hs = hsInput + "." + infra::encoding::base64url(infra::digest::hmacSha256(jwks, hsInput));
    requireInvalidClient(authenticate(oidc, {ClientAuthMethod::PrivateKeyJwt, "", {}, hs}));
    const std::string none = infra::encoding::base64url(R"({"alg":"none"})") + "." + payload + ".";
    requireInvalidClient(authenticate(oidc, {ClientAuthMethod::PrivateKeyJwt, "", {}, none}));
}

TEST_CASE("private_key_jwt follows a service's key rotation, refetching at most twice a minute", "[oidc][clients]") {
    OidcCore oidc("sqlite");
    const AsymmetricKey oldKey = AsymmetricKey::generate(JwsAlg::ES256);
    const AsymmetricKey newKey = AsymmetricKey::generate(JwsAlg::RS256, 2048);
    oidc.jwks().set(kJwksUri, jwksOf({{"old", &oldKey}}));
    auto service = createService(oidc.ctx(), backendService("Keyed", "private_key_jwt")).service;
    const std::string id = service.clientId, aud = oidc.provider().settings().tokenEndpoint();
    AssertionSpec a{id, id, aud, "a1", "old"};
    REQUIRE(authenticate(oidc, {ClientAuthMethod::PrivateKeyJwt, "", {}, assertion(oidc, oldKey, a)}));
    CHECK(oidc.jwks().fetches() == 1);

    // The service adds an RS256 key; an assertion naming it makes Tessera refetch once.
    oidc.jwks().set(kJwksUri, jwksOf({{"old", &oldKey}, {"new", &newKey}}));
    oidc.clock().advance(oidc.provider().settings().jwksMinRefetchSeconds);
    AssertionSpec b{id, id, aud, "b1", "new", 120, JwsAlg::RS256};
    REQUIRE(authenticate(oidc, {ClientAuthMethod::PrivateKeyJwt, "", {}, assertion(oidc, newKey, b)}));
    CHECK(oidc.jwks().fetches() == 2);

    // Unknown kids do not make it fetch again and again.
    AssertionSpec c{id, id, aud, "c1", "unknown", 120, JwsAlg::RS256};
    requireInvalidClient(authenticate(oidc, {ClientAuthMethod::PrivateKeyJwt, "", {}, assertion(oidc, newKey, c)}));
    c.jti = "c2";
    requireInvalidClient(authenticate(oidc, {ClientAuthMethod::PrivateKeyJwt, "", {}, assertion(oidc, newKey, c)}));
    CHECK(oidc.jwks().fetches() == 2);
}
