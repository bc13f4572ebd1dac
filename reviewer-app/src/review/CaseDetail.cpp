#include "review/CaseDetail.h"

#include <QJsonArray>

#include "review/JsonRead.h"

namespace tessera::reviewer {

namespace {

QString what() { return JsonReader::tr("the case"); }

QString joined(const QString& a, const QString& b) {
    return QStringList{a.trimmed(), b.trimmed()}.join(QLatin1Char(' ')).trimmed();
}

// Reads each element of `array` as an object with `read`, stopping at the first problem.
template <class T, class Read>
QList<T> readEach(JsonReader& parent, const QJsonArray& array, const QString& path, Read read) {
    QList<T> out;
    for (qsizetype i = 0; i < array.size() && parent.ok(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (!array.at(i).isObject()) {
            parent.fail(JsonReader::tr("\"%1\" is not an object").arg(at));
            break;
        }
        JsonReader r(array.at(i).toObject(), at);
        out.append(read(r));
        parent.adopt(r);
    }
    return out;
}

QList<FieldMatch> fieldMatches(JsonReader& parent, const QJsonArray& array, const QString& path) {
    return readEach<FieldMatch>(parent, array, path, [](JsonReader& r) {
        FieldMatch m;
        m.field = r.text("field");
        m.matched = r.boolean("matched");
        return m;
    });
}

DocumentSummary documentFrom(JsonReader& r) {
    DocumentSummary d;
    d.documentType = r.text("documentType");
    d.documentNumber = r.text("documentNumber");
    d.issuingCountry = r.text("issuingCountry");
    d.givenNames = r.text("givenNames");
    d.familyName = r.text("familyName");
    d.dateOfBirth = r.text("dateOfBirth");
    d.expiryDate = r.text("expiryDate");
    return d;
}

DocumentChecks checksFrom(JsonReader& r) {
    DocumentChecks c;
    c.documentType = r.text("documentType");
    c.expiryDate = r.text("expiryDate");
    c.expired = r.boolean("expired");
    c.daysToExpiry = r.integer("daysToExpiry");
    c.registerStatus = r.textOrEmpty("registerStatus");
    c.registerFields = fieldMatches(r, r.array("registerFields"), r.pathOf("registerFields"));
    return c;
}

RegisterResult registerResultFrom(JsonReader& r) {
    RegisterResult result;
    result.kind = r.text("kind");
    result.outcome = r.text("outcome");
    result.fields = fieldMatches(r, r.array("fields"), r.pathOf("fields"));
    result.checkedAt = r.timeOrNull("checkedAt");
    return result;
}

CaseMedia mediaFrom(JsonReader& r) {
    CaseMedia m;
    m.id = r.text("id");
    m.slot = r.text("slot");
    m.contentType = r.text("contentType");
    m.byteSize = r.integer("byteSize");
    m.width = static_cast<int>(r.integer("width"));
    m.height = static_cast<int>(r.integer("height"));
    m.durationMs = r.integer("durationMs");
    m.uploadedAt = r.timeOrNull("uploadedAt");
    m.sha256 = r.text("sha256");
    m.url = r.textOrEmpty("url");
    m.urlExpiresAt = r.timeOrNull("urlExpiresAt");
    return m;
}

CaseEvent eventFrom(JsonReader& r) {
    CaseEvent e;
    e.seq = r.integer("seq");
    e.at = r.timeOrNull("at");
    e.actor = r.text("actor");
    e.event = r.text("event");
    e.fromState = r.textOrEmpty("fromState");
    e.toState = r.textOrEmpty("toState");
    e.reason = r.textOrEmpty("reason");
    e.note = r.textOrEmpty("note");
    return e;
}

}  // namespace

QString CaseDetail::citizenName() const {
    const QString claimed = claims.value(QLatin1String("name")).toString().trimmed();
    if (!claimed.isEmpty()) return claimed;
    const QString fromClaims = joined(claims.value(QLatin1String("givenNames")).toString(),
                                      claims.value(QLatin1String("familyName")).toString());
    if (!fromClaims.isEmpty()) return fromClaims;
    return document ? joined(document->givenNames, document->familyName) : QString();
}

const CaseMedia* CaseDetail::mediaIn(const QString& slot) const {
    for (const CaseMedia& m : media)
        if (m.slot == slot) return &m;
    return nullptr;
}

QList<CaseEvent> CaseDetail::notes() const {
    QList<CaseEvent> out;
    for (const CaseEvent& e : history)
        if (!e.note.isEmpty()) out.append(e);
    return out;
}

Result<CaseDetail> parseCaseDetail(const QJsonObject& json) {
    JsonReader r(json, {});
    CaseDetail c;
    c.id = r.text("id");
    c.accountId = r.text("accountId");
    c.evidence = r.text("evidence");
    const QString state = r.text("state");
    c.targetLoa = static_cast<int>(r.integer("targetLoa"));
    c.full = r.boolean("full");
    c.version = r.integer("version");
    c.createdAt = r.timeOrNull("createdAt");
    c.submittedAt = r.timeOrNull("submittedAt");
    c.claimedBy = r.textOrEmpty("claimedBy");
    c.claimExpiresAt = r.timeOrNull("claimExpiresAt");
    c.flaggedBy = r.textOrEmpty("flaggedBy");
    c.flagReason = r.textOrEmpty("flagReason");
    c.decisionReason = r.textOrEmpty("decisionReason");
    c.decidedBy = r.textOrEmpty("decidedBy");
    c.decidedAt = r.timeOrNull("decidedAt");
    c.claims = r.objectOrNull("claims");
    c.message = r.textOrEmpty("message");
    if (r.has("document")) {
        JsonReader d(r.object("document"), r.pathOf("document"));
        c.document = documentFrom(d);
        r.adopt(d);
    }
    if (r.has("documentChecks")) {
        JsonReader d(r.object("documentChecks"), r.pathOf("documentChecks"));
        c.documentChecks = checksFrom(d);
        r.adopt(d);
    }
    c.registerResults = readEach<RegisterResult>(r, r.array("registerResults"), QStringLiteral("registerResults"),
                                                 registerResultFrom);
    c.media = readEach<CaseMedia>(r, r.array("media"), QStringLiteral("media"), mediaFrom);
    c.history = readEach<CaseEvent>(r, r.array("history"), QStringLiteral("history"), eventFrom);
    if (r.ok()) {
        if (c.id.isEmpty()) r.fail(JsonReader::tr("\"id\" is empty"));
        if (auto s = applicationStateFromString(state.toStdString())) c.state = *s;
        else r.fail(JsonReader::tr("\"state\" is not a known state"));
    }
    if (!r.ok()) return malformedAnswer(what(), r.problem());
    return c;
}

Result<CaseDetail> parseCaseDetail(const QByteArray& json) {
    auto object = parseJsonObject(json, what());
    if (!object) return object.error();
    return parseCaseDetail(*object);
}

Result<CaseEvent> parseCaseNote(const QByteArray& json) {
    const QString note = JsonReader::tr("the note");
    auto object = parseJsonObject(json, note);
    if (!object) return object.error();
    JsonReader r(*object, {});
    CaseEvent e = eventFrom(r);
    if (!r.ok()) return malformedAnswer(note, r.problem());
    return e;
}

}  // namespace tessera::reviewer
