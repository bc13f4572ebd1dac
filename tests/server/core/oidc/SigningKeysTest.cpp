// Signing keys: made at first start, stored sealed, published in the JWKS, rotated on a
// schedule (with a successor published ahead) or by command, and kept until every token they
// signed has expired.
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>

#include <set>

#include "OidcCoreFixture.h"
#include "core/oidc/Jws.h"
#include "infra/Encoding.h"

using namespace tessera;
using namespace tessera::test;
using namespace Poco::Data::Keywords;
using core::oidc::JwsAlg;

namespace {

std::set<std::string> jwksKids(core::oidc::SigningKeys& keys) {
    std::set<std::string> out;
    auto list = keys.jwks()->getArray("keys");
    for (std::size_t i = 0; i < list->size(); ++i) out.insert(list->getObject(unsigned(i))->getValue<std::string>("kid"));
    return out;
}

std::string signingKid(core::oidc::SigningKeys& keys, JwsAlg alg = JwsAlg::ES256) {
    auto signer = keys.current(alg);
    REQUIRE(signer);
    return signer->kid;
}

Poco::Int64 count(store::Database& db, const std::string& sql) {
    Poco::Data::Session s = db.session();
    Poco::Int64 n = 0;
    s << sql, into(n), now;
    return n;
}

}  // namespace

TEST_CASE("The first start makes one ES256 key, published with kty, crv, x, y, kid, alg and use",
          "[oidc][keys]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto& keys = oidc.provider().keys();
            auto list = keys.jwks()->getArray("keys");
            REQUIRE(list->size() == 1);
            auto jwk = list->getObject(0);
            CHECK(jwk->getValue<std::string>("kty") == "EC");
            CHECK(jwk->getValue<std::string>("crv") == "P-256");
            CHECK(jwk->getValue<std::string>("alg") == "ES256");
            CHECK(jwk->getValue<std::string>("use") == "sig");
            CHECK(jwk->has("x"));
            CHECK(jwk->has("y"));
            CHECK_FALSE(jwk->has("d"));
            CHECK(jwk->getValue<std::string>("kid") == signingKid(keys));
            // Starting again (another process, a restart) does not make another key.
            REQUIRE(oidc.provider().start());
            CHECK(keys.jwks()->getArray("keys")->size() == 1);
            CHECK(count(oidc.db(), "SELECT COUNT(*) FROM audit_log WHERE event = 'signing_key.created'") == 1);
        }
    }
}

TEST_CASE("Private keys are stored sealed with the data key and bound to their kid", "[oidc][keys]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            const std::string kid = signingKid(oidc.provider().keys());
            Poco::Data::Session s = oidc.db().session();
            std::string sealed;
            std::string k = kid;
            s << oidc.db().sql("SELECT private_key FROM signing_keys WHERE kid = ?"), use(k), into(sealed), now;
            CHECK(sealed.find("PRIVATE KEY") == std::string::npos);
            auto raw = infra::encoding::unbase64url(sealed);
            REQUIRE(raw);
            CHECK(raw->find("PRIVATE KEY") == std::string::npos);
            auto opened = oidc.ctx().dataKey.open(*raw, "tessera:signing-key:" + kid);
            REQUIRE(opened);
            CHECK(opened->find("BEGIN PRIVATE KEY") != std::string::npos);
            CHECK_FALSE(oidc.ctx().dataKey.open(*raw, "tessera:signing-key:another"));
        }
    }
}

TEST_CASE("Scheduled rotation publishes the successor ahead, switches at the period's end and "
          "drops the old key once its tokens have expired",
          "[oidc][keys]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto& keys = oidc.provider().keys();
            const auto& s = oidc.provider().settings();
            const std::string first = signingKid(keys);
            const std::int64_t start = oidc.clock().now();

            // Just before the pre-publication window: nothing changes.
            oidc.clock().set(start + s.keyRotationSeconds - s.keyPrepublishSeconds - 10);
            REQUIRE(keys.ensureCurrent(JwsAlg::ES256));
            CHECK(jwksKids(keys) == std::set<std::string>{first});

            // In the window: the successor is published but does not sign yet. It takes over at
            // the end of the period, or a full pre-publication period after it appeared.
            const std::int64_t published = start + s.keyRotationSeconds - s.keyPrepublishSeconds + 10;
            oidc.clock().set(published);
            REQUIRE(keys.ensureCurrent(JwsAlg::ES256));
            const auto both = jwksKids(keys);
            REQUIRE(both.size() == 2);
            std::string second;
            for (const auto& k : both)
                if (k != first) second = k;
            CHECK(signingKid(keys) == first);
            std::int64_t takeover = 0;
            for (const auto& info : keys.list())
                if (info.kid == second) takeover = info.activatesAt;
            CHECK(takeover == published + s.keyPrepublishSeconds);
            CHECK(takeover >= start + s.keyRotationSeconds);

            // The old key signs until the successor takes over...
            oidc.clock().set(takeover - 1);
            CHECK(signingKid(keys) == first);

            // ...then the successor signs, and the old key stays published.
            oidc.clock().set(takeover);
            CHECK(signingKid(keys) == second);
            CHECK(jwksKids(keys) == both);
            CHECK(keys.published(first));

            // Once every token the old key signed has expired, it leaves the JWKS and the database.
            oidc.clock().set(takeover + s.retiredKeyOverlapSeconds());
            CHECK_FALSE(keys.published(first));
            REQUIRE(keys.ensureCurrent(JwsAlg::ES256));
            CHECK(jwksKids(keys) == std::set<std::string>{second});
            std::string k = first;
            Poco::Data::Session session = oidc.db().session();
            Poco::Int64 left = 0;
            session << oidc.db().sql("SELECT COUNT(*) FROM signing_keys WHERE kid = ?"), use(k), into(left), now;
            CHECK(left == 0);
        }
    }
}

TEST_CASE("Rotation by command signs with a new key at once and keeps the old one published", "[oidc][keys]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto& keys = oidc.provider().keys();
            const std::string old = signingKid(keys);
            auto rotated = keys.rotate(JwsAlg::ES256, "admin-1");
            REQUIRE(rotated);
            CHECK(rotated->kid != old);
            CHECK(signingKid(keys) == rotated->kid);
            CHECK(jwksKids(keys) == std::set<std::string>{old, rotated->kid});
            CHECK(count(oidc.db(), "SELECT COUNT(*) FROM audit_log WHERE event = 'signing_key.rotated' AND actor = 'admin-1'") == 1);
            // Once every token the old key signed has expired, only the new key is published.
            const auto& s = oidc.provider().settings();
            oidc.clock().advance(s.retiredKeyOverlapSeconds());
            CHECK(jwksKids(keys) == std::set<std::string>{rotated->kid});
        }
    }
}

TEST_CASE("An RS256 key is made when first needed – its JWK carries n and e", "[oidc][keys]") {
    OidcCore oidc("sqlite");
    auto& keys = oidc.provider().keys();
    auto signer = keys.current(JwsAlg::RS256);
    REQUIRE(signer);
    CHECK(signer->key.suits(JwsAlg::RS256));
    auto list = keys.jwks()->getArray("keys");
    REQUIRE(list->size() == 2);
    bool sawRsa = false;
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto jwk = list->getObject(unsigned(i));
        if (jwk->getValue<std::string>("kty") != "RSA") continue;
        sawRsa = true;
        CHECK(jwk->getValue<std::string>("alg") == "RS256");
        CHECK(jwk->getValue<std::string>("e") == "AQAB");
        CHECK(jwk->getValue<std::string>("kid") == signer->kid);
    }
    CHECK(sawRsa);
    // The ES256 key is still the one for ES256.
    CHECK(keys.current(JwsAlg::ES256)->kid != signer->kid);
}

TEST_CASE("Two server processes starting together make one key", "[oidc][keys]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext first(backend);
            AuthTestContext second(first);
            auto sourceA = std::make_shared<FakeJwksSource>();
            auto sourceB = std::make_shared<FakeJwksSource>();
            core::oidc::Provider a(first.ctx(), testOidcSettings(), sourceA);
            core::oidc::Provider b(second.ctx(), testOidcSettings(), sourceB);
            REQUIRE(a.start());
            REQUIRE(b.start());
            CHECK(a.keys().current(JwsAlg::ES256)->kid == b.keys().current(JwsAlg::ES256)->kid);
            CHECK(count(first.db(), "SELECT COUNT(*) FROM signing_keys") == 1);
        }
    }
}
