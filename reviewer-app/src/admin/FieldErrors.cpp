#include "admin/FieldErrors.h"

namespace tessera::reviewer {

namespace {

// "redirectUris[1]" -> "redirectUris", "consentText.fr" -> "consentText"; "name" stays.
QString listField(const QString& field) {
    for (const QChar c : {QLatin1Char('['), QLatin1Char('.')}) {
        const qsizetype at = field.indexOf(c);
        if (at > 0) return field.left(at);
    }
    return field;
}

// Which member of the field: "[1]" for a list, "fr:" for a map.
QString memberOf(const QString& field, const QString& formField) {
    const QString rest = field.mid(formField.size());
    return rest.startsWith(QLatin1Char('.')) ? rest.mid(1) + QLatin1Char(':') : rest;
}

}  // namespace

FieldErrors::FieldErrors(const Problem& problem, const QStringList& formFields) {
    add(problem.fieldErrors, formFields);
    if (problem.fieldErrors.isEmpty()) general_.append(problem.message());
}

FieldErrors::FieldErrors(const QList<ProblemField>& errors, const QStringList& formFields) { add(errors, formFields); }

void FieldErrors::add(const QList<ProblemField>& errors, const QStringList& formFields) {
    for (const auto& e : errors) {
        const QString field = formFields.contains(e.field) ? e.field : listField(e.field);
        if (!formFields.contains(field)) {
            general_.append(e.field.isEmpty() ? e.message : QStringLiteral("%1: %2").arg(e.field, e.message));
            continue;
        }
        // For a member of a list, say which one, so the administrator knows which line to fix.
        const QString message = field == e.field ? e.message : QStringLiteral("%1 %2").arg(memberOf(e.field, field), e.message);
        const QString before = byField_.value(field);
        byField_.insert(field, before.isEmpty() ? message : before + QLatin1Char('\n') + message);
    }
}

}  // namespace tessera::reviewer
