#pragma once
// Helpers of the client-layer tests: a real server with a signed-in reviewer and an ApiClient
// speaking for them, and a way to wait for one asynchronous answer.
#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <optional>

#include "client/ApiClient.h"
#include "client/ReviewApi.h"
#include "support/EventLoopWait.h"
#include "support/RunningServer.h"
#include "support/StaffSignIn.h"

namespace tessera::reviewer::test {

// Starts a call that reports through a Done<T> callback and waits for its answer; nullopt if none
// came within `timeoutMs`.
template <class T>
std::optional<ApiResult<T>> await(const std::function<void(ReviewApi::Done<T>)>& start, int timeoutMs = 20'000) {
    std::optional<ApiResult<T>> answer;
    start([&answer](const ApiResult<T>& result) { answer = result; });
    waitFor([&answer] { return answer.has_value(); }, timeoutMs);
    return answer;
}

// What came back, for a failure message: "ok", "no answer", or the problem.
template <class T>
std::string describe(const std::optional<ApiResult<T>>& answer) {
    if (!answer) return "no answer";
    if (answer->ok()) return "ok";
    const Problem& p = answer->problem();
    return QString("%1 %2: %3").arg(p.status).arg(p.code, p.message()).toStdString();
}

// The session's cookie and CSRF token as the ApiClient's credentials.
inline ApiAuth sessionAuth(const StaffSession& session) {
    HeaderList headers;
    for (const auto& [name, value] : session.headers()) headers.append({name, value});
    return fixedHeaderAuth(headers);
}

// A real server (two cases waiting: Eilidh's and Seán's) and the demo reviewer signed in,
// speaking through `client`/`api`.
struct ReviewerAtServer {
    RunningServer server;
    StaffSession reviewer = signInAs(server, "reviewer");
    ApiClient client{server.url()};
    ReviewApi api{client};

    ReviewerAtServer() { client.setAuth(sessionAuth(reviewer)); }

    // Claims the next case; its id.
    QString claimNext() {
        auto claimed = await<QJsonObject>([&](auto done) { api.claimNext({}, nullptr, done); });
        INFO(describe(claimed));
        REQUIRE((claimed && claimed->ok()));
        return claimed->value()["id"].toString();
    }

    QJsonObject readCase(const QString& caseId) {
        auto read = await<QJsonObject>([&](auto done) { api.readCase(caseId, nullptr, done); });
        INFO(describe(read));
        REQUIRE((read && read->ok()));
        return read->value();
    }

    // The decisions in the case's history on the server (approved, rejected or flagged events).
    int decisionsInHistory(const QString& caseId) {
        int decisions = 0;
        for (const QJsonValue& event : readCase(caseId)["history"].toArray()) {
            const QString name = event.toObject()["event"].toString();
            if (name == "approved" || name == "rejected" || name == "flagged") ++decisions;
        }
        return decisions;
    }
};

}  // namespace tessera::reviewer::test
