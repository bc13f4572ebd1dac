#include "review/JsonRead.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace tessera::reviewer {

Error malformedAnswer(const QString& what, const QString& detail) {
    //: %1 names the answer ("the review queue"), %2 says what was wrong with it.
    const QString message =
        JsonReader::tr("The server's answer for %1 could not be read (%2). Try again; if it keeps happening, tell support.")
            .arg(what, detail);
    return Error::invalid("malformed_answer", message.toStdString());
}

Result<QJsonObject> parseJsonObject(const QByteArray& json, const QString& what) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return malformedAnswer(what, JsonReader::tr("not JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset));
    if (!document.isObject()) return malformedAnswer(what, JsonReader::tr("not a JSON object"));
    return document.object();
}

JsonReader::JsonReader(const QJsonObject& object, QString path) : object_(object), path_(std::move(path)) {}

QString JsonReader::pathOf(const char* name) const {
    return path_.isEmpty() ? QString::fromLatin1(name) : path_ + QLatin1Char('.') + QLatin1String(name);
}

void JsonReader::fail(const QString& problem) {
    if (problem_.isEmpty()) problem_ = problem;
}

void JsonReader::adopt(const JsonReader& nested) {
    if (!nested.ok()) fail(nested.problem());
}

bool JsonReader::has(const char* name) const {
    const QJsonValue v = object_.value(QLatin1String(name));
    return !v.isUndefined() && !v.isNull();
}

QJsonValue JsonReader::member(const char* name, bool required) {
    const QJsonValue v = object_.value(QLatin1String(name));
    if (required && (v.isUndefined() || v.isNull())) fail(tr("\"%1\" is missing").arg(pathOf(name)));
    return v;
}

QString JsonReader::text(const char* name) {
    const QJsonValue v = member(name, true);
    if (v.isUndefined() || v.isNull()) return {};
    if (!v.isString()) fail(tr("\"%1\" is not text").arg(pathOf(name)));
    return v.toString();
}

QString JsonReader::textOrEmpty(const char* name) {
    const QJsonValue v = member(name, false);
    if (v.isUndefined() || v.isNull()) return {};
    if (!v.isString()) fail(tr("\"%1\" is not text").arg(pathOf(name)));
    return v.toString();
}

qint64 JsonReader::integer(const char* name) {
    const QJsonValue v = member(name, true);
    if (v.isUndefined() || v.isNull()) return 0;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::isnan(d) || d != std::floor(d)) {
        fail(tr("\"%1\" is not a whole number").arg(pathOf(name)));
        return 0;
    }
    return v.toInteger();
}

bool JsonReader::boolean(const char* name) {
    const QJsonValue v = member(name, true);
    if (v.isUndefined() || v.isNull()) return false;
    if (!v.isBool()) fail(tr("\"%1\" is not true or false").arg(pathOf(name)));
    return v.toBool();
}

QDateTime JsonReader::timeOrNull(const char* name) {
    const QString s = textOrEmpty(name);
    if (s.isEmpty()) return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid()) fail(tr("\"%1\" is not a time").arg(pathOf(name)));
    return t;
}

QJsonObject JsonReader::object(const char* name) {
    const QJsonValue v = member(name, true);
    if (v.isUndefined() || v.isNull()) return {};
    if (!v.isObject()) fail(tr("\"%1\" is not an object").arg(pathOf(name)));
    return v.toObject();
}

QJsonObject JsonReader::objectOrNull(const char* name) {
    const QJsonValue v = member(name, false);
    if (v.isUndefined() || v.isNull()) return {};
    if (!v.isObject()) fail(tr("\"%1\" is not an object").arg(pathOf(name)));
    return v.toObject();
}

QJsonArray JsonReader::array(const char* name) {
    const QJsonValue v = member(name, true);
    if (v.isUndefined() || v.isNull()) return {};
    if (!v.isArray()) fail(tr("\"%1\" is not a list").arg(pathOf(name)));
    return v.toArray();
}

}  // namespace tessera::reviewer
