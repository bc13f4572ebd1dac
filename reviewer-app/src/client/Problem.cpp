#include "client/Problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tessera::reviewer {

namespace {

// A sentence for an error answer that carried no problem document.
QString detailForStatus(int status) {
    if (status == 401) return Problem::tr("You are not signed in, or your sign-in has ended. Sign in again.");
    if (status == 403) return Problem::tr("You are not allowed to do this.");
    if (status == 404) return Problem::tr("The server does not know this item.");
    if (status == 409) return Problem::tr("This has changed on the server. Refresh and try again.");
    if (status == 413) return Problem::tr("This is too large for the server.");
    if (status == 429) return Problem::tr("The server is busy. Wait a moment and try again.");
    if (status >= 500) return Problem::tr("The server could not do this just now. Try again in a moment.");
    return Problem::tr("The server refused the request.");
}

}  // namespace

QString Problem::message() const {
    if (!detail.isEmpty()) return detail;
    if (!title.isEmpty()) return title;
    return detailForStatus(status);
}

QString Problem::fieldMessage(const QString& field) const {
    for (const ProblemField& f : fieldErrors)
        if (f.field == field) return f.message;
    return {};
}

bool Problem::isTransient() const {
    return networkError || status >= 500 || status == 429 || code == "request_in_progress";
}

Problem problemFromAnswer(int status, const QByteArray& contentType, const QByteArray& body) {
    Problem problem;
    problem.status = status;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const bool isProblem = contentType.startsWith("application/problem+json") ||
                           (contentType.startsWith("application/json") && json.contains("title"));
    if (isProblem && !json.isEmpty()) {
        problem.type = json["type"].toString();
        problem.code = json["code"].toString();
        if (problem.code.isEmpty() && problem.type.contains('/')) problem.code = problem.type.section('/', -1);
        problem.title = json["title"].toString();
        problem.detail = json["detail"].toString();
        problem.instance = json["instance"].toString();
        for (const QJsonValue& value : json["errors"].toArray()) {
            const QJsonObject e = value.toObject();
            problem.fieldErrors.append({e["field"].toString(), e["code"].toString(), e["message"].toString()});
        }
    }
    if (problem.code.isEmpty()) problem.code = QString("http_%1").arg(status);
    if (problem.detail.isEmpty() && problem.title.isEmpty()) problem.detail = detailForStatus(status);
    return problem;
}

Problem localProblem(const char* code, const QString& detail, bool networkError) {
    Problem problem;
    problem.code = QString::fromLatin1(code);
    problem.type = "/problems/" + problem.code;
    problem.detail = detail;
    problem.networkError = networkError;
    return problem;
}

}  // namespace tessera::reviewer
