// The authorization endpoint's decision table, without HTTP or a database: who is signed in,
// how recently, at which level, with which consent, and what the request asks (prompt,
// max_age, the required level).
#include <catch2/catch.hpp>

#include "core/oidc/AuthorizationDecision.h"

using namespace tessera;
using namespace tessera::core;
using namespace tessera::core::oidc;

namespace {

constexpr std::int64_t kNow = 1'800'000'000;

AuthorizationRequest request() {
    AuthorizationRequest r;
    r.service.id = "svc";
    r.scopes = {"openid", "email"};
    r.claims = {"email", "email_verified"};
    return r;
}

Consent consentTo(std::vector<std::string> scopes, std::vector<std::string> claims) {
    Consent c;
    c.accountId = "acc";
    c.serviceId = "svc";
    c.scopes = std::move(scopes);
    c.claims = std::move(claims);
    c.grantedAt = kNow - 86400;
    return c;
}

// Fully signed in 10 minutes ago at LoA 1, consent covering the request.
CitizenState signedIn() {
    CitizenState c;
    c.now = kNow;
    Session s;
    s.publicId = "pub";
    s.accountId = "acc";
    s.stage = SessionStage::Authenticated;
    s.authTime = kNow - 600;
    s.amr = "pwd otp";
    c.session = s;
    Account a;
    a.id = "acc";
    a.status = AccountStatus::Active;
    a.loa = 1;
    c.account = a;
    c.consent = consentTo({"openid", "email", "profile"}, {"email", "email_verified", "name"});
    return c;
}

AuthorizationStep stepFor(const AuthorizationRequest& r, const CitizenState& c) { return decide(r, c).step; }

}  // namespace

TEST_CASE("Signed in, level high enough, consent covering the request: the code", "[oidc][authorize][decision]") {
    auto d = decide(request(), signedIn());
    CHECK(d.step == AuthorizationStep::IssueCode);
    CHECK(d.error.empty());
    CHECK_FALSE(d.freshSignIn);
}

TEST_CASE("Not fully signed in: sign in first", "[oidc][authorize][decision]") {
    CitizenState none;
    none.now = kNow;
    CHECK(stepFor(request(), none) == AuthorizationStep::SignIn);
    auto halfway = signedIn();
    halfway.session->stage = SessionStage::PendingSecondFactor;
    CHECK(stepFor(request(), halfway) == AuthorizationStep::SignIn);
    auto disabled = signedIn();
    disabled.account->status = AccountStatus::Disabled;
    CHECK(stepFor(request(), disabled) == AuthorizationStep::SignIn);
    CHECK(decide(request(), disabled).freshSignIn);  // its session must end, or sign-in sends it straight back
    auto noAccount = signedIn();
    noAccount.account.reset();
    CHECK(stepFor(request(), noAccount) == AuthorizationStep::SignIn);
    CHECK_FALSE(decide(request(), none).freshSignIn);
}

TEST_CASE("New terms come before the service", "[oidc][authorize][decision]") {
    auto c = signedIn();
    c.termsPending = true;
    CHECK(stepFor(request(), c) == AuthorizationStep::AcceptTerms);
}

TEST_CASE("A level below the required one: step up", "[oidc][authorize][decision]") {
    auto r = request();
    r.requiredLoa = Loa::Loa2;
    CHECK(stepFor(r, signedIn()) == AuthorizationStep::StepUp);
    auto higher = signedIn();
    higher.account->loa = 3;
    CHECK(stepFor(r, higher) == AuthorizationStep::IssueCode);
}

TEST_CASE("prompt=login and max_age ask for a fresh sign-in, once", "[oidc][authorize][decision]") {
    auto login = request();
    login.prompt.login = true;
    auto d = decide(login, signedIn());
    CHECK(d.step == AuthorizationStep::SignIn);
    CHECK(d.freshSignIn);

    // The endpoint asked at T; a session authenticated at or after T will do (no loop), even
    // if the clock moved on meanwhile.
    auto back = signedIn();
    back.signInAskedAt = kNow - 30;
    back.session->authTime = kNow - 30;
    CHECK(stepFor(login, back) == AuthorizationStep::IssueCode);
    back.session->authTime = kNow - 31;
    CHECK(stepFor(login, back) == AuthorizationStep::SignIn);

    auto maxAge = request();
    maxAge.maxAge = 600;
    CHECK(stepFor(maxAge, signedIn()) == AuthorizationStep::IssueCode);  // exactly 600 s ago
    maxAge.maxAge = 599;
    CHECK(decide(maxAge, signedIn()).freshSignIn);
    maxAge.maxAge = 0;
    auto justSignedIn = signedIn();
    justSignedIn.signInAskedAt = kNow - 5;
    justSignedIn.session->authTime = kNow - 2;
    CHECK(stepFor(maxAge, justSignedIn) == AuthorizationStep::IssueCode);
}

TEST_CASE("Consent: asked when there is none, when the request asks for more, or with prompt=consent",
          "[oidc][authorize][decision]") {
    auto none = signedIn();
    none.consent.reset();
    CHECK(stepFor(request(), none) == AuthorizationStep::Consent);

    auto narrower = signedIn();
    narrower.consent = consentTo({"openid"}, {});
    CHECK(stepFor(request(), narrower) == AuthorizationStep::Consent);
    auto moreClaims = request();
    moreClaims.claims.push_back("birthdate");
    CHECK(stepFor(moreClaims, signedIn()) == AuthorizationStep::Consent);

    auto withdrawn = signedIn();
    withdrawn.consent->withdrawnAt = kNow - 10;
    CHECK(stepFor(request(), withdrawn) == AuthorizationStep::Consent);

    auto again = request();
    again.prompt.consent = true;
    CHECK(stepFor(again, signedIn()) == AuthorizationStep::Consent);
    // ... until the citizen has just answered the consent page.
    auto answered = signedIn();
    answered.consentJustGiven = true;
    CHECK(stepFor(again, answered) == AuthorizationStep::IssueCode);
}

TEST_CASE("prompt=none turns every interaction into an error for the service", "[oidc][authorize][decision]") {
    auto r = request();
    r.prompt.none = true;
    CitizenState nobody;
    nobody.now = kNow;
    CHECK(decide(r, nobody).error == "login_required");
    auto terms = signedIn();
    terms.termsPending = true;
    CHECK(decide(r, terms).error == "interaction_required");
    auto noConsent = signedIn();
    noConsent.consent.reset();
    CHECK(decide(r, noConsent).error == "consent_required");
    auto low = r;
    low.requiredLoa = Loa::Loa3;
    CHECK(decide(low, signedIn()).error == "unmet_authentication_requirements");
    auto old = r;
    old.maxAge = 60;
    CHECK(decide(old, signedIn()).error == "login_required");
    auto fine = decide(r, signedIn());
    CHECK(fine.step == AuthorizationStep::IssueCode);
    CHECK(fine.error.empty());
}

TEST_CASE("The session's methods as RFC 8176 amr values", "[oidc][authorize]") {
    CHECK(amrValues("pwd otp") == std::vector<std::string>{"pwd", "otp", "mfa"});
    CHECK(amrValues("pwd email") == std::vector<std::string>{"pwd", "mca", "mfa"});
    CHECK(amrValues("pwd rec") == std::vector<std::string>{"pwd", "mfa"});
    CHECK(amrValues("pwd") == std::vector<std::string>{"pwd"});
    CHECK(amrValues("").empty());
}
