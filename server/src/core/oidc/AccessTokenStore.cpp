#include "core/oidc/AccessTokenStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace tessera::core::oidc {

Status AccessTokenStore::insert(Poco::Data::Session& s, const AccessTokenRecord& record) {
    AccessTokenRecord r = record;
    Poco::Int64 issued = r.issuedAt, expires = r.expiresAt, revoked = r.revokedAt;
    s << db_.sql("INSERT INTO access_tokens (jti, service_id, account_id, grant_id, scope, issued_at, expires_at, "
                 "revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        use(r.jti), use(r.serviceId), use(r.accountId), use(r.grantId), use(r.scope), use(issued), use(expires),
        use(revoked), now;
    return {};
}

std::optional<AccessTokenRecord> AccessTokenStore::find(const std::string& jti) {
    Poco::Data::Session s = db_.session();
    std::string j = jti;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT jti, service_id, account_id, grant_id, scope, issued_at, expires_at, revoked_at "
                  "FROM access_tokens WHERE jti = ?"),
        use(j);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    AccessTokenRecord r;
    r.jti = rs.value(0, 0).convert<std::string>();
    r.serviceId = rs.value(1, 0).convert<std::string>();
    r.accountId = rs.value(2, 0).convert<std::string>();
    r.grantId = rs.value(3, 0).convert<std::string>();
    r.scope = rs.value(4, 0).convert<std::string>();
    r.issuedAt = rs.value(5, 0).convert<Poco::Int64>();
    r.expiresAt = rs.value(6, 0).convert<Poco::Int64>();
    r.revokedAt = rs.value(7, 0).convert<Poco::Int64>();
    return r;
}

bool AccessTokenStore::revoke(const std::string& jti, std::int64_t at) {
    auto done = db_.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
        std::string j = jti;
        Poco::Int64 t = at;
        Poco::Data::Statement st(s);
        // The first revocation time is kept.
        st << db_.sql("UPDATE access_tokens SET revoked_at = CASE WHEN revoked_at = 0 THEN ? ELSE revoked_at END "
                      "WHERE jti = ?"),
            use(t), use(j);
        return st.execute() == 1;
    });
    return done && *done;
}

int AccessTokenStore::purgeExpired(std::int64_t before) {
    auto done = db_.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
        Poco::Int64 t = before;
        Poco::Data::Statement st(s);
        st << db_.sql("DELETE FROM access_tokens WHERE expires_at < ?"), use(t);
        return int(st.execute());
    });
    return done ? *done : 0;
}

}  // namespace tessera::core::oidc
