#include "core/oidc/OidcSessionStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace tessera::core::oidc {

namespace {

// Every column, prefixed for the joins below.
const char* kColumns =
    "o.sid, o.session_public_id, o.account_id, o.service_id, o.subject, o.created_at, o.last_auth_at, o.ended_at, "
    "o.logout_sent_at";
constexpr std::size_t kColumnCount = 9;

// What makes an ended row still owe its service a logout token.
const char* kAwaitingLogout =
    "o.ended_at <> 0 AND o.logout_sent_at = 0 AND v.backchannel_logout_uri <> '' AND v.disabled = 0";

OidcSession sessionFrom(const Poco::Data::RecordSet& rs, std::size_t row) {
    OidcSession o;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, row).convert<std::string>(); };
    auto num = [&]() { return rs.value(i++, row).convert<Poco::Int64>(); };
    o.sid = str();
    o.sessionPublicId = str();
    o.accountId = str();
    o.serviceId = str();
    o.subject = str();
    o.createdAt = num();
    o.lastAuthAt = num();
    o.endedAt = num();
    o.logoutSentAt = num();
    return o;
}

std::vector<OidcSession> sessionsFrom(Poco::Data::Statement& st) {
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<OidcSession> out;
    for (std::size_t i = 0; i < rs.rowCount(); ++i) out.push_back(sessionFrom(rs, i));
    return out;
}

std::vector<PendingLogout> pendingFrom(Poco::Data::Statement& st) {
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<PendingLogout> out;
    for (std::size_t i = 0; i < rs.rowCount(); ++i) {
        PendingLogout p;
        p.session = sessionFrom(rs, i);
        p.clientId = rs.value(kColumnCount, i).convert<std::string>();
        p.backchannelLogoutUri = rs.value(kColumnCount + 1, i).convert<std::string>();
        p.idTokenAlg = rs.value(kColumnCount + 2, i).convert<std::string>();
        out.push_back(std::move(p));
    }
    return out;
}

std::string pendingSelect() {
    return std::string("SELECT ") + kColumns +
           ", v.client_id, v.backchannel_logout_uri, v.id_token_alg FROM oidc_sessions o JOIN services v ON v.id = "
           "o.service_id WHERE " +
           kAwaitingLogout;
}

}  // namespace

std::optional<OidcSession> OidcSessionStore::find(const std::string& sid) {
    Poco::Data::Session s = db_.session();
    std::string id = sid;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns + " FROM oidc_sessions o WHERE o.sid = ?"), use(id);
    auto found = sessionsFrom(st);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<OidcSession> OidcSessionStore::liveFor(const std::string& sessionPublicId) {
    Poco::Data::Session s = db_.session();
    std::string pub = sessionPublicId;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns +
                  " FROM oidc_sessions o WHERE o.session_public_id = ? AND o.ended_at = 0 ORDER BY o.created_at, o.sid"),
        use(pub);
    return sessionsFrom(st);
}

std::vector<OidcSession> OidcSessionStore::endEach(Poco::Data::Session& s, std::vector<OidcSession> candidates,
                                                   std::int64_t at) {
    std::vector<OidcSession> ended;
    Poco::Int64 t = at;
    for (auto& o : candidates) {
        Poco::Data::Statement st(s);
        st << db_.sql("UPDATE oidc_sessions SET ended_at = ? WHERE sid = ? AND ended_at = 0"), use(t), use(o.sid);
        if (st.execute() != 1) continue;  // ended meanwhile by someone else, who reports it
        o.endedAt = at;
        ended.push_back(std::move(o));
    }
    return ended;
}

std::vector<OidcSession> OidcSessionStore::endForSessions(Poco::Data::Session& s,
                                                          const std::vector<std::string>& publicIds, std::int64_t at) {
    std::vector<OidcSession> candidates;
    for (const auto& publicId : publicIds) {
        std::string pub = publicId;
        Poco::Data::Statement st(s);
        st << db_.sql(std::string("SELECT ") + kColumns +
                      " FROM oidc_sessions o WHERE o.session_public_id = ? AND o.ended_at = 0 ORDER BY o.created_at, "
                      "o.sid"),
            use(pub);
        for (auto& o : sessionsFrom(st)) candidates.push_back(std::move(o));
    }
    return endEach(s, std::move(candidates), at);
}

std::vector<OidcSession> OidcSessionStore::endForDeadSessions(Poco::Data::Session& s, std::int64_t now,
                                                              std::int64_t idleSince, std::size_t limit) {
    Poco::Int64 t = now, idle = idleSince;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns +
                  " FROM oidc_sessions o JOIN sessions p ON p.public_id = o.session_public_id WHERE o.ended_at = 0 "
                  "AND (p.ended_at <> 0 OR p.expires_at <= ? OR p.last_seen_at <= ?) ORDER BY o.created_at, o.sid "
                  "LIMIT " +
                  std::to_string(limit)),
        use(t), use(idle);
    return endEach(s, sessionsFrom(st), now);
}

std::optional<PendingLogout> OidcSessionStore::pending(const std::string& sid) {
    Poco::Data::Session s = db_.session();
    std::string id = sid;
    Poco::Data::Statement st(s);
    st << db_.sql(pendingSelect() + " AND o.sid = ?"), use(id);
    auto found = pendingFrom(st);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<PendingLogout> OidcSessionStore::pendingEndedBetween(std::int64_t endedFrom, std::int64_t endedUntil,
                                                                 std::size_t limit) {
    Poco::Data::Session s = db_.session();
    Poco::Int64 from = endedFrom, until = endedUntil;
    Poco::Data::Statement st(s);
    st << db_.sql(pendingSelect() + " AND o.ended_at >= ? AND o.ended_at <= ? ORDER BY o.ended_at, o.sid LIMIT " +
                  std::to_string(limit)),
        use(from), use(until);
    return pendingFrom(st);
}

bool OidcSessionStore::markSent(Poco::Data::Session& s, const std::string& sid, std::int64_t at) {
    std::string id = sid;
    Poco::Int64 t = at;
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE oidc_sessions SET logout_sent_at = ? WHERE sid = ? AND logout_sent_at = 0"), use(t), use(id);
    return st.execute() == 1;
}

}  // namespace tessera::core::oidc
