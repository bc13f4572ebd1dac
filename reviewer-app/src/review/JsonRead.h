#pragma once
// Reading the server's JSON answers member by member. A reader walks one object and remembers
// the first member that is missing or of the wrong type, so a parser reads straight through
// and reports one clear problem (never a crash, never a half-filled model shown as complete).
// Nullable members may be absent or null; required ones must be present with their type.
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include "tessera/shared/Result.h"

namespace tessera::reviewer {

// The error value of an answer that cannot be read: code "malformed_answer" and a sentence
// saying what was wrong and what to do. `what` names the answer ("the review queue").
Error malformedAnswer(const QString& what, const QString& detail);

// The object of a JSON document, or a malformed-answer error.
Result<QJsonObject> parseJsonObject(const QByteArray& json, const QString& what);

class JsonReader {
    Q_DECLARE_TR_FUNCTIONS(JsonReader)

public:
    // `path` names this object in problems: "media[2]".
    JsonReader(const QJsonObject& object, QString path);

    QString text(const char* name);            // a required string
    QString textOrEmpty(const char* name);     // a string, null or absent (then empty)
    qint64 integer(const char* name);          // a required whole number
    bool boolean(const char* name);            // a required true/false
    QDateTime timeOrNull(const char* name);    // an ISO 8601 time, null or absent (then invalid)
    QJsonObject object(const char* name);      // a required object
    QJsonObject objectOrNull(const char* name);  // an object, null or absent (then empty)
    bool has(const char* name) const;          // present and not null
    QJsonArray array(const char* name);        // a required array

    // A problem found while reading a nested object counts as this reader's problem.
    void adopt(const JsonReader& nested);
    void fail(const QString& problem);

    bool ok() const { return problem_.isEmpty(); }
    const QString& problem() const { return problem_; }
    QString pathOf(const char* name) const;

private:
    QJsonValue member(const char* name, bool required);

    QJsonObject object_;
    QString path_;
    QString problem_;
};

}  // namespace tessera::reviewer
