#pragma once
// An authorization request waiting for the citizen (to sign in, or to answer the consent
// page), carried by the browser rather than kept in server memory: its parameters and when
// the endpoint asked for a fresh sign-in, compressed and sealed with the data key
// (AES-256-GCM) into one base64url token. The browser can neither read nor change it; it opens
// only for the purpose it was sealed for (and, for the consent page, only for the session it
// was shown to), and only for maxAgeSeconds.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/oidc/AuthorizationRequest.h"
#include "infra/SecretBox.h"

namespace tessera::core::oidc {

struct PendingAuthorization {
    AuthorizationParameters parameters;
    std::int64_t signInAskedAt = 0;  // 0: no fresh sign-in was asked for
    std::int64_t sealedAt = 0;
};

// What a token is for: resuming after sign-in (bound to nothing: the session changes at
// sign-in) or answering the consent page (bound to the session's public id).
inline constexpr std::string_view kPendingSignIn = "tessera.oidc.pending.sign-in.v1";
inline constexpr std::string_view kPendingConsent = "tessera.oidc.pending.consent.v1";

std::string sealPending(const infra::SecretBox& key, const PendingAuthorization& pending, std::string_view purpose,
                        std::string_view boundTo = {});
// The pending request, or nullopt when the token is malformed, was tampered with, was sealed
// for another purpose or session, or is older than maxAgeSeconds (or from the future).
std::optional<PendingAuthorization> openPending(const infra::SecretBox& key, std::string_view token,
                                                std::string_view purpose, std::string_view boundTo, std::int64_t now,
                                                std::int64_t maxAgeSeconds);

}  // namespace tessera::core::oidc
