#pragma once
// Where the citizen comes back to after signing in (or accepting new terms) on the way to a
// service: /oauth2/authorize/resume carrying the sealed pending request (core/oidc/
// PendingAuthorization.h). The address travels as the sign-in pages' `next`, which must be a
// safe return path of at most 2000 bytes on every page it passes through (encoded into
// /sign-in/recovery-code?next=... and the like), so it is kept to kMaxResumePathBytes. A longer
// request goes into a cookie instead (one at a time: a newer long request replaces it), and
// the address carries only a random reference to it.
#include <optional>
#include <string>

#include "core/oidc/PendingAuthorization.h"
#include "web/Request.h"
#include "web/Services.h"

namespace tessera::web::oidc {

inline constexpr std::size_t kMaxResumePathBytes = 1800;
inline constexpr std::int64_t kPendingSignInSeconds = 3600;  // time to sign in (or recover an account)
inline constexpr std::int64_t kPendingConsentSeconds = 3600; // time to answer the consent page

// The resume address for `pending` (sealed now), setting the cookie when needed; nullopt when
// even the cookie cannot hold the request.
std::optional<std::string> resumePathFor(Request& r, const Services& services,
                                         core::oidc::PendingAuthorization pending);
// The pending request this resume request carries, or nullopt: missing, tampered with, older
// than kPendingSignInSeconds, or a cookie reference this browser does not hold.
std::optional<core::oidc::PendingAuthorization> resumedRequest(const Request& r, const Services& services);

}  // namespace tessera::web::oidc
