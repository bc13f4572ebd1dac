#pragma once
// Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a
// database leak does not hand out sessions. Idle and absolute limits come from settings.
// Every end (end, endByToken, endAll) tells the SessionEndListener, if one is set, which
// sessions ended, inside the caller's transaction.
#include <Poco/Data/Session.h>

#include <optional>
#include <string>
#include <vector>

#include "core/sessions/Session.h"
#include "core/sessions/SessionEndListener.h"
#include "infra/Clock.h"
#include "infra/Settings.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct NewSession {
    std::string token;  // the cookie value: returned once, never stored
    Session session;
};

class SessionStore {
public:
    SessionStore(store::Database& db, infra::Clock& clock, const infra::Settings& settings)
        : db_(db), clock_(clock), settings_(settings) {}

    // Creates a session at the given stage. Pending stages get the shorter pending lifetime.
    Result<NewSession> create(Poco::Data::Session& s, const std::string& accountId, SessionStage stage,
                              const std::string& clientAddress, const std::string& userAgent);
    // The live session for a cookie token, or nullopt if unknown, ended, idle too long or past
    // its absolute limit. touch=true records activity (sliding idle timeout).
    std::optional<Session> find(const std::string& token, bool touch = true);
    // Moves a session to a new stage with a NEW token (no fixation across sign-in steps);
    // the old token stops working.
    Result<NewSession> advance(Poco::Data::Session& s, const std::string& token, SessionStage stage,
                               const std::string& amr);
    Status end(Poco::Data::Session& s, const std::string& accountId, const std::string& publicId);
    Status endByToken(Poco::Data::Session& s, const std::string& token);
    // Ends every session of the account except the one with exceptPublicId (may be empty).
    Result<int> endAll(Poco::Data::Session& s, const std::string& accountId, const std::string& exceptPublicId);
    std::vector<Session> listActive(const std::string& accountId);

    // Set once by the composition root before the server answers requests (not thread-safe
    // against ends running at the same time); null for none. The listener must outlive the store.
    void setEndListener(SessionEndListener* listener) { endListener_ = listener; }
    SessionEndListener* endListener() const { return endListener_; }

    static std::string hashToken(const std::string& token);

private:
    store::Database& db_;
    infra::Clock& clock_;
    const infra::Settings& settings_;
    SessionEndListener* endListener_ = nullptr;

    Status ended(Poco::Data::Session& s, const std::vector<std::string>& publicIds, std::int64_t at);
};

}  // namespace tessera::core
