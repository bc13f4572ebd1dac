#include "core/oidc/RefreshTokenStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "core/oidc/Scope.h"
#include "infra/Digest.h"

using namespace Poco::Data::Keywords;

namespace tessera::core::oidc {

std::string RefreshTokenStore::hashToken(const std::string& token) { return infra::digest::sha256Hex(token); }

Status RefreshTokenStore::insert(Poco::Data::Session& s, const RefreshTokenRecord& r) {
    std::string hash = r.tokenHash, grantId = r.grantId, parent = r.parentHash, serviceId = r.serviceId,
                accountId = r.accountId, scopeText = scope::join(r.scopes);
    Poco::Int64 created = r.createdAt, expires = r.expiresAt, used = r.usedAt, revoked = r.revokedAt;
    s << db_.sql("INSERT INTO refresh_tokens (token_hash, grant_id, parent_hash, service_id, account_id, scope, "
                 "created_at, expires_at, used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(hash), use(grantId), use(parent), use(serviceId), use(accountId), use(scopeText), use(created),
        use(expires), use(used), use(revoked), now;
    return {};
}

std::optional<RefreshTokenRecord> RefreshTokenStore::findByToken(const std::string& token) {
    Poco::Data::Session s = db_.session();
    std::string hash = hashToken(token);
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT token_hash, grant_id, parent_hash, service_id, account_id, scope, created_at, expires_at, "
                  "used_at, revoked_at FROM refresh_tokens WHERE token_hash = ?"),
        use(hash);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, 0).convert<std::string>(); };
    auto num = [&]() { return std::int64_t(rs.value(i++, 0).convert<Poco::Int64>()); };
    RefreshTokenRecord r;
    r.tokenHash = str();
    r.grantId = str();
    r.parentHash = str();
    r.serviceId = str();
    r.accountId = str();
    if (auto scopes = scope::parse(str())) r.scopes = std::move(*scopes);
    r.createdAt = num();
    r.expiresAt = num();
    r.usedAt = num();
    r.revokedAt = num();
    return r;
}

bool RefreshTokenStore::markUsed(Poco::Data::Session& s, const std::string& tokenHash, std::int64_t at) {
    std::string hash = tokenHash;
    Poco::Int64 t = at;
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at = 0 AND revoked_at = 0"),
        use(t), use(hash);
    return st.execute() == 1;
}

int RefreshTokenStore::purge(std::int64_t now, std::int64_t revokedBefore) {
    auto done = db_.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
        Poco::Int64 t = now, r = revokedBefore;
        Poco::Data::Statement st(s);
        st << db_.sql("DELETE FROM refresh_tokens WHERE expires_at < ? OR (revoked_at <> 0 AND revoked_at < ?)"),
            use(t), use(r);
        return int(st.execute());
    });
    return done ? *done : 0;
}

}  // namespace tessera::core::oidc
