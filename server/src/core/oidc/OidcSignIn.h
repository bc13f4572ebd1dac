#pragma once
// Records that a citizen signed in to a service within a portal session: the oidc_sessions
// row for (portal session, service), whose sid is random per row so two services cannot
// correlate a citizen by sid (OidcSessionStore.h reads, ends and reports these rows for
// logout). The row's sid is kept while it is open (last_auth_at moves on); a row that had
// ended gets a new sid, since a sign-in after a logout is a new OP session.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>

#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct OidcSignIn {
    std::string sessionPublicId;
    std::string accountId;
    std::string serviceId;
    std::string subject;
    std::int64_t at = 0;
};

// Inside the caller's transaction; returns the sid. Safe under concurrent first sign-ins.
Result<std::string> recordOidcSignIn(store::Database& db, Poco::Data::Session& s, const OidcSignIn& signIn);

}  // namespace tessera::core::oidc
