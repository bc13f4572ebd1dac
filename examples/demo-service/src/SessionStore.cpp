#include "SessionStore.h"

#include "Encoding.h"

namespace tessera::demo {

namespace {

// Keeps a map within kMaxEntries by dropping its oldest-keyed entries: random keys, so in effect
// random ones. Only reached under a flood; normal use expires entries long before.
template <class Map>
void bound(Map& map) {
    while (map.size() >= SessionStore::kMaxEntries) map.erase(map.begin());
}

}  // namespace

void SessionStore::sweep(std::int64_t now) {
    std::erase_if(logins_, [&](const auto& e) { return e.second.createdAt + kLoginSeconds <= now; });
    std::erase_if(sessions_, [&](const auto& e) { return e.second.expiresAt <= now; });
    std::erase_if(seenJtis_, [&](const auto& e) { return e.second <= now; });
    std::erase_if(pendingLogouts_, [&](const auto& e) { return e.second + kLoginSeconds <= now; });
}

std::string SessionStore::beginLogin(LoginTransaction transaction, std::int64_t now) {
    const std::string key = randomToken();
    transaction.createdAt = now;
    std::lock_guard lock(mutex_);
    sweep(now);
    bound(logins_);
    logins_[key] = std::move(transaction);
    return key;
}

std::optional<LoginTransaction> SessionStore::takeLogin(const std::string& key, std::int64_t now) {
    std::lock_guard lock(mutex_);
    sweep(now);
    auto it = logins_.find(key);
    if (it == logins_.end()) return std::nullopt;
    LoginTransaction out = std::move(it->second);
    logins_.erase(it);
    return out;
}

std::string SessionStore::createSession(Session session, std::int64_t now) {
    const std::string key = randomToken();
    session.createdAt = now;
    session.expiresAt = now + kSessionSeconds;
    session.csrfToken = randomToken();
    std::lock_guard lock(mutex_);
    sweep(now);
    bound(sessions_);
    sessions_[key] = std::move(session);
    return key;
}

std::optional<Session> SessionStore::findSession(const std::string& key, std::int64_t now) {
    std::lock_guard lock(mutex_);
    auto it = sessions_.find(key);
    if (it == sessions_.end()) return std::nullopt;
    if (it->second.expiresAt <= now) {
        sessions_.erase(it);
        return std::nullopt;
    }
    return it->second;
}

void SessionStore::endSession(const std::string& key) {
    std::lock_guard lock(mutex_);
    sessions_.erase(key);
}

std::size_t SessionStore::endSessions(const std::string& sid, const std::string& sub) {
    std::lock_guard lock(mutex_);
    return std::erase_if(sessions_, [&](const auto& e) {
        // With a sid, that provider session only (and, when the token also names a subject, it must agree).
        if (!sid.empty()) return e.second.sid == sid && (sub.empty() || e.second.sub == sub);
        return e.second.sub == sub;
    });
}

std::size_t SessionStore::sessionCount() {
    std::lock_guard lock(mutex_);
    return sessions_.size();
}

bool SessionStore::rememberLogoutToken(const std::string& jti, std::int64_t until, std::int64_t now) {
    std::lock_guard lock(mutex_);
    sweep(now);
    if (seenJtis_.count(jti)) return false;
    bound(seenJtis_);
    seenJtis_[jti] = until;
    return true;
}

void SessionStore::beginLogout(const std::string& state, std::int64_t now) {
    std::lock_guard lock(mutex_);
    sweep(now);
    bound(pendingLogouts_);
    pendingLogouts_[state] = now;
}

bool SessionStore::takeLogout(const std::string& state, std::int64_t now) {
    std::lock_guard lock(mutex_);
    sweep(now);
    return pendingLogouts_.erase(state) > 0;
}

}  // namespace tessera::demo
