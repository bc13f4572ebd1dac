#pragma once
// Ends the OP sessions riding on portal sessions as those end (the SessionEndListener that
// the composition root gives SessionStore): inside the ending transaction, every live
// oidc_sessions row of those sessions gets ended_at, and the rows whose service has a
// back-channel logout URI are handed to the worker, which delivers them once the transaction
// has committed. Rolled back together with the portal session's end, or committed with it.
#include <Poco/Data/Session.h>

#include "core/oidc/BackchannelLogout.h"
#include "core/oidc/OidcSessionStore.h"
#include "core/services/ServiceStore.h"
#include "core/sessions/SessionEndListener.h"

namespace tessera::core::oidc {

class LogoutOnSessionEnd final : public SessionEndListener {
public:
    // worker: null to only end the rows (the worker of another process, or a later start,
    // finds them in the durable queue).
    LogoutOnSessionEnd(store::Database& db, OidcSessionStore& store, BackchannelLogout* worker)
        : services_(db), store_(store), worker_(worker) {}

    Status sessionsEnded(Poco::Data::Session& transaction, const std::vector<std::string>& publicIds,
                         std::int64_t at) override;

private:
    ServiceStore services_;
    OidcSessionStore& store_;
    BackchannelLogout* worker_;
};

}  // namespace tessera::core::oidc
