#pragma once
// What must end with a portal session. SessionStore calls its listener inside the very
// transaction that ends sessions — sign-out, "sign out everywhere", ending one session from
// another, "sign out everywhere else", a password reset or change — so whatever rides on a
// session (the OpenID Connect provider's per-service sessions, core/oidc/LogoutOnSessionEnd)
// ends atomically with it, or not at all: an error value rolls the whole end back.
//
// The transaction has not committed when the listener runs: anything it starts outside the
// database (a delivery to another party) must wait to see the commit.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::core {

class SessionEndListener {
public:
    virtual ~SessionEndListener() = default;
    // `publicIds`: the sessions this transaction ended (never empty), at Unix time `at`.
    virtual Status sessionsEnded(Poco::Data::Session& transaction, const std::vector<std::string>& publicIds,
                                 std::int64_t at) = 0;
};

}  // namespace tessera::core
