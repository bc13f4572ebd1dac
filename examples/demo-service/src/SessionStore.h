#pragma once
// The service's memory: sign-ins under way (state, nonce, PKCE verifier, keyed by a random
// cookie), signed-in sessions (keyed by another random cookie), logout tokens already used
// (jti) and RP-initiated logouts under way (state). Everything expires and is bounded, so a
// flood of requests cannot grow it without limit. Thread-safe.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tessera/shared/Loa.h"

namespace tessera::demo {

struct LoginTransaction {
    std::string state, nonce, codeVerifier;
    std::optional<Loa> requiredLoa;  // a sign-in for the secure page
    std::string returnTo = "/";      // a path on this service
    std::int64_t createdAt = 0;
};

struct Session {
    std::string sub, sid, idToken, acr;
    std::optional<Loa> loa;
    std::string name, email;
    // What to show: claim name -> value (JSON text for objects and arrays).
    std::vector<std::pair<std::string, std::string>> idTokenClaims, userinfoClaims;
    std::string userinfoProblem;  // why userinfo could not be read, if it could not
    std::string csrfToken;        // for the sign-out form
    std::int64_t createdAt = 0;
    std::int64_t expiresAt = 0;
};

class SessionStore {
public:
    static constexpr std::int64_t kLoginSeconds = 15 * 60;
    static constexpr std::int64_t kSessionSeconds = 8 * 3600;
    static constexpr std::size_t kMaxEntries = 10000;

    // Returns the cookie value that finds it again.
    std::string beginLogin(LoginTransaction transaction, std::int64_t now);
    // Single use: the transaction is gone afterwards, whatever the callback then finds.
    std::optional<LoginTransaction> takeLogin(const std::string& key, std::int64_t now);

    std::string createSession(Session session, std::int64_t now);
    std::optional<Session> findSession(const std::string& key, std::int64_t now);
    void endSession(const std::string& key);
    // Back-channel logout: every session of that provider session (sid), or of that subject
    // when the logout token names no sid. Returns how many ended.
    std::size_t endSessions(const std::string& sid, const std::string& sub);
    std::size_t sessionCount();

    // False when this jti was seen before (a replayed logout token). Kept until `until`.
    bool rememberLogoutToken(const std::string& jti, std::int64_t until, std::int64_t now);

    void beginLogout(const std::string& state, std::int64_t now);
    bool takeLogout(const std::string& state, std::int64_t now);

private:
    void sweep(std::int64_t now);  // drops what has expired; called with the lock held

    std::mutex mutex_;
    std::map<std::string, LoginTransaction> logins_;
    std::map<std::string, Session> sessions_;
    std::map<std::string, std::int64_t> seenJtis_;       // jti -> keep until
    std::map<std::string, std::int64_t> pendingLogouts_;  // state -> started at
};

}  // namespace tessera::demo
