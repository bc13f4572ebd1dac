// The API client and the sign-in together, as the app wires them: the bearer token comes from
// SignIn, and an answer 401 makes SignIn refresh it once before the call is sent again; when the
// server no longer accepts the sign-in, both say the reviewer must sign in again.
#include <catch2/catch.hpp>

#include "SignInServer.h"
#include "Workstation.h"
#include "client/ApiClient.h"
#include "support/EventLoopWait.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

ApiAuth authFrom(SignIn& signIn) {
    return bearerAuth([&signIn] { return signIn.accessToken().toLatin1(); },
                      [&signIn](std::function<void(bool)> done) { signIn.refreshNow(std::move(done)); });
}

std::optional<SignInProblem> revoke(SignIn& signIn, const QString& token, TokenKind kind) {
    std::optional<std::optional<SignInProblem>> answer;
    QObject context;
    requestRevocation(signIn.network(), *signIn.client(), token, kind, &context,
                      [&](std::optional<SignInProblem> p) { answer = std::move(p); });
    REQUIRE(waitFor([&] { return answer.has_value(); }));
    return *answer;
}

std::optional<ApiReply> call(ApiClient& api, const ApiRequest& request) {
    std::optional<ApiReply> reply;
    QObject context;
    api.send(request, &context, [&](const ApiReply& r) { reply = r; });
    waitFor([&] { return reply.has_value(); }, 30'000);
    return reply;
}

}  // namespace

TEST_CASE("an API call answered 401 gets a refreshed token and goes through", "[signin][server][api]") {
    auto& server = SignInServer::shared();
    Workstation ws(server.url(), server.reviewerSession());
    REQUIRE(ws.signInThroughBrowser());
    ApiClient api(server.url());
    api.setAuth(authFrom(ws.signIn));
    REQUIRE_FALSE(revoke(ws.signIn, ws.signIn.accessToken(), TokenKind::Access));  // as if it had expired

    const auto reply = call(api, ApiRequest::get("/api/v1/staff/me"));
    REQUIRE(reply);
    REQUIRE(reply->ok());
    CHECK(reply->value().json.object().value("email").toString() == "reviewer@demo.tessera.localhost");
    CHECK(ws.refreshes == 1);
    CHECK(ws.signIn.state() == SignIn::State::SignedIn);
}

TEST_CASE("when the server has ended the sign-in, an API call asks the reviewer to sign in again",
          "[signin][server][api]") {
    auto& server = SignInServer::shared();
    Workstation ws(server.url(), server.reviewerSession());
    REQUIRE(ws.signInThroughBrowser());
    ApiClient api(server.url());
    api.setAuth(authFrom(ws.signIn));
    int signInRequired = 0;
    QObject::connect(&api, &ApiClient::signInRequired, [&] { ++signInRequired; });
    // The grant ends at the server (as when an administrator revokes it, or it reached its limit).
    REQUIRE_FALSE(revoke(ws.signIn, ws.signIn.refreshTokenForTests(), TokenKind::Refresh));

    const auto reply = call(api, ApiRequest::get("/api/v1/staff/me"));
    REQUIRE(reply);
    CHECK_FALSE(reply->ok());
    CHECK(signInRequired == 1);
    REQUIRE(ws.ended.size() == 1);
    CHECK(ws.ended[0].reason == SessionEnd::Reason::Refused);
    CHECK(ws.signIn.state() == SignIn::State::SignedOut);
    CHECK(ws.signIn.accessToken().isEmpty());
}
