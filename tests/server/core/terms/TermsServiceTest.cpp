#include <catch2/catch.hpp>

#include <Poco/Data/Session.h>

#include "core/terms/TermsService.h"
#include "core/terms/TermsStore.h"
#include "infra/Random.h"
#include "support/AccountBuilders.h"

using tessera::ErrorKind;
using tessera::Status;
using tessera::core::TermsDocument;
using tessera::core::TermsKind;
using tessera::core::TermsService;
using tessera::core::TermsStore;
using namespace tessera::test;

namespace {

// Publishes a new version of one kind, in force from `effectiveAt`.
std::string publish(AccountTestContext& t, TermsKind kind, std::int64_t version, std::int64_t effectiveAt,
                    const std::string& language = "en") {
    TermsDocument d;
    d.id = tessera::infra::random::id();
    d.kind = kind;
    d.language = language;
    d.version = version;
    d.title = "Version " + std::to_string(version);
    d.body = "Text of version " + std::to_string(version);
    d.summaryOfChanges = "Clearer wording.";
    d.effectiveAt = effectiveAt;
    d.createdAt = t.clock().now();
    TermsStore store(t.db());
    auto written = t.db().transaction<void>([&](Poco::Data::Session& s) -> Status { return store.insert(s, d); });
    REQUIRE(written.ok());
    return d.id;
}

std::string acceptError(AccountTestContext& t, const std::string& accountId, const std::vector<std::string>& ids) {
    auto accepted = TermsService(t.ctx()).acceptNow(accountId, ids, "127.0.0.1");
    if (accepted) return "ok";
    REQUIRE(accepted.error().fields.size() == 1);
    CHECK(accepted.error().fields[0].field == "acceptTerms");
    return accepted.error().fields[0].code;
}

}  // namespace

TEST_CASE("Seeding creates version 1 of every document in en, fr and gd, once", "[core][terms]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);  // seeds
            CHECK(countRows(t.db(), "terms_documents") == 9);
            for (const char* kind : {"terms_of_service", "privacy_policy", "data_collection"})
                for (const char* language : {"en", "fr", "gd"})
                    CHECK(countRows(t.db(), "terms_documents", std::string("kind = '") + kind + "' AND language = '" +
                                                                  language + "' AND version = 1") == 1);
            REQUIRE(tessera::core::seedTerms(t.ctx()).ok());
            CHECK(countRows(t.db(), "terms_documents") == 9);
            CHECK(countRows(t.db(), "audit_log", "event = 'terms.seeded'") == 1);
        }
    }
}

TEST_CASE("The current terms come in the asked language, else in English", "[core][terms]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            TermsService terms(t.ctx());
            auto fr = terms.current("fr");
            REQUIRE(fr.ok());
            REQUIRE(fr->size() == 3);
            CHECK((*fr)[0].kind == TermsKind::TermsOfService);
            CHECK((*fr)[1].kind == TermsKind::PrivacyPolicy);
            CHECK((*fr)[2].kind == TermsKind::DataCollection);
            for (const auto& d : *fr) CHECK(d.language == "fr");
            CHECK((*fr)[1].title == "Politique de confidentialité");

            auto gd = terms.current("gd");
            REQUIRE(gd.ok());
            CHECK((*gd)[0].title == "Teirmichean na seirbheise");
            auto byDefault = terms.current("");
            REQUIRE(byDefault.ok());
            CHECK((*byDefault)[0].language == "en");

            auto unknown = terms.current("de");
            REQUIRE_FALSE(unknown.ok());
            CHECK(unknown.error().fields.at(0).field == "language");
            CHECK(unknown.error().fields.at(0).code == "not_supported");

            // Version 2 of the terms of service, in English only, takes effect in a day.
            const auto day = t.clock().now() + 86400;
            const std::string v2 = publish(t, TermsKind::TermsOfService, 2, day);
            CHECK(terms.current("fr")->at(0).version == 1);  // not in force yet
            t.clock().set(day);
            auto later = terms.current("fr");
            REQUIRE(later.ok());
            CHECK(later->at(0).id == v2);  // the version in force, untranslated: English
            CHECK(later->at(0).language == "en");
            CHECK(later->at(1).language == "fr");
        }
    }
}

TEST_CASE("Accepting terms needs exactly one document in force of each kind", "[core][terms]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto account = makeAccount(t.ctx(), awaitingEmailVerification());
            const auto en = currentTermsIds(t.ctx(), "en");
            const auto fr = currentTermsIds(t.ctx(), "fr");
            const auto before = snapshot(t.db());

            CHECK(acceptError(t, account.id, {}) == "required");
            CHECK(acceptError(t, account.id, {en[0], en[1], "no-such-document"}) == "unknown_terms");
            CHECK(acceptError(t, account.id, {en[0], en[1]}) == "incomplete");
            CHECK(acceptError(t, account.id, {en[0], fr[0], en[1], en[2]}) == "duplicate_kind");
            CHECK(snapshot(t.db()) == before);  // a refusal writes nothing

            // Any translation of the version in force will do.
            CHECK(acceptError(t, account.id, {fr[0], en[1], fr[2]}) == "ok");
            CHECK(countRows(t.db(), "audit_log", "event = 'terms.accepted'") == 1);

            // Once superseded, the old version is refused.
            const std::string v2 = publish(t, TermsKind::PrivacyPolicy, 2, t.clock().now());
            CHECK(acceptError(t, account.id, en) == "not_current");
            CHECK(acceptError(t, account.id, {en[0], v2, en[2]}) == "ok");
        }
    }
}

TEST_CASE("Acceptance is required again for a new version or after the re-acceptance period", "[core][terms]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            TermsService terms(t.ctx());
            auto account = makeAccount(t.ctx(), activeWithTotp());  // accepts the terms in force
            CHECK_FALSE(terms.acceptanceRequired(account.id));
            CHECK(terms.acceptanceRequired("an-account-that-accepted-nothing"));

            // A new data-collection policy announced for tomorrow changes nothing today.
            const auto tomorrow = t.clock().now() + 86400;
            const std::string v2 = publish(t, TermsKind::DataCollection, 2, tomorrow);
            CHECK_FALSE(terms.acceptanceRequired(account.id));
            t.clock().set(tomorrow);
            CHECK(terms.acceptanceRequired(account.id));
            auto ids = currentTermsIds(t.ctx());
            REQUIRE(terms.acceptNow(account.id, ids, "127.0.0.1").ok());
            CHECK_FALSE(terms.acceptanceRequired(account.id));

            // Default period 365 days: on day 365 still fine, a day later not.
            t.clock().advance(365 * 86400);
            CHECK_FALSE(terms.acceptanceRequired(account.id));
            t.clock().advance(86400);
            CHECK(terms.acceptanceRequired(account.id));
            // Accepting the same documents again renews the acceptance.
            REQUIRE(terms.acceptNow(account.id, ids, "127.0.0.1").ok());
            CHECK_FALSE(terms.acceptanceRequired(account.id));
            CHECK(countRows(t.db(), "terms_acceptances", "account_id = '" + account.id + "'") == 4);

            t.settings().termsReacceptanceDays = 30;
            t.clock().advance(31 * 86400);
            CHECK(terms.acceptanceRequired(account.id));
        }
    }
}
