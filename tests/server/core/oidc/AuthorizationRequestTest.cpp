// The authorization request's rules, one at a time: which errors may go back to the service
// (redirectable, with state) and which must only be shown to the citizen (unknown client,
// unregistered redirect URI: never redirect to an unverified URI).
#include <catch2/catch.hpp>

#include "core/oidc/AuthorizationRequest.h"
#include "support/AuthBuilders.h"
#include "support/AssuranceOidcBuilders.h"
#include "support/AuthorizationBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::oidc::AuthorizationError;
using core::oidc::AuthorizationParameters;
using core::oidc::AuthorizationRequest;

namespace {

struct Fixture {
    AuthTestContext auth{"sqlite"};
    core::ServiceStore store{auth.db()};
    core::Service web = makeService(auth.ctx(), signInService()).service;
    core::Service app = makeService(auth.ctx(), loopbackApp()).service;

    core::oidc::ParsedAuthorizationRequest parse(const AuthorizationParameters& p) {
        return core::oidc::parseAuthorizationRequest(p, store, core::oidc::AcrValues());
    }
    AuthorizationRequest accepted(const AuthorizationParameters& p) {
        auto parsed = parse(p);
        if (auto* e = std::get_if<AuthorizationError>(&parsed)) FAIL(e->error << ": " << e->description);
        return std::get<AuthorizationRequest>(parsed);
    }
    AuthorizationError refused(const AuthorizationParameters& p) {
        auto parsed = parse(p);
        REQUIRE(std::holds_alternative<AuthorizationError>(parsed));
        return std::get<AuthorizationError>(parsed);
    }
    AuthorizationParameters valid() { return authorizeParameters(web); }
};

void shownOnly(const AuthorizationError& e, const std::string& error) {
    CHECK(e.error == error);
    CHECK_FALSE(e.redirectable);
    CHECK(e.redirectUri.empty());
    CHECK(e.state.empty());
}

void sentBack(const AuthorizationError& e, const std::string& error, const std::string& state = "af0ifjsldkj") {
    CHECK(e.error == error);
    CHECK(e.redirectable);
    CHECK(e.redirectUri == kServiceRedirect);
    CHECK(e.state == state);
    CHECK(e.description.find('"') == std::string::npos);  // RFC 6749: no " or \ in error_description
    CHECK(e.description.find('\\') == std::string::npos);
}

}  // namespace

TEST_CASE("A valid request is read with every part a service sent", "[oidc][authorize]") {
    Fixture f;
    auto r = f.accepted(with(with(with(f.valid(), "scope", "openid profile email address offline_access"),
                                  "login_hint", "ada@example.org"),
                             "max_age", "600"));
    CHECK(r.service.id == f.web.id);
    CHECK(r.redirectUri == kServiceRedirect);
    CHECK(r.scopes == std::vector<std::string>{"openid", "profile", "email", "address", "offline_access"});
    // The claims those scopes stand for that the service may receive, in the vocabulary's order.
    CHECK(r.claims == std::vector<std::string>{"name", "email", "email_verified", "birthdate", "address"});
    CHECK(r.state == "af0ifjsldkj");
    CHECK(r.nonce == "n-0S6_WzA2Mj");
    CHECK(r.codeChallenge == kPkceChallenge);
    CHECK(r.codeChallengeMethod == "S256");
    CHECK(r.maxAge == 600);
    CHECK(r.loginHint == "ada@example.org");
    CHECK_FALSE(r.prompt.none);
    CHECK(r.requiredLoa == Loa::Loa0);
    CHECK(r.parameters.size() == f.valid().size() + 2);
}

TEST_CASE("Requests whose client or redirect URI cannot be trusted are never redirected", "[oidc][authorize]") {
    Fixture f;
    shownOnly(f.refused(with(f.valid(), "client_id", std::nullopt)), "invalid_request");
    shownOnly(f.refused(with(f.valid(), "client_id", "no-such-client")), "invalid_client");
    shownOnly(f.refused(with(f.valid(), "redirect_uri", std::nullopt)), "invalid_request");
    auto twice = f.valid();
    twice.emplace_back("client_id", f.web.clientId);
    shownOnly(f.refused(twice), "invalid_request");
    auto twoRedirects = f.valid();
    twoRedirects.emplace_back("redirect_uri", kServiceRedirect);
    shownOnly(f.refused(twoRedirects), "invalid_request");

    auto disabled = core::ServiceRegistry(f.auth.ctx()).disable(f.web.id, {"test-admin", ""});
    REQUIRE(disabled);
    shownOnly(f.refused(f.valid()), "invalid_client");
}

TEST_CASE("Open-redirect attempts: only a registered redirect URI, exactly", "[oidc][authorize]") {
    Fixture f;
    for (const std::string uri : {
             "https://council.example/callback/extra",       // extra path
             "https://council.example/callback?next=x",      // extra query
             "https://council.example/callback#frag",        // fragment
             "https://council.example:8443/callback",        // another port on a non-loopback host
             "https://council.example@evil.example/callback",  // userinfo trick: the host is evil.example
             "https://evil.example/council.example/callback",
             "https://council.example.evil.example/callback",
             "http://council.example/callback",              // http instead of https
             "https://COUNCIL.example/callback",             // not byte for byte
             "https://council.example/callback/",
             "https://council.example/%63allback",           // an encoded variant
             "https://council.example/callback\t",
             "//council.example/callback",
             "javascript:alert(1)",
         }) {
        INFO(uri);
        shownOnly(f.refused(with(f.valid(), "redirect_uri", uri)), "invalid_request");
    }
}

TEST_CASE("A loopback redirect URI matches on any port, and only on the port", "[oidc][authorize]") {
    Fixture f;
    const auto base = authorizeParameters(f.app, kLoopbackRedirect);
    for (const std::string uri : {"http://127.0.0.1/callback", "http://127.0.0.1:53124/callback", "http://127.0.0.1:1/callback"}) {
        INFO(uri);
        CHECK(f.accepted(with(base, "redirect_uri", uri)).redirectUri == uri);
    }
    for (const std::string uri : {
             "http://127.0.0.1:53124/callback/x", "http://127.0.0.1:53124/other", "http://localhost:53124/callback",
             "http://[::1]:53124/callback", "https://127.0.0.1:53124/callback", "http://127.0.0.1:53124/%63allback",
             "http://evil.example@127.0.0.1:53124/callback", "http://127.0.0.1:53124@evil.example/callback",
             "http://127.0.0.1:53124/callback?x=1", "http://127.0.0.1:53124/callback#x", "http://127.0.0.1.evil.example/callback",
         }) {
        INFO(uri);
        auto e = f.refused(with(base, "redirect_uri", uri));
        CHECK_FALSE(e.redirectable);
    }
}

TEST_CASE("Errors after the redirect URI is trusted go back to the service with the state", "[oidc][authorize]") {
    Fixture f;
    sentBack(f.refused(with(f.valid(), "response_type", std::nullopt)), "invalid_request");
    sentBack(f.refused(with(f.valid(), "response_type", "token")), "unsupported_response_type");
    sentBack(f.refused(with(f.valid(), "response_type", "code id_token")), "unsupported_response_type");
    sentBack(f.refused(with(f.valid(), "response_mode", "fragment")), "invalid_request");
    sentBack(f.refused(with(f.valid(), "response_mode", "form_post")), "invalid_request");
    CHECK(f.accepted(with(f.valid(), "response_mode", "query")).redirectUri == kServiceRedirect);
    sentBack(f.refused(with(f.valid(), "request", "eyJhbGciOiJub25lIn0.e30.")), "request_not_supported");
    sentBack(f.refused(with(f.valid(), "request_uri", "https://council.example/request.jwt")), "request_uri_not_supported");
    sentBack(f.refused(with(f.valid(), "registration", "{}")), "registration_not_supported");
    auto repeated = f.valid();
    repeated.emplace_back("nonce", "another");
    sentBack(f.refused(repeated), "invalid_request");
}

TEST_CASE("Scope must contain openid – known scopes the service may not use are refused, unknown ones ignored",
          "[oidc][authorize]") {
    Fixture f;
    sentBack(f.refused(with(f.valid(), "scope", std::nullopt)), "invalid_scope");
    sentBack(f.refused(with(f.valid(), "scope", "profile email")), "invalid_scope");
    sentBack(f.refused(with(f.valid(), "scope", "openid phone")), "invalid_scope");
    sentBack(f.refused(with(f.valid(), "scope", "openid  profile")), "invalid_scope");
    sentBack(f.refused(with(f.valid(), "scope", "openid \"x\"")), "invalid_scope");
    auto r = f.accepted(with(f.valid(), "scope", "openid urn:example:unknown email"));
    CHECK(r.scopes == std::vector<std::string>{"openid", "email"});
    CHECK(r.claims == std::vector<std::string>{"email", "email_verified"});
    CHECK(f.accepted(with(f.valid(), "scope", "openid")).claims.empty());
}

TEST_CASE("A service without the code grant is told unauthorized_client", "[oidc][authorize]") {
    Fixture f;
    auto changes = signInService("Reporting");
    changes.grantTypes = std::vector<std::string>{"client_credentials"};
    changes.allowedScopes = std::vector<std::string>{};
    changes.allowedClaims = std::vector<std::string>{};
    auto reporting = makeService(f.auth.ctx(), changes).service;
    sentBack(f.refused(authorizeParameters(reporting)), "unauthorized_client");
}

TEST_CASE("state and nonce: at most 512 printable characters – a bad state is not sent back", "[oidc][authorize]") {
    Fixture f;
    CHECK(f.accepted(with(f.valid(), "state", std::string(512, 's'))).state.size() == 512);
    sentBack(f.refused(with(f.valid(), "state", std::string(513, 's'))), "invalid_request", "");
    sentBack(f.refused(with(f.valid(), "state", "a\nb")), "invalid_request", "");
    sentBack(f.refused(with(f.valid(), "nonce", std::string(513, 'n'))), "invalid_request");
    sentBack(f.refused(with(f.valid(), "nonce", "\x01")), "invalid_request");
    // Empty values count as absent.
    CHECK(f.accepted(with(f.valid(), "state", "")).state.empty());
    auto noState = f.refused(with(with(f.valid(), "state", std::nullopt), "response_type", "token"));
    CHECK(noState.state.empty());
}

TEST_CASE("PKCE: S256 only, required of public clients", "[oidc][authorize]") {
    Fixture f;
    sentBack(f.refused(with(f.valid(), "code_challenge_method", "plain")), "invalid_request");
    sentBack(f.refused(with(f.valid(), "code_challenge_method", std::nullopt)), "invalid_request");  // means plain
    sentBack(f.refused(with(f.valid(), "code_challenge", std::nullopt)), "invalid_request");  // a method alone
    sentBack(f.refused(with(f.valid(), "code_challenge", std::string(42, 'a'))), "invalid_request");
    sentBack(f.refused(with(f.valid(), "code_challenge", std::string(129, 'a'))), "invalid_request");
    sentBack(f.refused(with(f.valid(), "code_challenge", std::string(43, 'a') + "+")), "invalid_request");
    // A confidential client may go without.
    auto confidential = f.accepted(with(with(f.valid(), "code_challenge", std::nullopt), "code_challenge_method", std::nullopt));
    CHECK(confidential.codeChallenge.empty());
    CHECK(confidential.codeChallengeMethod.empty());
    // A public one may not.
    auto app = with(with(authorizeParameters(f.app, kLoopbackRedirect), "code_challenge", std::nullopt),
                    "code_challenge_method", std::nullopt);
    auto e = f.refused(app);
    CHECK(e.error == "invalid_request");
    CHECK(e.redirectable);
    CHECK(e.redirectUri == kLoopbackRedirect);
}

TEST_CASE("prompt: none alone, login, consent, select_account", "[oidc][authorize]") {
    Fixture f;
    CHECK(f.accepted(with(f.valid(), "prompt", "none")).prompt.none);
    auto both = f.accepted(with(f.valid(), "prompt", "login consent"));
    CHECK(both.prompt.login);
    CHECK(both.prompt.consent);
    CHECK_FALSE(both.prompt.none);
    CHECK_FALSE(f.accepted(with(f.valid(), "prompt", "select_account")).prompt.login);
    sentBack(f.refused(with(f.valid(), "prompt", "none login")), "invalid_request");
    sentBack(f.refused(with(f.valid(), "prompt", "none consent")), "invalid_request");
    sentBack(f.refused(with(f.valid(), "prompt", "create")), "invalid_request");
}

TEST_CASE("max_age is a non-negative number of seconds", "[oidc][authorize]") {
    Fixture f;
    CHECK(f.accepted(with(f.valid(), "max_age", "0")).maxAge == 0);
    CHECK_FALSE(f.accepted(f.valid()).maxAge.has_value());
    for (const std::string bad : {"-1", "abc", "1.5", " 60", "99999999999"}) {
        INFO(bad);
        sentBack(f.refused(with(f.valid(), "max_age", bad)), "invalid_request");
    }
}

TEST_CASE("login_hint is kept only when it is an email address – ui_locales picks the pages' language",
          "[oidc][authorize]") {
    Fixture f;
    CHECK(f.accepted(with(f.valid(), "login_hint", "not an email")).loginHint.empty());
    CHECK(f.accepted(with(f.valid(), "login_hint", " Ada@Example.ORG ")).loginHint == "Ada@example.org");
    CHECK(f.accepted(with(f.valid(), "ui_locales", "de fr-CA en")).uiLanguage == "fr");
    CHECK(f.accepted(with(f.valid(), "ui_locales", "GD")).uiLanguage == "gd");
    CHECK(f.accepted(with(f.valid(), "ui_locales", "de es")).uiLanguage.empty());
    sentBack(f.refused(with(f.valid(), "ui_locales", std::string(300, 'x'))), "invalid_request");
}

TEST_CASE("acr_values and an essential acr claim raise the required level – never below the service's minimum",
          "[oidc][authorize][loa]") {
    Fixture f;
    CHECK(f.accepted(with(f.valid(), "acr_values", "urn:tessera:loa:2")).requiredLoa == Loa::Loa2);
    // Any of several will do: the lowest known counts; unknown values are ignored.
    CHECK(f.accepted(with(f.valid(), "acr_values", "urn:tessera:loa:3 urn:tessera:loa:1 urn:other")).requiredLoa ==
          Loa::Loa1);
    CHECK(f.accepted(with(f.valid(), "acr_values", "urn:other:gold")).requiredLoa == Loa::Loa0);
    const std::string essential = R"({"id_token":{"acr":{"essential":true,"values":["urn:tessera:loa:3"]}}})";
    CHECK(f.accepted(with(f.valid(), "claims", essential)).requiredLoa == Loa::Loa3);
    const std::string voluntary = R"({"id_token":{"acr":{"values":["urn:tessera:loa:3"]}}})";
    CHECK(f.accepted(with(f.valid(), "claims", voluntary)).requiredLoa == Loa::Loa0);

    auto changes = signInService("Benefits");
    changes.minLoa = 2;
    auto benefits = makeService(f.auth.ctx(), changes).service;
    CHECK(f.accepted(authorizeParameters(benefits)).requiredLoa == Loa::Loa2);
    CHECK(f.accepted(with(authorizeParameters(benefits), "acr_values", "urn:tessera:loa:1")).requiredLoa == Loa::Loa2);
    CHECK(f.accepted(with(authorizeParameters(benefits), "acr_values", "urn:tessera:loa:3")).requiredLoa == Loa::Loa3);
}

TEST_CASE("acr values as the deployment configured them: the custom names count, the defaults do not",
          "[oidc][authorize][loa]") {
    Fixture f;
    const core::oidc::AcrValues custom(policyWithAcrs({"https://id.example.gov/basic", "https://id.example.gov/low",
                                                       "https://id.example.gov/medium", "https://id.example.gov/high"}));
    auto parse = [&](const AuthorizationParameters& p) {
        auto parsed = core::oidc::parseAuthorizationRequest(p, f.store, custom);
        REQUIRE(std::holds_alternative<AuthorizationRequest>(parsed));
        return std::get<AuthorizationRequest>(parsed);
    };
    CHECK(parse(with(f.valid(), "acr_values", "https://id.example.gov/medium")).requiredLoa == Loa::Loa2);
    CHECK(parse(with(f.valid(), "acr_values", "urn:tessera:loa:3")).requiredLoa == Loa::Loa0);
    const std::string essential = R"({"id_token":{"acr":{"essential":true,"value":"https://id.example.gov/high"}}})";
    CHECK(parse(with(f.valid(), "claims", essential)).requiredLoa == Loa::Loa3);
}

TEST_CASE("verified_claims: consent asked for it and for each verified detail it names", "[oidc][authorize][ida]") {
    Fixture f;
    auto changes = signInService("Benefits");
    changes.allowedClaims->push_back("verified_claims");
    auto benefits = makeService(f.auth.ctx(), changes).service;
    const std::string asked = verifiedClaimsParameter({"given_name", "address", "email"});
    auto r = f.accepted(with(with(authorizeParameters(benefits), "scope", "openid email"), "claims", asked));
    CHECK(r.claims == std::vector<std::string>{"email", "email_verified", "verified_claims", "verified_given_name",
                                               "verified_address"});
    // A service not allowed verified_claims gets neither it nor its details.
    CHECK(f.accepted(with(with(f.valid(), "scope", "openid"), "claims", asked)).claims.empty());
    auto refused = f.refused(with(f.valid(), "claims", R"({"userinfo":{"verified_claims":{"claims":{"given_name":null}}}})"));
    sentBack(refused, "invalid_request");
    CHECK_THAT(refused.description, Catch::Contains("verification"));
}

TEST_CASE("The claims parameter adds the claims it names that the service may receive", "[oidc][authorize]") {
    Fixture f;
    const std::string claims = R"({"userinfo":{"birthdate":{"essential":true},"phone_number":null},"id_token":{"email":null}})";
    auto r = f.accepted(with(with(f.valid(), "scope", "openid"), "claims", claims));
    CHECK(r.claims == std::vector<std::string>{"email", "birthdate"});  // phone_number: not allowed
    CHECK(r.claimsParameter == claims);
    sentBack(f.refused(with(f.valid(), "claims", "{not json")), "invalid_request");
    sentBack(f.refused(with(f.valid(), "claims", "[1,2]")), "invalid_request");
    sentBack(f.refused(with(f.valid(), "claims", R"({"userinfo":[]})")), "invalid_request");
    sentBack(f.refused(with(f.valid(), "claims", R"({"userinfo":{"email":true}})")), "invalid_request");
    sentBack(f.refused(with(f.valid(), "claims", R"({"id_token":{"acr":{"essential":"yes"}}})")), "invalid_request");
    sentBack(f.refused(with(f.valid(), "claims", R"({"id_token":{"acr":{"values":[2]}}})")), "invalid_request");
    sentBack(f.refused(with(f.valid(), "claims", "{\"userinfo\":{\"x\":null}," + std::string(4200, ' ') + "}")),
             "invalid_request");
}

TEST_CASE("A request larger than 8 KiB is refused without redirecting", "[oidc][authorize]") {
    Fixture f;
    shownOnly(f.refused(with(f.valid(), "x_padding", std::string(8200, 'p'))), "invalid_request");
    AuthorizationParameters many = f.valid();
    for (int i = 0; i < 70; ++i) many.emplace_back("x" + std::to_string(i), "1");
    shownOnly(f.refused(many), "invalid_request");
}
