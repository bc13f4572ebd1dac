#pragma once
// Helpers of the administration tests: a real server with the demo administrator signed in and
// an AdminApi speaking for them, and a way to wait for one asynchronous answer.
#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <optional>
#include <string>

#include "client/AdminApi.h"
#include "client/ApiAuth.h"
#include "client/ApiClient.h"
#include "support/EventLoopWait.h"
#include "support/RunningServer.h"
#include "support/StaffSignIn.h"

namespace tessera::reviewer::test {

// Starts a call that reports through a Done<T> callback and waits for its answer; nullopt if none
// came within `timeoutMs`.
template <class T>
std::optional<ApiResult<T>> awaitAdmin(const std::function<void(AdminApi::Done<T>)>& start, int timeoutMs = 20'000) {
    std::optional<ApiResult<T>> answer;
    start([&answer](const ApiResult<T>& result) { answer = result; });
    waitFor([&answer] { return answer.has_value(); }, timeoutMs);
    return answer;
}

// What came back, for a failure message: "ok", "no answer", or the problem.
template <class T>
std::string describeAnswer(const std::optional<ApiResult<T>>& answer) {
    if (!answer) return "no answer";
    if (answer->ok()) return "ok";
    const Problem& p = answer->problem();
    QString fields;
    for (const auto& f : p.fieldErrors) fields += QStringLiteral(" [%1: %2]").arg(f.field, f.message);
    return QString("%1 %2: %3%4").arg(p.status).arg(p.code, p.message(), fields).toStdString();
}

// The value of a call that must succeed.
template <class T>
T require(const std::optional<ApiResult<T>>& answer) {
    INFO(describeAnswer(answer));
    REQUIRE(answer);
    REQUIRE(answer->ok());
    return answer->value();
}

// A real server with demo data and the demo administrator (admin@demo.tessera.localhost) signed
// in; `client` and `api` speak for them (the session's cookie and CSRF token, which the server
// takes on /api/v1/admin/* as it takes the workstation's bearer token).
struct AdminAtServer {
    RunningServer server;
    StaffSession admin = signInAs(server, "admin");
    ApiClient client{server.url()};
    AdminApi api{client};

    AdminAtServer() {
        reviewer::HeaderList headers;
        for (const auto& [name, value] : admin.headers()) headers.append({name, value});
        client.setAuth(fixedHeaderAuth(headers));
    }

    // A valid new service's fields.
    static QJsonObject serviceFields(const QString& name) {
        return QJsonObject{{"name", name},
                           {"description", "A service for the tests"},
                           {"redirectUris", QJsonArray{"https://service.example/callback"}}};
    }

    ServiceWithSecret createService(const QString& name) {
        return require(awaitAdmin<ServiceWithSecret>([&](auto done) { api.createService(serviceFields(name), nullptr, done); }));
    }

    // Every page of the list.
    QList<ServiceRecord> allServices() {
        QList<ServiceRecord> all;
        QString after;
        do {
            const auto page = require(awaitAdmin<ServicePage>([&](auto done) { api.listServices(after, 100, nullptr, done); }));
            all.append(page.items);
            after = page.next;
        } while (!after.isEmpty());
        return all;
    }

    TermsVersion createDraft(const QString& language, const QString& title) {
        const QJsonObject fields{{"kind", "terms_of_service"},
                                 {"language", language},
                                 {"title", title},
                                 {"body", "# " + title + "\n\nYou agree to **these** terms."},
                                 {"summaryOfChanges", "Clearer wording"}};
        return require(awaitAdmin<TermsVersion>([&](auto done) { api.createTermsDraft(fields, nullptr, done); }));
    }

    StaffAccount findAccount(const QString& email) {
        const auto page = require(awaitAdmin<AccountPage>([&](auto done) { api.searchAccounts(email, {}, {}, nullptr, done); }));
        for (const auto& a : page.items)
            if (a.email == email) return a;
        FAIL("no account " << email.toStdString());
        return {};
    }
};

}  // namespace tessera::reviewer::test
