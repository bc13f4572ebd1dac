#include "core/sessions/SessionStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>

#include "infra/Digest.h"
#include "infra/Random.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

const char* kColumns =
    "public_id, account_id, stage, csrf_token, created_at, last_seen_at, expires_at, auth_time, amr, "
    "client_address, user_agent";

Session fromRow(const Poco::Data::RecordSet& rs, std::size_t row) {
    Session s;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, row).convert<std::string>(); };
    auto num = [&]() { return rs.value(i++, row).convert<Poco::Int64>(); };
    s.publicId = str();
    s.accountId = str();
    s.stage = sessionStageFrom(str());
    s.csrfToken = str();
    s.createdAt = num();
    s.lastSeenAt = num();
    s.expiresAt = num();
    s.authTime = num();
    s.amr = str();
    s.clientAddress = str();
    s.userAgent = str();
    return s;
}

}  // namespace

std::string SessionStore::hashToken(const std::string& token) { return infra::digest::sha256Hex(token); }

Result<NewSession> SessionStore::create(Poco::Data::Session& s, const std::string& accountId, SessionStage stage,
                                        const std::string& clientAddress, const std::string& userAgent) {
    NewSession n;
    n.token = infra::random::token(32);
    Session& x = n.session;
    x.publicId = infra::random::id();
    x.accountId = accountId;
    x.stage = stage;
    x.csrfToken = infra::random::token(24);
    x.createdAt = x.lastSeenAt = clock_.now();
    x.expiresAt = x.createdAt + (stage == SessionStage::Authenticated ? settings_.sessionAbsoluteSeconds
                                                                       : settings_.pendingSessionSeconds);
    x.authTime = stage == SessionStage::Authenticated ? x.createdAt : 0;
    x.clientAddress = clientAddress.substr(0, 64);
    x.userAgent = userAgent.substr(0, 256);
    std::string idHash = hashToken(n.token), stageName = toString(stage);
    Poco::Int64 created = x.createdAt, seen = x.lastSeenAt, expires = x.expiresAt, authTime = x.authTime;
    s << db_.sql(std::string("INSERT INTO sessions (id_hash, ") + kColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(idHash), use(x.publicId), use(x.accountId), use(stageName), use(x.csrfToken), use(created), use(seen),
        use(expires), use(authTime), use(x.amr), use(x.clientAddress), use(x.userAgent), now;
    return n;
}

std::optional<Session> SessionStore::find(const std::string& token, bool touch) {
    if (token.empty() || token.size() > 256) return std::nullopt;
    std::string idHash = hashToken(token);
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns + " FROM sessions WHERE id_hash = ? AND ended_at = 0"), use(idHash);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    Session x = fromRow(rs, 0);
    const std::int64_t t = clock_.now();
    const std::int64_t idleLimit = x.stage == SessionStage::Authenticated ? settings_.sessionIdleSeconds
                                                                          : settings_.pendingSessionSeconds;
    if (t >= x.expiresAt || t - x.lastSeenAt >= idleLimit) return std::nullopt;
    // Record activity at most once a minute: keeps reads cheap while the idle clock slides.
    if (touch && t - x.lastSeenAt >= 60) {
        Poco::Int64 seen = t;
        s << db_.sql("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?"), use(seen), use(idHash), now;
        x.lastSeenAt = t;
    }
    return x;
}

Result<NewSession> SessionStore::advance(Poco::Data::Session& s, const std::string& token, SessionStage stage,
                                         const std::string& amr) {
    std::string oldHash = hashToken(token);
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns + " FROM sessions WHERE id_hash = ? AND ended_at = 0"),
        use(oldHash);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return Error::unauthorized("sign_in_required", "Your session has ended; sign in again.");
    Session x = fromRow(rs, 0);

    NewSession n;
    n.token = infra::random::token(32);
    x.stage = stage;
    x.csrfToken = infra::random::token(24);
    x.lastSeenAt = clock_.now();
    if (stage == SessionStage::Authenticated) {
        x.authTime = x.lastSeenAt;
        x.amr = amr;
        // The absolute limit runs from full sign-in, not from the first step.
        x.expiresAt = x.authTime + settings_.sessionAbsoluteSeconds;
    } else {
        x.expiresAt = std::min<std::int64_t>(x.expiresAt, x.lastSeenAt + settings_.pendingSessionSeconds);
    }
    std::string newHash = hashToken(n.token), stageName = toString(stage);
    Poco::Int64 seen = x.lastSeenAt, expires = x.expiresAt, authTime = x.authTime;
    Poco::Data::Statement up(s);
    up << db_.sql("UPDATE sessions SET id_hash = ?, stage = ?, csrf_token = ?, last_seen_at = ?, expires_at = ?, "
                  "auth_time = ?, amr = ? WHERE id_hash = ? AND ended_at = 0"),
        use(newHash), use(stageName), use(x.csrfToken), use(seen), use(expires), use(authTime), use(x.amr),
        use(oldHash);
    if (up.execute() != 1) return Error::conflict("session_changed", "The session changed meanwhile; try again.");
    n.session = x;
    return n;
}

Status SessionStore::end(Poco::Data::Session& s, const std::string& accountId, const std::string& publicId) {
    std::string acc = accountId, pub = publicId;
    Poco::Int64 t = clock_.now();
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE sessions SET ended_at = ? WHERE account_id = ? AND public_id = ? AND ended_at = 0"), use(t),
        use(acc), use(pub);
    if (st.execute() != 1) return Error::notFound("session_not_found", "There is no active session with that id.");
    return ended(s, {publicId}, t);
}

Status SessionStore::endByToken(Poco::Data::Session& s, const std::string& token) {
    std::string h = hashToken(token);
    Poco::Int64 t = clock_.now();
    std::vector<std::string> publicIds;
    s << db_.sql("SELECT public_id FROM sessions WHERE id_hash = ? AND ended_at = 0"), use(h), into(publicIds), now;
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE sessions SET ended_at = ? WHERE id_hash = ? AND ended_at = 0"), use(t), use(h);
    if (publicIds.size() != 1 || st.execute() != 1)
        return Error::notFound("session_not_found", "The session has already ended.");
    return ended(s, publicIds, t);
}

Result<int> SessionStore::endAll(Poco::Data::Session& s, const std::string& accountId,
                                 const std::string& exceptPublicId) {
    std::string acc = accountId, except = exceptPublicId;
    Poco::Int64 t = clock_.now();
    // Each one by id, so the listener hears of exactly the sessions this transaction ended.
    std::vector<std::string> live;
    s << db_.sql("SELECT public_id FROM sessions WHERE account_id = ? AND public_id <> ? AND ended_at = 0"), use(acc),
        use(except), into(live), now;
    std::vector<std::string> endedHere;
    for (auto& publicId : live) {
        Poco::Data::Statement st(s);
        st << db_.sql("UPDATE sessions SET ended_at = ? WHERE public_id = ? AND ended_at = 0"), use(t), use(publicId);
        if (st.execute() == 1) endedHere.push_back(publicId);
    }
    if (auto told = ended(s, endedHere, t); !told) return told.error();
    return int(endedHere.size());
}

Status SessionStore::ended(Poco::Data::Session& s, const std::vector<std::string>& publicIds, std::int64_t at) {
    if (!endListener_ || publicIds.empty()) return {};
    return endListener_->sessionsEnded(s, publicIds, at);
}

std::vector<Session> SessionStore::listActive(const std::string& accountId) {
    std::string acc = accountId;
    Poco::Int64 t = clock_.now();
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns +
                  " FROM sessions WHERE account_id = ? AND ended_at = 0 AND expires_at > ? ORDER BY created_at DESC"),
        use(acc), use(t);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<Session> out;
    for (std::size_t i = 0; i < rs.rowCount(); ++i) {
        Session x = fromRow(rs, i);
        const std::int64_t idle = x.stage == SessionStage::Authenticated ? settings_.sessionIdleSeconds
                                                                         : settings_.pendingSessionSeconds;
        if (t - x.lastSeenAt < idle) out.push_back(std::move(x));
    }
    return out;
}

}  // namespace tessera::core
