#pragma once
// The server's per-field validation errors (problem+json `errors`) keyed by field, so an
// administration form can show each message beside its own field and the rest above the form.
#include <QMap>
#include <QString>
#include <QStringList>

#include "client/Problem.h"

namespace tessera::reviewer {

class FieldErrors {
public:
    FieldErrors() = default;
    // Only the fields in `formFields` go beside a field; the others (and a problem with no
    // field errors) become general messages.
    FieldErrors(const Problem& problem, const QStringList& formFields);

    bool isEmpty() const { return byField_.isEmpty() && general_.isEmpty(); }
    QString forField(const QString& field) const { return byField_.value(field); }
    const QStringList& general() const { return general_; }

private:
    QMap<QString, QString> byField_;
    QStringList general_;
};

}  // namespace tessera::reviewer
