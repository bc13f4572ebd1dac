#include "admin/TermsDraftForm.h"

namespace tessera::reviewer {

const QStringList& TermsDraftForm::fields() {
    static const QStringList names = {QStringLiteral("kind"), QStringLiteral("language"), QStringLiteral("title"),
                                      QStringLiteral("body"), QStringLiteral("summaryOfChanges")};
    return names;
}

TermsDraftForm TermsDraftForm::from(const TermsVersion& draft) {
    TermsDraftForm f;
    f.id = draft.id;
    f.etag = draft.etag;
    f.kind = draft.kind;
    f.language = draft.language;
    f.title = draft.title;
    f.body = draft.body;
    f.summaryOfChanges = draft.summaryOfChanges;
    return f;
}

QList<ProblemField> TermsDraftForm::check() const {
    QList<ProblemField> errors;
    if (isNew() && language.trimmed().isEmpty())
        errors.append({QStringLiteral("language"), QStringLiteral("required"), tr("Choose the language of the text.")});
    if (title.trimmed().isEmpty())
        errors.append({QStringLiteral("title"), QStringLiteral("required"), tr("Give the document a title.")});
    if (body.trimmed().isEmpty())
        errors.append({QStringLiteral("body"), QStringLiteral("required"), tr("Write the text the citizen will read.")});
    return errors;
}

QJsonObject TermsDraftForm::toJson() const {
    QJsonObject json{{"title", title.trimmed()}, {"body", body}, {"summaryOfChanges", summaryOfChanges}};
    if (isNew()) {
        json.insert("kind", kind);
        json.insert("language", language.trimmed());
    }
    return json;
}

bool TermsDraftForm::isStaleEdit(const Problem& problem) { return problem.status == 412; }

QString TermsDraftForm::staleEditMessage() {
    return tr("Someone else changed this draft after you opened it. Reload it to see their version, then make your "
              "change again.");
}

}  // namespace tessera::reviewer
