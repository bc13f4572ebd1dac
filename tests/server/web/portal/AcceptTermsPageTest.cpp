// The terms interstitial: a citizen who has not accepted the documents in force reads what
// changed, accepts, and goes back where they were going (never to another site).
#include <catch2/catch.hpp>

#include <Poco/Data/Session.h>

#include "core/terms/TermsService.h"
#include "core/terms/TermsStore.h"
#include "infra/Random.h"
#include "server/web/portal/PortalClient.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera::test;

namespace {

bool contains(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }

void publishPrivacyPolicyV2(TestServer& server) {
    tessera::core::TermsDocument d;
    d.id = tessera::infra::random::id();
    d.kind = tessera::core::TermsKind::PrivacyPolicy;
    d.language = "en";
    d.version = 2;
    d.title = "Privacy policy";
    d.body = "We now also keep the time of each sign-in for a year.";
    d.summaryOfChanges = "Sign-in times are kept for a year.";
    d.effectiveAt = d.createdAt = server.clock().now();
    tessera::core::TermsStore store(server.db());
    auto written =
        server.db().transaction<void>([&](Poco::Data::Session& s) -> tessera::Status { return store.insert(s, d); });
    REQUIRE(written.ok());
}

bool termsPending(TestServer& server, const std::string& accountId) {
    return tessera::core::TermsService(server.services()).acceptanceRequired(accountId);
}

}  // namespace

TEST_CASE("New terms: the citizen reads what changed, accepts, and returns where they were going",
          "[portal][terms]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    publishPrivacyPolicyV2(server);
    PortalClient browser(server.port());
    REQUIRE(signInWithTotp(browser.api(), server.clock(), account).status == 200);

    auto held = browser.get("/account?tab=1");
    REQUIRE(held.status == 303);
    CHECK(held.header("Location") == "/accept-terms?next=/account%3Ftab%3D1");

    auto page = browser.follow(held);
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "<title>Our terms have changed – Tessera</title>"));
    CHECK(contains(page.body, "Sign-in times are kept for a year."));
    CHECK(contains(page.body, "Version 2, in force since"));
    CHECK(contains(page.body, "href=\"/policies/privacy-policy\">Read the full document: Privacy policy</a>"));
    // Only the changed document is shown; the others are accepted again with it.
    CHECK_FALSE(contains(page.body, "Read the full document: Terms of service"));
    CHECK(contains(page.body, "name=\"next\" value=\"/account?tab=1\""));

    auto unticked = browser.submit("/accept-terms", {{"next", "/account?tab=1"}});
    CHECK(unticked.status == 400);
    CHECK(contains(unticked.body, "<a href=\"#accept\">Tick the box to accept the terms</a>"));
    CHECK(termsPending(server, account.id));

    auto forged = browser.post("/accept-terms", {{"accept", "yes"}, {"next", "/account?tab=1"}, {"csrf", "forged"}});
    CHECK(forged.status == 400);
    CHECK(contains(forged.body, "Your form expired. Try again."));
    CHECK(termsPending(server, account.id));

    // The ids of the documents shown travel with the form.
    FormBody accept{{"accept", "yes"}, {"next", "/account?tab=1"}};
    for (const auto& id : currentTermsIds(server.services())) accept.emplace_back("termsId", id);
    auto accepted = browser.submit("/accept-terms", accept);
    REQUIRE(accepted.status == 303);
    CHECK(accepted.header("Location") == "/account?tab=1");
    CHECK_FALSE(termsPending(server, account.id));
    CHECK(browser.get("/account").status == 200);

    // Nothing left to accept: the page goes straight on.
    auto nothing = browser.get("/accept-terms?next=%2Fpolicies%2Fterms-of-service");
    CHECK(nothing.status == 303);
    CHECK(nothing.header("Location") == "/policies/terms-of-service");
}

TEST_CASE("The terms page accepts the versions it showed, and never returns to another site", "[portal][terms]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    AccountSpec spec = activeWithTotp();
    spec.acceptTerms = false;
    auto account = makeAccount(server.services(), spec);
    PortalClient browser(server.port());
    REQUIRE(signInWithTotp(browser.api(), server.clock(), account).status == 200);

    auto page = browser.get("/accept-terms?next=%2F%2Fevil.example%2F");
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "Read the full document: Terms of service"));
    CHECK(contains(page.body, "Read the full document: Data collection policy"));
    CHECK_FALSE(contains(page.body, "name=\"next\""));
    // The form carries the documents the page showed.
    const auto ids = currentTermsIds(server.services());
    for (const auto& id : ids) CHECK(contains(page.body, "name=\"termsId\" value=\"" + id + "\""));

    // A version that took effect while the citizen read is not accepted unseen.
    publishPrivacyPolicyV2(server);
    FormBody stale{{"accept", "yes"}, {"next", "//evil.example/"}};
    for (const auto& id : ids) stale.emplace_back("termsId", id);
    auto refused = browser.submit("/accept-terms", stale);
    CHECK(refused.status == 400);
    CHECK(contains(refused.body, "Our terms changed while you were reading them."));
    CHECK(contains(refused.body, "Sign-in times are kept for a year."));
    CHECK(termsPending(server, account.id));

    FormBody current{{"accept", "yes"}, {"next", "//evil.example/"}};
    for (const auto& id : currentTermsIds(server.services())) current.emplace_back("termsId", id);
    auto accepted = browser.submit("/accept-terms", current);
    REQUIRE(accepted.status == 303);
    CHECK(accepted.header("Location") == "/account");
    CHECK_FALSE(termsPending(server, account.id));
}

TEST_CASE("The terms page needs a signed-in citizen", "[portal][terms]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient anonymous(server.port());
    auto page = anonymous.get("/accept-terms");
    CHECK(page.status == 303);
    CHECK(page.header("Location") == "/sign-in?next=/accept-terms");
}
