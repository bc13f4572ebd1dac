#include "client/DecisionOutbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

#include "client/IdempotencyKey.h"

namespace tessera::reviewer {

namespace {

constexpr int kSchemaVersion = 1;

const char* const kSchema = R"(
CREATE TABLE IF NOT EXISTS decision_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner TEXT NOT NULL,
  server TEXT NOT NULL,
  case_id TEXT NOT NULL,
  decision TEXT NOT NULL,
  body BLOB NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state IN ('pending', 'refused')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  last_attempt_at INTEGER,
  last_error TEXT,
  refused_status INTEGER,
  refused_code TEXT,
  refused_message TEXT
))";

const char* const kColumns =
    "id, owner, server, case_id, decision, body, idempotency_key, state, attempts, created_at, last_attempt_at, "
    "last_error, refused_status, refused_code, refused_message";

QString nextConnectionName() {
    static std::atomic<int> counter{0};
    return QString("tessera-decision-outbox-%1").arg(++counter);
}

std::string text(const QString& translated) { return translated.toStdString(); }

// `sentence` says what failed, for the reviewer; SQLite's words follow for IT support.
Error storageError(const QString& sentence, const QSqlError& error) {
    return Error::internal(text(sentence + " (" + error.text() + ")"));
}

Error notOpen() { return Error::internal(text(DecisionOutbox::tr("The decision outbox is not open."))); }

QDateTime fromMillis(const QVariant& value) {
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

OutboxEntry entryFrom(const QSqlQuery& q) {
    OutboxEntry e;
    e.id = q.value(0).toLongLong();
    e.owner = q.value(1).toString();
    e.server = q.value(2).toString();
    e.caseId = q.value(3).toString();
    e.decision = q.value(4).toString();
    e.body = q.value(5).toByteArray();
    e.idempotencyKey = q.value(6).toString().toLatin1();
    e.state = q.value(7).toString() == "refused" ? OutboxState::Refused : OutboxState::Pending;
    e.attempts = q.value(8).toInt();
    e.createdAt = fromMillis(q.value(9));
    e.lastAttemptAt = fromMillis(q.value(10));
    e.lastError = q.value(11).toString();
    e.refusedStatus = q.value(12).toInt();
    e.refusedCode = q.value(13).toString();
    e.refusedMessage = q.value(14).toString();
    return e;
}

}  // namespace

DecisionOutbox::DecisionOutbox() : connection_(nextConnectionName()) {}

DecisionOutbox::~DecisionOutbox() {
    if (QSqlDatabase::contains(connection_)) {
        {
            QSqlDatabase db = QSqlDatabase::database(connection_, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(connection_);
    }
}

Status DecisionOutbox::open(const QString& path) {
    if (open_) return Error::conflict("outbox_open", text(tr("The decision outbox is already open.")));
    const QFileInfo file(path);
    QDir folder = file.absoluteDir();
    if (!folder.exists()) {
        if (!folder.mkpath(".")) return Error::internal(text(tr("The folder %1 could not be created.").arg(folder.path())));
        QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const bool existed = file.exists();
    if (!existed) {
        // Created empty first so that it is the owner's alone before anything is written to it.
        QFile create(path);
        if (!create.open(QIODevice::WriteOnly)) return Error::internal(text(tr("The file %1 could not be created.").arg(path)));
        create.close();
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", connection_);
    db.setDatabaseName(path);
    db.setConnectOptions("QSQLITE_BUSY_TIMEOUT=5000");
    if (!db.open()) return storageError(tr("The decision outbox could not be opened."), db.lastError());
    QSqlQuery q(db);
    // secure_delete: a deleted row is overwritten, not left in free pages. A rollback journal
    // (not WAL) and full sync: once add() returns, the decision is on disk.
    for (const char* pragma : {"PRAGMA secure_delete = ON", "PRAGMA journal_mode = DELETE", "PRAGMA synchronous = FULL"})
        if (!q.exec(pragma)) return storageError(tr("The decision outbox could not be set up."), q.lastError());
    if (!q.exec(kSchema)) return storageError(tr("The decision outbox could not be set up."), q.lastError());
    if (!q.exec(QString("PRAGMA user_version = %1").arg(kSchemaVersion))) return storageError(tr("The decision outbox could not be set up."), q.lastError());
    path_ = path;
    open_ = true;
    return Status::success();
}

Result<OutboxEntry> DecisionOutbox::add(const QString& owner, const QString& server, const QString& caseId,
                                        const DecisionRequest& decision) {
    if (!open_) return notOpen();
    if (owner.isEmpty() || server.isEmpty() || caseId.isEmpty() || decision.decision.isEmpty())
        return Error::invalid("incomplete_decision", text(tr("A decision needs the reviewer, the server, the case and the decision.")));
    auto waiting = select("state = 'pending' AND owner = ? AND server = ? AND case_id = ?", {owner, server, caseId});
    if (!waiting) return waiting.error();
    if (!waiting->isEmpty())
        return Error::conflict("decision_pending", text(tr("A decision on this case is already waiting to be sent.")));
    const auto key = newIdempotencyKey();
    if (!key) return Error::internal(text(tr("No random idempotency key could be made (OpenSSL).")));

    QSqlDatabase db = QSqlDatabase::database(connection_, false);
    QSqlQuery q(db);
    q.prepare("INSERT INTO decision_outbox (owner, server, case_id, decision, body, idempotency_key, state, attempts, "
              "created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?)");
    q.addBindValue(owner);
    q.addBindValue(server);
    q.addBindValue(caseId);
    q.addBindValue(decision.decision);
    q.addBindValue(decision.toJson());
    q.addBindValue(QString::fromLatin1(*key));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) return storageError(tr("The decision could not be saved."), q.lastError());
    auto written = find(q.lastInsertId().toLongLong());
    if (!written) return written.error();
    if (!*written) return Error::internal(text(tr("The decision outbox lost a row it had just written.")));
    return **written;
}

Result<QList<OutboxEntry>> DecisionOutbox::select(const QString& where, const QVariantList& values) const {
    if (!open_) return notOpen();
    QSqlDatabase db = QSqlDatabase::database(connection_, false);
    QSqlQuery q(db);
    q.prepare(QString("SELECT %1 FROM decision_outbox%2 ORDER BY id")
                  .arg(QLatin1String(kColumns), where.isEmpty() ? QString() : " WHERE " + where));
    for (const QVariant& value : values) q.addBindValue(value);
    if (!q.exec()) return storageError(tr("The decision outbox could not be read."), q.lastError());
    QList<OutboxEntry> out;
    while (q.next()) out.append(entryFrom(q));
    return out;
}

Result<QList<OutboxEntry>> DecisionOutbox::pending(const QString& owner, const QString& server) const {
    return select("state = 'pending' AND owner = ? AND server = ?", {owner, server});
}

Result<QList<OutboxEntry>> DecisionOutbox::refused(const QString& owner, const QString& server) const {
    return select("state = 'refused' AND owner = ? AND server = ?", {owner, server});
}

Result<QList<OutboxEntry>> DecisionOutbox::all() const { return select({}, {}); }

Result<std::optional<OutboxEntry>> DecisionOutbox::find(qint64 id) const {
    auto rows = select("id = ?", {id});
    if (!rows) return rows.error();
    if (rows->isEmpty()) return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(rows->first());
}

Status DecisionOutbox::change(const QString& sql, const QVariantList& values, bool mustTouchRow) const {
    if (!open_) return notOpen();
    QSqlDatabase db = QSqlDatabase::database(connection_, false);
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant& value : values) q.addBindValue(value);
    if (!q.exec()) return storageError(tr("The decision outbox could not be updated."), q.lastError());
    if (mustTouchRow && q.numRowsAffected() < 1)
        return Error::notFound("outbox_entry_not_found", text(tr("This decision is no longer in the outbox.")));
    return Status::success();
}

Status DecisionOutbox::markAttempt(qint64 id) {
    return change("UPDATE decision_outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE id = ? AND state = 'pending'",
                  {QDateTime::currentMSecsSinceEpoch(), id}, true);
}

Status DecisionOutbox::noteFailure(qint64 id, const QString& error) {
    return change("UPDATE decision_outbox SET last_error = ? WHERE id = ? AND state = 'pending'", {error, id}, true);
}

Status DecisionOutbox::confirm(qint64 id) {
    return change("DELETE FROM decision_outbox WHERE id = ? AND state = 'pending'", {id}, true);
}

Status DecisionOutbox::refuse(qint64 id, const Problem& problem) {
    QString message = problem.message();
    for (const ProblemField& field : problem.fieldErrors) message += "\n" + field.field + ": " + field.message;
    return change("UPDATE decision_outbox SET state = 'refused', refused_status = ?, refused_code = ?, "
                  "refused_message = ?, last_error = NULL WHERE id = ? AND state = 'pending'",
                  {problem.status, problem.code, message, id}, true);
}

Status DecisionOutbox::acknowledge(qint64 id) {
    return change("DELETE FROM decision_outbox WHERE id = ? AND state = 'refused'", {id}, true);
}

}  // namespace tessera::reviewer
