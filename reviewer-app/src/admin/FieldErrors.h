#pragma once
// The server's per-field validation errors (problem+json `errors`) keyed by field, so an
// administration form can show each message beside its own field and the rest above the form.
// A member of a list ("redirectUris[1]") or of a map ("consentText.fr") goes beside its field.
#include <QList>
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
    // Errors found before sending (a form's own checks), all of them beside fields in `formFields`.
    FieldErrors(const QList<ProblemField>& errors, const QStringList& formFields);

    bool isEmpty() const { return byField_.isEmpty() && general_.isEmpty(); }
    QString forField(const QString& field) const { return byField_.value(field); }
    QStringList fields() const { return byField_.keys(); }
    const QStringList& general() const { return general_; }

private:
    void add(const QList<ProblemField>& errors, const QStringList& formFields);

    QMap<QString, QString> byField_;
    QStringList general_;
};

}  // namespace tessera::reviewer
