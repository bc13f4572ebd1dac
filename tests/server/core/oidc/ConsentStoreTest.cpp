// Consents on both backends: stored once per (citizen, service), widened when a service asks
// for more, renewed after withdrawal, and every answer audited.
#include <catch2/catch.hpp>

#include "core/oidc/ConsentService.h"
#include "core/oidc/ConsentStore.h"
#include "infra/Digest.h"
#include "support/AuthBuilders.h"
#include "support/AuthorizationBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::oidc::Consent;
using core::oidc::ConsentAnswer;
using core::oidc::ConsentService;
using core::oidc::ConsentStore;

namespace {

ConsentAnswer answer(const std::string& accountId, const core::Service& service, std::vector<std::string> scopes,
                     std::vector<std::string> claims) {
    ConsentAnswer a;
    a.accountId = accountId;
    a.service = &service;
    a.scopes = std::move(scopes);
    a.claims = std::move(claims);
    a.language = "fr";
    a.textShown = "Nous utilisons votre nom.";
    a.sessionPublicId = "session-1";
    a.clientAddress = "192.0.2.7";
    return a;
}

std::int64_t consentRows(store::Database& db) {
    Poco::Data::Session s = db.session();
    Poco::Int64 n = 0;
    s << "SELECT COUNT(*) FROM consents", Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
    return n;
}

}  // namespace

TEST_CASE("A consent is stored, read back, covers what it names, and is withdrawn", "[oidc][consent]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext auth(backend);
            auto account = makeAccount(auth.ctx());
            auto service = makeService(auth.ctx(), signInService()).service;
            ConsentStore store(auth.db());
            CHECK_FALSE(store.find(account.id, service.id).has_value());

            Consent c;
            c.accountId = account.id;
            c.serviceId = service.id;
            c.scopes = {"openid", "email"};
            c.claims = {"email", "email_verified"};
            c.language = "gd";
            c.textHash = infra::digest::sha256Hex("text");
            c.grantedAt = c.updatedAt = auth.clock().now();
            {
                Poco::Data::Session s = auth.db().session();
                store.save(s, c);
            }
            auto found = store.find(account.id, service.id);
            REQUIRE(found);
            CHECK(found->scopes == c.scopes);
            CHECK(found->claims == c.claims);
            CHECK(found->language == "gd");
            CHECK(found->textHash == c.textHash);
            CHECK(found->grantedAt == auth.clock().now());
            CHECK(found->inForce());
            CHECK(found->covers({"openid"}, {"email"}));
            CHECK(found->covers({"openid", "email"}, {"email", "email_verified"}));
            CHECK_FALSE(found->covers({"openid", "profile"}, {"email"}));
            CHECK_FALSE(found->covers({"openid"}, {"name"}));
            CHECK(store.listInForce(account.id).size() == 1);

            auth.clock().advance(60);
            {
                Poco::Data::Session s = auth.db().session();
                CHECK(store.withdraw(s, account.id, service.id, auth.clock().now()));
                CHECK_FALSE(store.withdraw(s, account.id, service.id, auth.clock().now()));
            }
            found = store.find(account.id, service.id);
            REQUIRE(found);
            CHECK(found->withdrawnAt == auth.clock().now());
            CHECK_FALSE(found->covers({"openid"}, {}));
            CHECK(store.listInForce(account.id).empty());
        }
    }
}

TEST_CASE("Agreeing again widens the consent – after a withdrawal it starts afresh – both are audited",
          "[oidc][consent]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext auth(backend);
            auto account = makeAccount(auth.ctx());
            auto service = makeService(auth.ctx(), signInService()).service;
            ConsentService consents(auth.ctx());
            const std::int64_t first = auth.clock().now();

            auto given = consents.give(answer(account.id, service, {"openid", "email"}, {"email"}));
            REQUIRE(given);
            CHECK(given->grantedAt == first);
            CHECK(given->language == "fr");
            CHECK(given->textHash == infra::digest::sha256Hex("Nous utilisons votre nom."));

            auth.clock().advance(3600);
            auto wider = consents.give(answer(account.id, service, {"openid", "profile"}, {"name", "email"}));
            REQUIRE(wider);
            CHECK(wider->scopes == std::vector<std::string>{"openid", "email", "profile"});
            CHECK(wider->claims == std::vector<std::string>{"email", "name"});
            CHECK(wider->grantedAt == first);
            CHECK(wider->updatedAt == auth.clock().now());
            CHECK(consentRows(auth.db()) == 1);

            {
                Poco::Data::Session s = auth.db().session();
                REQUIRE(ConsentStore(auth.db()).withdraw(s, account.id, service.id, auth.clock().now()));
            }
            CHECK_FALSE(consents.inForce(account.id, service.id).has_value());
            auth.clock().advance(60);
            auto renewed = consents.give(answer(account.id, service, {"openid"}, {}));
            REQUIRE(renewed);
            CHECK(renewed->scopes == std::vector<std::string>{"openid"});  // nothing carried over from before
            CHECK(renewed->claims.empty());
            CHECK(renewed->grantedAt == auth.clock().now());
            CHECK(consents.inForce(account.id, service.id).has_value());

            const auto entries = auth.ctx().audit.entriesFor(account.id);
            const auto given_ = std::count_if(entries.begin(), entries.end(),
                                              [](const core::AuditEntry& e) { return e.event == "consent.given"; });
            CHECK(given_ == 3);
            const auto& last = entries.back();
            CHECK(last.event == "consent.given");
            CHECK(last.details.find(service.clientId) != std::string::npos);
            CHECK(last.clientAddress == "192.0.2.7");
            CHECK_FALSE(auth.ctx().audit.firstBrokenEntry().has_value());
        }
    }
}

TEST_CASE("Refusing is audited and stores nothing", "[oidc][consent]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext auth(backend);
            auto account = makeAccount(auth.ctx());
            auto service = makeService(auth.ctx(), signInService()).service;
            ConsentService consents(auth.ctx());
            REQUIRE(consents.refuse(answer(account.id, service, {"openid", "email"}, {"email"})));
            CHECK(consentRows(auth.db()) == 0);
            const auto entries = auth.ctx().audit.entriesFor(account.id);
            REQUIRE_FALSE(entries.empty());
            CHECK(entries.back().event == "consent.refused");
            CHECK(entries.back().details.find("email") != std::string::npos);
        }
    }
}

TEST_CASE("The consent text shown: the page's language, else English, else any", "[oidc][consent]") {
    core::Service s;
    s.consentText = {{"en", "English"}, {"gd", "Gàidhlig"}};
    CHECK(core::oidc::consentTextFor(s, "gd") == std::pair<std::string, std::string>{"gd", "Gàidhlig"});
    CHECK(core::oidc::consentTextFor(s, "fr") == std::pair<std::string, std::string>{"en", "English"});
    s.consentText = {{"gd", "Gàidhlig"}};
    CHECK(core::oidc::consentTextFor(s, "fr").first == "gd");
    s.consentText = {};
    CHECK(core::oidc::consentTextFor(s, "en").second.empty());
}
