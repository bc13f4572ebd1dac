#pragma once
// The oidc_sessions table as logout sees it. A row is the OP session at one service: recorded
// when the service gets an authorization code (OidcSignIn.h), ended (ended_at) with the portal
// session it rides on (LogoutOnSessionEnd), and marked (logout_sent_at) once the service has
// been told by back-channel logout (LogoutDelivery). Methods taking a Poco::Data session run inside the caller's
// transaction. Ending is conditional (ended_at = 0), so of two transactions or processes
// ending the same row exactly one reports it.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/Database.h"

namespace tessera::core::oidc {

struct OidcSession {
    std::string sid;
    std::string sessionPublicId;  // the portal session (sessions.public_id)
    std::string accountId;
    std::string serviceId;
    std::string subject;  // the sub this service knows the citizen by
    std::int64_t createdAt = 0;
    std::int64_t lastAuthAt = 0;
    std::int64_t endedAt = 0;       // 0: live
    std::int64_t logoutSentAt = 0;  // 0: the service has not been told (yet)
};

// An ended OP session whose service has a back-channel logout URI and has not been told yet.
struct PendingLogout {
    OidcSession session;
    std::string clientId;
    std::string backchannelLogoutUri;
    std::string idTokenAlg;  // the service's; signs its logout tokens
};

class OidcSessionStore {
public:
    explicit OidcSessionStore(store::Database& db) : db_(db) {}

    std::optional<OidcSession> find(const std::string& sid);
    // The live OP sessions riding on a portal session, oldest first.
    std::vector<OidcSession> liveFor(const std::string& sessionPublicId);

    // Ends the live OP sessions of these portal sessions at `at`; returns the ones ended here.
    std::vector<OidcSession> endForSessions(Poco::Data::Session& s, const std::vector<std::string>& publicIds,
                                            std::int64_t at);
    // Ends (at `now`) at most `limit` live OP sessions whose portal session is over without
    // having ended them: ended, past its absolute limit, or not seen since `idleSince`.
    std::vector<OidcSession> endForDeadSessions(Poco::Data::Session& s, std::int64_t now, std::int64_t idleSince,
                                                std::size_t limit);

    // The row, if it still awaits its logout token (ended, not sent, service live with a URI).
    std::optional<PendingLogout> pending(const std::string& sid);
    // Rows awaiting their logout token that ended in [endedFrom, endedUntil], oldest first.
    std::vector<PendingLogout> pendingEndedBetween(std::int64_t endedFrom, std::int64_t endedUntil, std::size_t limit);
    // Records that the service was told; false when it already was (by another process).
    bool markSent(Poco::Data::Session& s, const std::string& sid, std::int64_t at);

private:
    std::vector<OidcSession> endEach(Poco::Data::Session& s, std::vector<OidcSession> candidates, std::int64_t at);
    store::Database& db_;
};

}  // namespace tessera::core::oidc
