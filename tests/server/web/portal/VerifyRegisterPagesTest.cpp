// "Prove who you are" over HTTP, as a browser without JavaScript uses it: the overview, and the
// register checks (name/date of birth/sex, the fallback question, address, a known fact) that
// raise the level it shows; bad input, a forged post, no match, the daily limit and a person
// another account already holds, each of which changes nothing it should not.
#include <catch2/catch.hpp>

#include "core/assurance/AssuranceService.h"
#include "server/web/portal/VerifyPortalFixture.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"
#include "support/TestDatabase.h"

using namespace tessera;
using namespace tessera::test;

namespace {

bool contains(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }


// Registered as "Catriona Anne Drummond" (P-0005); her account says "Catriona Ross", her
// married name, so the match asks a fallback question (born in Dundee).
TestPerson sampleCatriona() {
    TestPerson p;
    p.givenNames = "Catriona";
    p.familyName = "Ross";
    p.dateOfBirth = "1986-04-09";
    p.sex = "female";
    p.placeOfBirth = "Dundee";
    p.address = {"21 Perth Road", "", "Dundee", "DD1 4JT"};
    return p;
}

std::size_t evidenceCount(TestServer& server, const std::string& accountId) {
    core::AssuranceService assurance(server.services(), server.services().verification->policy);
    return assurance.activeEvidence(accountId).size();
}

}  // namespace

TEST_CASE("Verify pages: a match raises the level shown on /account/verify, step by step", "[portal][verify]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerifyingCitizen c(backend);
            auto overview = c.browser().get("/account/verify");
            REQUIRE(overview.status == 200);
            CHECK(contains(overview.body, "<title>Prove who you are – Tessera</title>"));
            CHECK(contains(overview.body, "id=\"current-level\">Level 0<"));
            CHECK(contains(overview.body, "href=\"/account/verify/identity\""));
            CHECK_FALSE(contains(overview.body, "href=\"/account/verify/address\""));  // not before the identity
            CHECK(contains(overview.body, "Checks left today"));
            CHECK(contains(overview.body, "Nothing yet"));
            CHECK_FALSE(contains(overview.body, "id=\"application\""));

            // The form opens filled in from the profile.
            auto form = c.browser().get("/account/verify/identity");
            REQUIRE(form.status == 200);
            CHECK(contains(form.body, "value=\"Morag Elspeth\""));
            CHECK(contains(form.body, "value=\"Campbell\""));
            CHECK(contains(form.body, "name=\"dateOfBirth-year\" type=\"text\" inputmode=\"numeric\" autocomplete=\"bday-year\" value=\"1984\""));
            CHECK(contains(form.body, "value=\"female\" checked"));
            CHECK(contains(form.body, "Tries left today: 3"));

            auto matched = c.browser().submit("/account/verify/identity", c.identityForm());
            expectRedirect(matched, "/account/verify?saved=identity", "identity");
            auto after = c.browser().follow(matched);
            CHECK(contains(after.body, "Your name, date of birth and sex match the birth register"));
            CHECK(contains(after.body, "href=\"/account/verify/address\""));
            CHECK(contains(after.body, "Name, date of birth and sex: birth register"));
            CHECK(c.loa() == 0);
            // Matched once: the form is not offered again.
            expectRedirect(c.browser().get("/account/verify/identity"), "/account/verify", "identity again");

            auto address = c.fill("/account/verify/address", c.addressForm());
            expectRedirect(address, "/account/verify?saved=address", "address");
            CHECK(c.loa() == 1);
            CHECK(contains(c.browser().follow(address).body, "id=\"current-level\">Level 1<"));

            auto fact = c.fill("/account/verify/known-fact",
                               {{"factType", "council_tax_reference"}, {"reference", kSampleMoragCouncilTax}});
            expectRedirect(fact, "/account/verify?saved=known_fact", "known fact");
            CHECK(c.loa() == 2);
            auto level2 = c.browser().follow(fact);
            CHECK(contains(level2.body, "id=\"current-level\">Level 2<"));
            CHECK(contains(level2.body, "Council tax reference or entitlement card"));
            CHECK(contains(level2.body, "href=\"/account/verify/documents\""));
            // The dashboard shows it too.
            CHECK(contains(c.browser().get("/account").body, "Level 2"));
        }
    }
}

TEST_CASE("Verify pages: bad identity input shows the error summary, keeps the values, changes nothing",
          "[portal][verify]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerifyingCitizen c(backend);
            REQUIRE(c.browser().get("/account/verify/identity").status == 200);
            const auto before = snapshot(c.server().db());
            auto bad = c.browser().submit("/account/verify/identity", {{"givenNames", " "},
                                                                       {"familyName", "Camp<bell>"},
                                                                       {"dateOfBirth-day", "31"},
                                                                       {"dateOfBirth-month", "2"},
                                                                       {"dateOfBirth-year", "1984"}});
            CHECK(bad.status == 400);
            CHECK(contains(bad.body, "<title>Error: Confirm your name, date of birth and sex – Tessera</title>"));
            CHECK(contains(bad.body, "govuk-error-summary"));
            CHECK(contains(bad.body, "<a href=\"#givenNames\">Enter your first name</a>"));
            CHECK(contains(bad.body, "<a href=\"#dateOfBirth\">Date of birth must be a real date"));
            CHECK(contains(bad.body, "<a href=\"#sex\">Select your sex</a>"));
            CHECK(contains(bad.body, "value=\"Camp&lt;bell&gt;\""));
            CHECK(contains(bad.body, "value=\"31\""));
            CHECK(snapshot(c.server().db()) == before);  // not even an attempt counted

            // A forged or stale post: "Your form expired", nothing checked.
            auto forged = c.browser().post("/account/verify/identity", c.identityForm());
            CHECK(forged.status == 400);
            CHECK(contains(forged.body, "Your form expired"));
            CHECK(snapshot(c.server().db()) == before);
            CHECK(evidenceCount(c.server(), c.account().id) == 0);
        }
    }
}

TEST_CASE("Verify pages: no match says the tries left – the last one used up says when to try again",
          "[portal][verify]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerifyingCitizen c(backend);
            // A day out: no one in the register (a wrong family name would be a weak match, as
            // for a name taken on marriage).
            const FormBody wrong = withField(c.identityForm(), "dateOfBirth-day", "13");
            auto first = c.fill("/account/verify/identity", wrong);
            CHECK(first.status == 400);
            CHECK(contains(first.body, "<a href=\"#givenNames\">We could not match these details"));
            CHECK(contains(first.body, "tries left today: 2"));
            CHECK(contains(first.body, "value=\"13\""));
            auto second = c.browser().submit("/account/verify/identity", wrong);
            CHECK(contains(second.body, "tries left today: 1"));
            auto third = c.browser().submit("/account/verify/identity", wrong);
            CHECK(third.status == 400);
            CHECK(contains(third.body, "You cannot try this check again today"));
            CHECK(contains(third.body, "You have used all 3 tries"));
            CHECK(contains(third.body, "id=\"try-again-at\""));
            CHECK(contains(third.body, "UTC"));

            // From now on the form is not offered, and a post (even a right one) is refused.
            auto page = c.browser().get("/account/verify/identity");
            CHECK(page.status == 200);
            CHECK(contains(page.body, "You cannot try this check again today"));
            CHECK_FALSE(contains(page.body, "name=\"givenNames\""));
            auto refused = c.browser().submit("/account/verify/identity", c.identityForm());
            CHECK(refused.status == 429);
            CHECK_FALSE(refused.header("Retry-After").empty());
            CHECK(evidenceCount(c.server(), c.account().id) == 0);
            CHECK(c.loa() == 0);
            CHECK(contains(c.browser().get("/account/verify").body, "id=\"current-level\">Level 0<"));

            // A day later (signed in again) the checks are back.
            c.server().clock().advance(24 * 60 * 60 + 1);
            expectStatus(signInWithTotp(c.browser().api(), c.server().clock(), c.account()), 200, "sign in again");
            expectRedirect(c.fill("/account/verify/identity", c.identityForm()), "/account/verify?saved=identity",
                           "a day later");
        }
    }
}

TEST_CASE("Verify pages: a weak match asks the fallback question, whose answer matches", "[portal][verify]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerifyingCitizen c(backend, sampleCatriona(), "catriona@example.org");
            auto asked = c.fill("/account/verify/identity", c.identityForm());
            REQUIRE(asked.status == 200);
            CHECK(contains(asked.body, "We need to ask one more question"));
            CHECK(contains(asked.body, "name=\"placeOfBirth\""));
            CHECK(contains(asked.body, "name=\"mothersMaidenName\""));
            CHECK(contains(asked.body, "name=\"familyName\" value=\"Ross\""));
            CHECK(contains(asked.body, "name=\"dateOfBirth\" value=\"1986-04-09\""));
            CHECK(evidenceCount(c.server(), c.account().id) == 0);

            // Neither answered: asked again, nothing checked.
            auto blank = c.browser().submit("/account/verify/identity/questions",
                                            {{"givenNames", "Catriona"}, {"familyName", "Ross"},
                                             {"dateOfBirth", "1986-04-09"}, {"sex", "female"}});
            CHECK(blank.status == 400);
            CHECK(contains(blank.body, "<a href=\"#placeOfBirth\">Answer at least one of the questions</a>"));

            auto answered = c.browser().submit("/account/verify/identity/questions",
                                               {{"givenNames", "Catriona"}, {"familyName", "Ross"},
                                                {"dateOfBirth", "1986-04-09"}, {"sex", "female"},
                                                {"placeOfBirth", "dundee"}});
            expectRedirect(answered, "/account/verify?saved=identity", "fallback answer");
            CHECK(evidenceCount(c.server(), c.account().id) == 1);
            // The questions page has nothing to show without the form before it.
            expectRedirect(c.browser().get("/account/verify/identity/questions"), "/account/verify/identity",
                           "questions by GET");
        }
    }
}

TEST_CASE("Verify pages: a person another account holds goes to a person, saying nothing of that account",
          "[portal][verify]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerifyingCitizen first(backend, sampleMorag(), "morag@example.org");
            expectRedirect(first.fill("/account/verify/identity", first.identityForm()),
                           "/account/verify?saved=identity", "first account");
            VerifyingCitizen second(first.server(), sampleMorag(), "morag.two@example.org");
            auto stopped = second.fill("/account/verify/identity", second.identityForm());
            CHECK(stopped.status == 409);
            CHECK(contains(stopped.body, "Your identity cannot be confirmed online"));
            CHECK(contains(stopped.body, "passed your case to a member of our team"));
            CHECK_FALSE(contains(stopped.body, "morag@example.org"));
            CHECK(evidenceCount(second.server(), second.account().id) == 0);
            auto overview = second.browser().get("/account/verify");
            CHECK(contains(overview.body, "Being checked further"));
            CHECK(contains(overview.body, "Your account cannot be verified online"));
            CHECK_FALSE(contains(overview.body, "morag@example.org"));
        }
    }
}

TEST_CASE("Verify pages: address and known fact need the identity first – bad input changes nothing",
          "[portal][verify]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerifyingCitizen c(backend);
            auto early = c.browser().get("/account/verify/address");
            CHECK(early.status == 200);
            CHECK(contains(early.body, "href=\"/account/verify/identity\""));
            CHECK_FALSE(contains(early.body, "name=\"line1\""));
            CHECK(contains(c.browser().get("/account/verify/known-fact").body, "href=\"/account/verify/identity\""));
            // A post anyway is sent to the identity step.
            expectRedirect(c.browser().submit("/account/verify/address", c.addressForm()), "/account/verify/identity",
                           "address first");

            expectRedirect(c.fill("/account/verify/identity", c.identityForm()), "/account/verify?saved=identity",
                           "identity");
            auto form = c.browser().get("/account/verify/address");
            CHECK(contains(form.body, "value=\"12 Rose Street\""));  // from the profile
            CHECK(contains(form.body, "value=\"EH2 2PR\""));
            const auto before = snapshot(c.server().db());
            auto bad = c.browser().submit("/account/verify/address", {{"line1", ""}, {"town", "Edinburgh"}, {"postcode", ""}});
            CHECK(bad.status == 400);
            CHECK(contains(bad.body, "<a href=\"#line1\">Enter the first line of your address</a>"));
            CHECK(contains(bad.body, "<a href=\"#postcode\">Enter your postcode</a>"));
            auto badPostcode = c.browser().submit("/account/verify/address", withField(c.addressForm(), "postcode", "NOT A CODE"));
            CHECK(badPostcode.status == 400);
            CHECK(contains(badPostcode.body, "<a href=\"#postcode\">Enter a real UK postcode"));
            CHECK(snapshot(c.server().db()) == before);

            c.fill("/account/verify/address", c.addressForm());
            auto noType = c.fill("/account/verify/known-fact", {{"reference", "CT-EDN-4000-0101"}});
            CHECK(noType.status == 400);
            CHECK(contains(noType.body, "<a href=\"#factType\">Choose which reference you will give</a>"));
            auto wrong = c.browser().submit("/account/verify/known-fact",
                                            {{"factType", "council_tax_reference"}, {"reference", "CT-EDN-4000-0201"}});
            CHECK(wrong.status == 400);
            CHECK(contains(wrong.body, "<a href=\"#reference\">We could not match"));
            CHECK(contains(wrong.body, "value=\"council_tax_reference\" checked"));
            CHECK(c.loa() == 1);
        }
    }
}

TEST_CASE("Verify pages: signed-out visitors sign in and come back, with a service's return path kept",
          "[portal][verify]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    expectRedirect(browser.get("/account/verify/identity"), "/sign-in?next=/account/verify/identity", "signed out");

    VerifyingCitizen c("sqlite");
    const std::string back = "/oauth2/authorize/resume?request=abc";
    auto overview = c.browser().get("/account/verify?next=%2Foauth2%2Fauthorize%2Fresume%3Frequest%3Dabc");
    REQUIRE(overview.status == 200);
    CHECK(contains(overview.body, "href=\"/account/verify/identity?next=/oauth2/authorize/resume%3Frequest%3Dabc\""));
    CHECK(contains(overview.body, "href=\"" + back + "\""));  // the way back to the service
    auto form = c.browser().get("/account/verify/identity?next=%2Foauth2%2Fauthorize%2Fresume%3Frequest%3Dabc");
    CHECK(contains(form.body, "name=\"next\" value=\"" + back + "\""));
    FormBody fields = c.identityForm();
    fields.emplace_back("next", back);
    expectRedirect(c.browser().submit("/account/verify/identity", fields),
                   "/account/verify?saved=identity&next=/oauth2/authorize/resume%3Frequest%3Dabc", "with next");
    // Another site is never a return path.
    auto elsewhere = c.browser().get("/account/verify?next=https%3A%2F%2Fevil.example%2F");
    CHECK_FALSE(contains(elsewhere.body, "href=\"https://evil.example/\""));
    CHECK_FALSE(contains(elsewhere.body, "Go back to the service"));
    CHECK(contains(elsewhere.body, "href=\"/account/verify/address\""));
}
