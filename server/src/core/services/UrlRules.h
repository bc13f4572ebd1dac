#pragma once
// Which URLs a service may register (redirect, logout, JWKS, event and logo URLs), and how a
// redirect URI presented at the authorization endpoint matches a registered one.
//
// Registrable: absolute, https — or http on a loopback host (127.0.0.1, [::1], localhost)
// with any port, as RFC 8252 §7.3 allows native apps — with a host, no user info, no
// fragment, no wildcard, only printable ASCII, at most 2000 bytes.
#include <optional>
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera::core::urls {

inline constexpr std::size_t kMaxUrlBytes = 2000;

// nullopt when `url` is registrable; otherwise the problem, reported on `field`.
std::optional<FieldError> registrableProblem(std::string_view url, const std::string& field);
// Like registrableProblem, but only https (logo images shown to citizens).
std::optional<FieldError> httpsProblem(std::string_view url, const std::string& field);
// True when the URL's host is 127.0.0.1, [::1] or localhost.
bool isLoopback(std::string_view url);
// The host of an absolute URL, lower-cased ("" when it does not parse).
std::string hostOf(std::string_view url);
// Exact string match, except that a registered loopback http URI matches the presented one
// on any port (RFC 8252 §7.3). Phase 2's authorization endpoint uses this.
bool redirectMatches(std::string_view registered, std::string_view presented);

}  // namespace tessera::core::urls
