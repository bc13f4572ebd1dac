#pragma once
// A citizen's own sessions: list them (the one asking is marked), end one, end them all
// ("sign out everywhere"), or sign out. Every end is audited as session.ended.
#include <map>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/auth/Caller.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct ListedSession {
    Session session;
    bool current = false;  // the session making the request
};

class SessionService {
public:
    explicit SessionService(Context& ctx) : ctx_(ctx) {}

    std::vector<ListedSession> listMine(const Caller& caller);
    // NotFound "session_not_found" unless publicId is a live session of the caller's account.
    Status endOne(const Caller& caller, const std::string& publicId);
    // Ends every session of the account, the caller's included; returns how many ended.
    Result<int> endEverywhere(const Caller& caller);
    // Ends the caller's own session, audited with `reason` ("signed_out"; "rp_initiated_logout"
    // when a service asked, core/oidc/EndSession) and `details` (never secrets or tokens).
    Status signOut(const Caller& caller, const std::string& reason = "signed_out",
                   std::map<std::string, std::string> details = {});

private:
    Status audit(Poco::Data::Session& s, const Caller& caller, const std::string& sessionId, const std::string& reason,
                 std::map<std::string, std::string> details = {});

    Context& ctx_;
};

}  // namespace tessera::core
