#pragma once
// Who is asking, as the core sees a signed-in (or half signed-in) request: the live session,
// its token (needed to advance it to a new token) and the address the request came from
// (for the audit log and throttling; the session's own address is where it started).
#include <string>

#include "core/sessions/Session.h"

namespace tessera::core {

struct Caller {
    Session session;
    std::string token;
    std::string clientAddress;
};

}  // namespace tessera::core
