#include "core/oidc/OidcSignIn.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "infra/Random.h"

using namespace Poco::Data::Keywords;

namespace tessera::core::oidc {

Result<std::string> recordOidcSignIn(store::Database& db, Poco::Data::Session& s, const OidcSignIn& in) {
    std::string session = in.sessionPublicId, account = in.accountId, service = in.serviceId, subject = in.subject;
    Poco::Int64 at = in.at, at2 = in.at;
    {
        // ON CONFLICT DO NOTHING (SQLite >= 3.24, PostgreSQL >= 9.5): a concurrent first
        // sign-in waits for the other's row and then finds it below.
        std::string sid = infra::random::id();
        s << db.sql("INSERT INTO oidc_sessions (sid, session_public_id, account_id, service_id, subject, created_at, "
                    "last_auth_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_public_id, service_id) DO NOTHING"),
            use(sid), use(session), use(account), use(service), use(subject), use(at), use(at2), now;
    }
    Poco::Data::Statement st(s);
    st << db.sql("SELECT sid, ended_at FROM oidc_sessions WHERE session_public_id = ? AND service_id = ?"), use(session),
        use(service);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return Error::internal("The OP session row vanished while it was being recorded.");
    std::string sid = rs.value(0, 0).convert<std::string>();
    const bool ended = rs.value(1, 0).convert<Poco::Int64>() != 0;
    std::string oldSid = sid;
    if (ended) {
        sid = infra::random::id();
        s << db.sql("UPDATE oidc_sessions SET sid = ?, account_id = ?, subject = ?, created_at = ?, last_auth_at = ?, "
                    "ended_at = 0, logout_sent_at = 0 WHERE sid = ?"),
            use(sid), use(account), use(subject), use(at), use(at2), use(oldSid), now;
    } else {
        s << db.sql("UPDATE oidc_sessions SET last_auth_at = ?, subject = ? WHERE sid = ?"), use(at), use(subject),
            use(oldSid), now;
    }
    return sid;
}

}  // namespace tessera::core::oidc
