#pragma once
// The administration API's calls (/api/v1/admin/*, admin role) as the admin pages need them,
// over the one ApiClient: connected services (list, read, create, change, disable, rotate the
// secret), terms versions (list, read, draft, edit, publish, delete a draft) and staff roles
// (find accounts, grant, revoke). Changes to an existing service or draft quote the ETag they
// were based on (If-Match): the server refuses with 412 when someone else changed it meanwhile.
// Every answer comes once, later, on the event loop, unless `context` is gone by then.
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>

#include "client/AdminTypes.h"
#include "client/ApiClient.h"

namespace tessera::reviewer {

class AdminApi {
public:
    template <class T>
    using Done = std::function<void(const ApiResult<T>&)>;

    // What a finished call with no content answers (e.g. a draft deleted).
    struct Nothing {};

    explicit AdminApi(ApiClient& client) : client_(client) {}

    ApiClient& client() { return client_; }

    void listServices(const QString& after, int limit, QObject* context, Done<ServicePage> done);
    void readService(const QString& id, QObject* context, Done<ServiceRecord> done);
    // `fields` as the service JSON (name, redirectUris, ...); the answer carries the new secret.
    void createService(const QJsonObject& fields, QObject* context, Done<ServiceWithSecret> done);
    // Only the members in `changes` change; `etag` is the service's as it was read.
    void updateService(const QString& id, const QJsonObject& changes, const QByteArray& etag, QObject* context,
                       Done<ServiceRecord> done);
    void disableService(const QString& id, QObject* context, Done<ServiceRecord> done);
    void rotateSecret(const QString& id, QObject* context, Done<ServiceWithSecret> done);
    // The client types, grants, scopes, claims, ... a service may be given.
    void serviceVocabulary(QObject* context, Done<ServiceVocabulary> done);

    // `kind` and `language` filter when not empty.
    void listTerms(const QString& kind, const QString& language, const QString& after, QObject* context,
                   Done<TermsVersionPage> done);
    void readTerms(const QString& id, QObject* context, Done<TermsVersion> done);
    // kind, language, title, body, summaryOfChanges (and translationOf).
    void createTermsDraft(const QJsonObject& fields, QObject* context, Done<TermsVersion> done);
    void editTermsDraft(const QString& id, const QJsonObject& changes, const QByteArray& etag, QObject* context,
                        Done<TermsVersion> done);
    // Publishes the draft to take effect at `effectiveAt` (invalid: the server's default, now).
    void publishTerms(const QString& id, const QDateTime& effectiveAt, const QByteArray& etag, QObject* context,
                      Done<TermsVersion> done);
    void deleteTermsDraft(const QString& id, const QByteArray& etag, QObject* context, Done<Nothing> done);

    // Accounts whose email or name contains `query`, or (with `role`) that hold that role.
    void searchAccounts(const QString& query, const QString& role, const QString& after, QObject* context,
                        Done<AccountPage> done);
    void grantRole(const QString& accountId, const QString& role, QObject* context, Done<StaffAccount> done);
    void revokeRole(const QString& accountId, const QString& role, QObject* context, Done<StaffAccount> done);

    static QString servicePath(const QString& id);
    static QString termsPath(const QString& id);
    static QString rolePath(const QString& accountId, const QString& role);

private:
    template <class T>
    void call(const ApiRequest& request, QObject* context, ApiResult<T> (*read)(const ApiResponse&), Done<T> done);

    ApiClient& client_;
};

}  // namespace tessera::reviewer
