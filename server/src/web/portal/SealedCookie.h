#pragma once
// A value handed from a form post to the page after its redirect (post/redirect/get) without
// keeping it in server memory or writing it to the database: sealed with the data key
// (AES-256-GCM), bound to one session and to the cookie's purpose, in a short-lived cookie
// that only that one page receives.
//
//   const SealedCookie kRecoveryCodes{"tessera_recovery_codes", "/set-up-two-factor/recovery-codes", 600};
//   setSealedCookie(r, services, kRecoveryCodes, signedIn.session.publicId, joinedCodes);   // the POST
//   auto codes = openSealedCookie(r, services, kRecoveryCodes, session.publicId);          // the GET
//   clearSealedCookie(r, services, kRecoveryCodes);                                         // shown once
//
// The cookie is HttpOnly, SameSite=Strict, Path=<the page>, Secure (and named "__Secure-...")
// when the server's cookies are. Its holder cannot read or change it, it opens for no other
// session, and it stops opening after maxAgeSeconds even if a browser keeps it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "web/Request.h"
#include "web/Services.h"

namespace tessera::web::portal {

struct SealedCookie {
    std::string name;            // without the "__Secure-" prefix
    std::string path;            // the page that reads it
    std::int64_t maxAgeSeconds;  // how long it opens
};

// Sets the cookie on this response: `value` sealed for the session whose publicId is `boundTo`.
void setSealedCookie(Request& r, const Services& services, const SealedCookie& cookie, const std::string& boundTo,
                     std::string_view value);
// The value, if the request carries the cookie, it was sealed for `boundTo` and is not too old.
std::optional<std::string> openSealedCookie(const Request& r, const Services& services, const SealedCookie& cookie,
                                            const std::string& boundTo);
// Tells the browser to forget the cookie.
void clearSealedCookie(Request& r, const Services& services, const SealedCookie& cookie);

}  // namespace tessera::web::portal
