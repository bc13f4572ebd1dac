#pragma once
// "Sign out everywhere else": ends every session of the caller's account but the caller's
// own, in one transaction, audited like SessionService's ends (session.ended, reason
// signed_out_elsewhere, with the count). The caller stays signed in.
//
// Kept apart from SessionService only so the portal could land without editing that file;
// it belongs there as SessionService::endOthers.
#include "core/Context.h"
#include "core/auth/Caller.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class SignOutElsewhere {
public:
    explicit SignOutElsewhere(Context& ctx) : ctx_(ctx) {}

    // How many other sessions ended (0 when there were none; nothing is audited then).
    Result<int> endOthers(const Caller& caller);

private:
    Context& ctx_;
};

}  // namespace tessera::core
