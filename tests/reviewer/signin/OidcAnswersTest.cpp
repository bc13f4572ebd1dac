// What the workstation accepts from the server's OpenID Connect before it trusts it: the
// discovery document, token answers, the ID token of this very sign-in, and when it refreshes.
#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "signin/IdTokenCheck.h"
#include "signin/OidcDiscovery.h"
#include "signin/RefreshSchedule.h"
#include "signin/TokenSet.h"

using namespace tessera::reviewer;

namespace {

const QUrl kServer(QStringLiteral("https://id.example.gov"));

QJsonObject discovery() {
    return QJsonObject{
        {"issuer", "https://id.example.gov"},
        {"authorization_endpoint", "https://id.example.gov/oauth2/authorize"},
        {"token_endpoint", "https://id.example.gov/oauth2/token"},
        {"revocation_endpoint", "https://id.example.gov/oauth2/revoke"},
        {"end_session_endpoint", "https://id.example.gov/oauth2/logout"},
        {"code_challenge_methods_supported", QJsonArray{"S256"}},
    };
}

QByteArray json(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

QString idToken(const QJsonObject& claims) {
    const auto part = [](const QByteArray& b) {
        return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return QString::fromLatin1(part(R"({"alg":"ES256","kid":"k1"})") + '.' + part(json(claims)) + '.' +
                               part("signature"));
}

QJsonObject goodClaims() {
    return QJsonObject{{"iss", "https://id.example.gov"}, {"aud", "tessera-reviewer"}, {"sub", "abc"},
                       {"nonce", "n-123"}, {"exp", 2000}, {"iat", 1400}};
}

const IdTokenExpectation kExpected{"https://id.example.gov", "tessera-reviewer", "n-123", 1500, 300};

}  // namespace

TEST_CASE("discovery gives the endpoints of the server the workstation was pointed at", "[signin][discovery]") {
    const auto result = parseDiscovery(json(discovery()), kServer);
    REQUIRE(result.endpoints);
    CHECK(result.endpoints->issuer == "https://id.example.gov");
    CHECK(result.endpoints->authorization == QUrl("https://id.example.gov/oauth2/authorize"));
    CHECK(result.endpoints->token == QUrl("https://id.example.gov/oauth2/token"));
    CHECK(result.endpoints->revocation == QUrl("https://id.example.gov/oauth2/revoke"));
    CHECK(discoveryUrlFor(QUrl("https://id.example.gov/")) ==
          QUrl("https://id.example.gov/.well-known/openid-configuration"));
}

TEST_CASE("discovery that does not fit is refused with a reason", "[signin][discovery]") {
    auto o = discovery();
    SECTION("another issuer") { o["issuer"] = "https://elsewhere.example"; }
    SECTION("a token endpoint without TLS") { o["token_endpoint"] = "http://id.example.gov/oauth2/token"; }
    SECTION("no authorization endpoint") { o.remove("authorization_endpoint"); }
    SECTION("no PKCE S256") { o["code_challenge_methods_supported"] = QJsonArray{"plain"}; }
    const auto result = parseDiscovery(json(o), kServer);
    CHECK_FALSE(result.endpoints);
    CHECK(result.problem.kind == SignInProblem::Kind::Misconfigured);
    CHECK_FALSE(result.problem.message.isEmpty());
    CHECK_FALSE(parseDiscovery("not json", kServer).endpoints);
}

TEST_CASE("plain http endpoints are accepted on the reviewer's own machine only", "[signin][discovery]") {
    QJsonObject o = discovery();
    for (const char* key : {"authorization_endpoint", "token_endpoint", "revocation_endpoint", "end_session_endpoint"})
        o[key] = o[key].toString().replace("https://id.example.gov", "http://127.0.0.1:8080");
    o["issuer"] = "http://127.0.0.1:8080";
    CHECK(parseDiscovery(json(o), QUrl("http://127.0.0.1:8080")).endpoints);
}

TEST_CASE("a token answer gives the tokens and when the access token ends", "[signin][tokens]") {
    const auto tokens = parseTokenResponse(json({{"access_token", "at"}, {"token_type", "Bearer"}, {"expires_in", 600},
                                                 {"refresh_token", "rt"}, {"scope", "openid tessera:staff"}}),
                                           1000);
    REQUIRE(tokens);
    CHECK(tokens->accessToken == "at");
    CHECK(tokens->refreshToken == "rt");
    CHECK(tokens->expiresAt == 1600);
    CHECK(tokens->lifetime == 600);
    CHECK_FALSE(parseTokenResponse(json({{"token_type", "Bearer"}}), 1000));
    CHECK_FALSE(parseTokenResponse(json({{"access_token", "at"}, {"token_type", "MAC"}}), 1000));
    const auto error = parseOAuthError(json({{"error", "invalid_grant"}, {"error_description", "used"}}));
    CHECK(error.error == "invalid_grant");
    CHECK(error.description == "used");
}

TEST_CASE("the ID token must be this server's, for this workstation and this sign-in", "[signin][idtoken]") {
    CHECK(checkIdToken(idToken(goodClaims()), kExpected).isEmpty());
    auto audiences = goodClaims();
    audiences["aud"] = QJsonArray{"tessera-reviewer", "other"};
    audiences["azp"] = "tessera-reviewer";
    CHECK(checkIdToken(idToken(audiences), kExpected).isEmpty());

    auto claims = goodClaims();
    SECTION("another issuer") { claims["iss"] = "https://elsewhere.example"; }
    SECTION("another audience") { claims["aud"] = "council-tax"; }
    SECTION("another sign-in's nonce") { claims["nonce"] = "n-999"; }
    SECTION("no nonce") { claims.remove("nonce"); }
    SECTION("expired") { claims["exp"] = 1000; }
    CHECK_FALSE(checkIdToken(idToken(claims), kExpected).isEmpty());
}

TEST_CASE("an ID token that is not a JWT is refused", "[signin][idtoken]") {
    CHECK_FALSE(checkIdToken("", kExpected).isEmpty());
    CHECK_FALSE(checkIdToken("a.b", kExpected).isEmpty());
    CHECK_FALSE(checkIdToken("a.!!!.c", kExpected).isEmpty());
}

TEST_CASE("the access token is refreshed a margin before it expires", "[signin][refresh]") {
    CHECK(refreshDelaySeconds(600, 600) == 540);  // a fifth of 10 minutes is over the 60 s cap
    CHECK(refreshDelaySeconds(100, 100) == 80);   // a fifth
    CHECK(refreshDelaySeconds(20, 20) == 15);     // at least 5 s early
    CHECK(refreshDelaySeconds(3, 600) == 1);      // already late: soon, but never in a busy loop
    CHECK(refreshDelaySeconds(600, 600, 599) == 1);
    CHECK(refreshDelaySeconds(600, 600, 0) == 600);
}
