#include "core/assurance/EvidenceStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "core/assurance/SealedText.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

constexpr std::string_view kDetails = "evidence.details";

const char* kColumns =
    "id, account_id, kind, reference, level, details, verified_at, expires_at, revoked_at, revoked_reason";

std::vector<Evidence> evidenceFrom(Poco::Data::Statement& st, const infra::SecretBox& key) {
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<Evidence> out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
        Evidence e;
        std::size_t i = 0;
        auto str = [&]() { return rs.value(i++, row).convert<std::string>(); };
        auto num = [&]() { return rs.value(i++, row).convert<Poco::Int64>(); };
        e.id = str();
        e.accountId = str();
        auto kind = evidenceKindFrom(str());
        e.reference = str();
        e.level = int(num());
        e.details = openTextOrEmpty(key, str(), kDetails, e.id);
        e.verifiedAt = num();
        e.expiresAt = num();
        e.revokedAt = num();
        e.revokedReason = str();
        if (!kind) continue;  // a kind this version does not know counts for nothing
        e.kind = *kind;
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

Status EvidenceStore::insert(Poco::Data::Session& s, const Evidence& e) {
    std::string id = e.id, accountId = e.accountId, kind(toString(e.kind)), reference = e.reference,
                reason = e.revokedReason;
    std::string details = sealText(key_, e.details, kDetails, e.id);
    Poco::Int64 level = e.level, verified = e.verifiedAt, expires = e.expiresAt, revoked = e.revokedAt;
    s << db_.sql(std::string("INSERT INTO identity_evidence (") + kColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(id), use(accountId), use(kind), use(reference), use(level), use(details), use(verified), use(expires),
        use(revoked), use(reason), now;
    return {};
}

std::optional<Evidence> EvidenceStore::find(Poco::Data::Session& s, const std::string& id) {
    std::string v = id;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns + " FROM identity_evidence WHERE id = ?"), use(v);
    auto found = evidenceFrom(st, key_);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Evidence> EvidenceStore::forAccount(Poco::Data::Session& s, const std::string& accountId) {
    std::string v = accountId;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns +
                  " FROM identity_evidence WHERE account_id = ? ORDER BY verified_at, id"),
        use(v);
    return evidenceFrom(st, key_);
}

std::vector<Evidence> EvidenceStore::forAccount(const std::string& accountId) {
    Poco::Data::Session s = db_.session();
    return forAccount(s, accountId);
}

std::vector<Evidence> EvidenceStore::activeFor(Poco::Data::Session& s, const std::string& accountId,
                                               std::int64_t at) {
    std::string v = accountId;
    Poco::Int64 t = at;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns +
                  " FROM identity_evidence WHERE account_id = ? AND revoked_at = 0 AND (expires_at = 0 OR "
                  "expires_at > ?) ORDER BY verified_at, id"),
        use(v), use(t);
    return evidenceFrom(st, key_);
}

bool EvidenceStore::revoke(Poco::Data::Session& s, const std::string& id, std::int64_t at,
                           const std::string& reason) {
    std::string v = id, r = reason;
    Poco::Int64 t = at;
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE identity_evidence SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at = 0"),
        use(t), use(r), use(v);
    return st.execute() == 1;
}

std::vector<EvidenceStore::Lapsed> EvidenceStore::lapsedBy(Poco::Data::Session& s, std::int64_t at,
                                                           std::size_t limit) {
    Poco::Int64 t = at;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT id, account_id FROM identity_evidence WHERE revoked_at = 0 AND expires_at > 0 AND "
                  "expires_at <= ? ORDER BY expires_at LIMIT " +
                  std::to_string(limit)),
        use(t);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<Lapsed> out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row)
        out.push_back({rs.value(0, row).convert<std::string>(), rs.value(1, row).convert<std::string>()});
    return out;
}

}  // namespace tessera::core
