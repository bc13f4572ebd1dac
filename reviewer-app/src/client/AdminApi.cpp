#include "client/AdminApi.h"

namespace tessera::reviewer {

namespace {

const QString kServices = QStringLiteral("/api/v1/admin/services");
const QString kTerms = QStringLiteral("/api/v1/admin/terms");
const QString kAccounts = QStringLiteral("/api/v1/admin/accounts");

ApiResult<AdminApi::Nothing> readNothing(const ApiResponse&) { return AdminApi::Nothing{}; }

void addIfSet(QUrlQuery& query, const QString& name, const QString& value) {
    if (!value.isEmpty()) query.addQueryItem(name, value);
}

}  // namespace

template <class T>
void AdminApi::call(const ApiRequest& request, QObject* context, ApiResult<T> (*read)(const ApiResponse&), Done<T> done) {
    client_.send(request, context, [read, done = std::move(done)](const ApiReply& reply) {
        if (!done) return;
        if (!reply) return done(reply.problem());
        done(read(reply.value()));
    });
}

QString AdminApi::servicePath(const QString& id) { return kServices + "/" + pathSegment(id); }

QString AdminApi::termsPath(const QString& id) { return kTerms + "/" + pathSegment(id); }

QString AdminApi::rolePath(const QString& accountId, const QString& role) {
    return kAccounts + "/" + pathSegment(accountId) + "/roles/" + pathSegment(role);
}

void AdminApi::listServices(const QString& after, int limit, QObject* context, Done<ServicePage> done) {
    QUrlQuery query;
    addIfSet(query, "after", after);
    if (limit > 0) query.addQueryItem("limit", QString::number(limit));
    call(ApiRequest::get(kServices, query), context, &readServicePage, std::move(done));
}

void AdminApi::readService(const QString& id, QObject* context, Done<ServiceRecord> done) {
    call(ApiRequest::get(servicePath(id)), context, &readServiceRecord, std::move(done));
}

void AdminApi::createService(const QJsonObject& fields, QObject* context, Done<ServiceWithSecret> done) {
    call(ApiRequest::post(kServices, fields), context, &readServiceWithSecret, std::move(done));
}

void AdminApi::updateService(const QString& id, const QJsonObject& changes, const QByteArray& etag, QObject* context,
                             Done<ServiceRecord> done) {
    call(ApiRequest::patch(servicePath(id), changes).withIfMatch(etag), context, &readServiceRecord, std::move(done));
}

void AdminApi::disableService(const QString& id, QObject* context, Done<ServiceRecord> done) {
    call(ApiRequest::post(servicePath(id) + "/disable"), context, &readServiceRecord, std::move(done));
}

void AdminApi::serviceVocabulary(QObject* context, Done<ServiceVocabulary> done) {
    call(ApiRequest::get(kServices + QStringLiteral("/vocabulary")), context, &readServiceVocabulary, std::move(done));
}

void AdminApi::rotateSecret(const QString& id, QObject* context, Done<ServiceWithSecret> done) {
    call(ApiRequest::post(servicePath(id) + "/secret"), context, &readServiceWithSecret, std::move(done));
}

void AdminApi::listTerms(const QString& kind, const QString& language, const QString& after, QObject* context,
                         Done<TermsVersionPage> done) {
    QUrlQuery query;
    addIfSet(query, "kind", kind);
    addIfSet(query, "language", language);
    addIfSet(query, "after", after);
    call(ApiRequest::get(kTerms, query), context, &readTermsVersionPage, std::move(done));
}

void AdminApi::readTerms(const QString& id, QObject* context, Done<TermsVersion> done) {
    call(ApiRequest::get(termsPath(id)), context, &readTermsVersion, std::move(done));
}

void AdminApi::createTermsDraft(const QJsonObject& fields, QObject* context, Done<TermsVersion> done) {
    call(ApiRequest::post(kTerms, fields), context, &readTermsVersion, std::move(done));
}

void AdminApi::editTermsDraft(const QString& id, const QJsonObject& changes, const QByteArray& etag, QObject* context,
                              Done<TermsVersion> done) {
    call(ApiRequest::patch(termsPath(id), changes).withIfMatch(etag), context, &readTermsVersion, std::move(done));
}

void AdminApi::publishTerms(const QString& id, const QDateTime& effectiveAt, const QByteArray& etag, QObject* context,
                            Done<TermsVersion> done) {
    QJsonObject body;
    if (effectiveAt.isValid()) body.insert("effectiveAt", effectiveAt.toUTC().toString(Qt::ISODate));
    call(ApiRequest::post(termsPath(id) + "/publish", body).withIfMatch(etag), context, &readTermsVersion,
         std::move(done));
}

void AdminApi::deleteTermsDraft(const QString& id, const QByteArray& etag, QObject* context, Done<Nothing> done) {
    ApiRequest request = ApiRequest::del(termsPath(id));
    if (!etag.isEmpty()) request.withIfMatch(etag);
    request.jsonAnswer = false;
    call(request, context, &readNothing, std::move(done));
}

void AdminApi::searchAccounts(const QString& query, const QString& role, const QString& after, QObject* context,
                              Done<AccountPage> done) {
    QUrlQuery q;
    addIfSet(q, "q", query);
    addIfSet(q, "role", role);
    addIfSet(q, "after", after);
    call(ApiRequest::get(kAccounts, q), context, &readAccountPage, std::move(done));
}

void AdminApi::grantRole(const QString& accountId, const QString& role, QObject* context, Done<StaffAccount> done) {
    ApiRequest request = ApiRequest::put(rolePath(accountId, role), QJsonObject{});
    request.body.clear();
    call(request, context, &readStaffAccount, std::move(done));
}

void AdminApi::revokeRole(const QString& accountId, const QString& role, QObject* context, Done<StaffAccount> done) {
    call(ApiRequest::del(rolePath(accountId, role)), context, &readStaffAccount, std::move(done));
}

}  // namespace tessera::reviewer
