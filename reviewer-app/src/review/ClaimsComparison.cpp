#include "review/ClaimsComparison.h"

#include <QJsonValue>
#include <QSet>
#include <QStringList>

#include "review/ReviewLabels.h"

namespace tessera::reviewer {

namespace {

// The fields reviewers compare, in the order they read them. Claim keys not listed here (a
// newer server's) follow at the end under their own names.
const QStringList& fieldOrder() {
    static const QStringList order{
        QStringLiteral("name"),          QStringLiteral("givenNames"),      QStringLiteral("familyName"),
        QStringLiteral("dateOfBirth"),   QStringLiteral("sex"),             QStringLiteral("placeOfBirth"),
        QStringLiteral("mothersMaidenName"), QStringLiteral("address.line1"), QStringLiteral("address.line2"),
        QStringLiteral("address.town"),  QStringLiteral("address.postcode"), QStringLiteral("reference"),
        QStringLiteral("documentType"),  QStringLiteral("documentNumber"),  QStringLiteral("issuingCountry"),
        QStringLiteral("expiryDate"),    QStringLiteral("linkedAccountId")};
    return order;
}

QString textOf(const QJsonValue& v) {
    if (v.isString()) return v.toString();
    if (v.isDouble()) return QString::number(v.toDouble());
    if (v.isBool()) return v.toBool() ? ReviewLabels::tr("yes") : ReviewLabels::tr("no");
    return {};
}

// Claims as dotted paths: the account's own claims first ("address.postcode"); the document
// part of the snapshot ("document.givenNames") only where the account said nothing, since the
// citizen typed it from the document.
QMap<QString, QString> flattenClaims(const QJsonObject& claims) {
    QMap<QString, QString> out;
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        if (it.value().isObject()) {
            if (it.key() == QLatin1String("document")) continue;
            const QJsonObject inner = it.value().toObject();
            for (auto in = inner.begin(); in != inner.end(); ++in)
                out.insert(it.key() + QLatin1Char('.') + in.key(), textOf(in.value()));
        } else {
            out.insert(it.key(), textOf(it.value()));
        }
    }
    const QJsonObject document = claims.value(QLatin1String("document")).toObject();
    for (auto it = document.begin(); it != document.end(); ++it)
        if (!out.contains(it.key())) out.insert(it.key(), textOf(it.value()));
    return out;
}

QMap<QString, QString> documentValues(const CaseDetail& d) {
    QMap<QString, QString> out;
    if (d.document) {
        const DocumentSummary& doc = *d.document;
        out.insert(QStringLiteral("name"), QStringList{doc.givenNames, doc.familyName}.join(QLatin1Char(' ')).trimmed());
        out.insert(QStringLiteral("givenNames"), doc.givenNames);
        out.insert(QStringLiteral("familyName"), doc.familyName);
        out.insert(QStringLiteral("dateOfBirth"), doc.dateOfBirth);
        out.insert(QStringLiteral("documentType"), doc.documentType);
        out.insert(QStringLiteral("documentNumber"), doc.documentNumber);
        out.insert(QStringLiteral("issuingCountry"), doc.issuingCountry);
        out.insert(QStringLiteral("expiryDate"), doc.expiryDate);
    } else if (d.documentChecks) {
        out.insert(QStringLiteral("documentType"), d.documentChecks->documentType);
        out.insert(QStringLiteral("expiryDate"), d.documentChecks->expiryDate);
    }
    return out;
}

// Field -> verdicts: the document register's, then the newest check of each other register
// (older checks of the same register were superseded by the newer one).
QMap<QString, QList<RegisterVerdict>> verdictsByField(const CaseDetail& d) {
    QMap<QString, QList<RegisterVerdict>> out;
    if (d.documentChecks)
        for (const FieldMatch& f : d.documentChecks->registerFields)
            out[f.field].append({QStringLiteral("document"), f.matched});
    QSet<QString> seenKinds;
    for (const RegisterResult& r : d.registerResults) {
        if (seenKinds.contains(r.kind)) continue;
        seenKinds.insert(r.kind);
        for (const FieldMatch& f : r.fields) out[f.field].append({r.kind, f.matched});
    }
    return out;
}

// Names and dates compared the way a person would: case and spacing do not count.
bool sameValue(const QString& a, const QString& b) {
    return a.simplified().compare(b.simplified(), Qt::CaseInsensitive) == 0;
}

void judge(ComparisonRow& row, const CaseDetail& d) {
    QStringList why;
    for (const RegisterVerdict& v : row.verdicts)
        if (!v.matched) why << ReviewLabels::tr("%1 does not agree.").arg(ReviewLabels::registerKind(v.source));
    if (!row.claimed.isEmpty() && !row.onDocument.isEmpty() && !sameValue(row.claimed, row.onDocument))
        why << ReviewLabels::tr("The claim differs from the document.");
    if (d.documentChecks) {
        const DocumentChecks& c = *d.documentChecks;
        if (row.field == QLatin1String("expiryDate") && c.expired)
            why << ReviewLabels::tr("The document expired %n day(s) ago.", nullptr, static_cast<int>(-c.daysToExpiry));
        if (row.field == QLatin1String("documentNumber") && !c.registerStatus.isEmpty() &&
            c.registerStatus != QLatin1String("valid"))
            why << ReviewLabels::tr("The document register reports the document as %1.").arg(c.registerStatus);
    }
    row.mismatch = !why.isEmpty();
    row.why = why.join(QLatin1Char(' '));
}

}  // namespace

QList<ComparisonRow> compareClaims(const CaseDetail& detail) {
    const QMap<QString, QString> claimed = flattenClaims(detail.claims);
    const QMap<QString, QString> onDocument = documentValues(detail);
    const QMap<QString, QList<RegisterVerdict>> verdicts = verdictsByField(detail);

    QStringList fields = fieldOrder();
    for (const QString& key : claimed.keys())
        if (!fields.contains(key)) fields << key;
    for (const QString& key : verdicts.keys())
        if (!fields.contains(key)) fields << key;

    QList<ComparisonRow> rows;
    for (const QString& field : fields) {
        ComparisonRow row;
        row.field = field;
        row.claimed = claimed.value(field);
        row.onDocument = onDocument.value(field);
        row.verdicts = verdicts.value(field);
        // An empty optional line (address line 2) with nothing to compare says nothing.
        if (row.claimed.trimmed().isEmpty() && row.onDocument.isEmpty() && row.verdicts.isEmpty()) continue;
        judge(row, detail);
        rows.append(row);
    }
    return rows;
}

}  // namespace tessera::reviewer
