#include "core/oidc/GrantStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>

#include "core/oidc/Scope.h"
#include "core/services/JsonText.h"

using namespace Poco::Data::Keywords;

namespace tessera::core::oidc {

bool Grant::hasScope(const std::string& scope) const {
    return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

Status GrantStore::insert(Poco::Data::Session& s, const Grant& g) {
    std::string id = g.id, serviceId = g.serviceId, accountId = g.accountId, sid = g.sid;
    std::string scopeText = scope::join(g.scopes), claims = json_text::fromList(g.claims), request = g.claimsRequest;
    std::string acr = g.acr, amr = json_text::fromList(g.amr), reason = g.revokedReason;
    Poco::Int64 authTime = g.authTime, created = g.createdAt, expires = g.expiresAt, revoked = g.revokedAt;
    s << db_.sql("INSERT INTO grants (id, service_id, account_id, sid, scope, claims, claims_request, acr, amr, "
                 "auth_time, created_at, expires_at, revoked_at, revoked_reason) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(id), use(serviceId), use(accountId), use(sid), use(scopeText), use(claims), use(request), use(acr), use(amr),
        use(authTime), use(created), use(expires), use(revoked), use(reason), now;
    return {};
}

std::optional<Grant> GrantStore::find(Poco::Data::Session& s, const std::string& id) {
    std::string key = id;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT id, service_id, account_id, sid, scope, claims, claims_request, acr, amr, auth_time, "
                  "created_at, expires_at, revoked_at, revoked_reason FROM grants WHERE id = ?"),
        use(key);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, 0).convert<std::string>(); };
    auto num = [&]() { return std::int64_t(rs.value(i++, 0).convert<Poco::Int64>()); };
    Grant g;
    g.id = str();
    g.serviceId = str();
    g.accountId = str();
    g.sid = str();
    // Only this code writes the column: a scope it cannot parse is treated as none.
    if (auto scopes = scope::parse(str())) g.scopes = std::move(*scopes);
    g.claims = json_text::toList(str());
    g.claimsRequest = str();
    g.acr = str();
    g.amr = json_text::toList(str());
    g.authTime = num();
    g.createdAt = num();
    g.expiresAt = num();
    g.revokedAt = num();
    g.revokedReason = str();
    return g;
}

std::optional<Grant> GrantStore::find(const std::string& id) {
    Poco::Data::Session s = db_.session();
    return find(s, id);
}

bool GrantStore::revokeFamily(Poco::Data::Session& s, const std::string& id, std::int64_t at, const std::string& reason) {
    std::string key = id, why = reason;
    Poco::Int64 t = at;
    Poco::Data::Statement grant(s);
    grant << db_.sql("UPDATE grants SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at = 0"), use(t),
        use(why), use(key);
    const bool revokedNow = grant.execute() == 1;
    s << db_.sql("UPDATE access_tokens SET revoked_at = ? WHERE grant_id = ? AND revoked_at = 0"), use(t), use(key), now;
    s << db_.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE grant_id = ? AND revoked_at = 0"), use(t), use(key), now;
    return revokedNow;
}

}  // namespace tessera::core::oidc
