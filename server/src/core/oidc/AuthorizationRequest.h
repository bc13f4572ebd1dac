#pragma once
// An authorization request at the authorization endpoint (OpenID Connect Core §3.1.2.1,
// RFC 6749 §4.1.1, RFC 7636 §4.3), checked against the service it names.
//
// Two kinds of error (RFC 6749 §4.1.2.1):
//  - before client_id and redirect_uri are trusted (unknown or disabled service, missing,
//    repeated or unregistered redirect URI, a request too large to read): NOT redirectable.
//    The citizen sees an error page; nothing is ever sent to an unverified URI, so the
//    endpoint cannot be used to bounce a citizen to another site (open redirect).
//  - everything after: redirectable, sent back to the registered redirect URI with error,
//    error_description, state and iss (RFC 9207).
//
// Decisions (documented for services in the error descriptions):
//  - scope must contain openid; a scope Tessera knows but the service may not use is refused
//    (invalid_scope, as at the token endpoint) rather than silently dropped, so a service's
//    developer sees the mistake; scope values Tessera does not know are ignored (Core §3.1.2.1).
//  - response_type=code only, response_mode absent or query only.
//  - PKCE: S256 only ("plain" and a challenge without a method, which means plain, are
//    refused); public clients must send a challenge.
//  - prompt: none, login, consent and select_account (one account per session: nothing to
//    select, so it is accepted and has no effect); none with anything else is refused.
//  - state and nonce: at most 512 printable ASCII characters (RFC 6749 Appendix A.5).
//  - login_hint: used only when it is a well-formed email address; otherwise ignored.
//  - ui_locales: the first of en, fr, gd it names (by primary subtag) is the pages' language.
//  - request, request_uri and registration are not supported (request_not_supported, ...).
//  - a repeated parameter is refused (RFC 6749 §3.1); empty values count as absent.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/oidc/AcrValues.h"
#include "core/services/Service.h"
#include "core/services/ServiceStore.h"
#include "tessera/shared/Loa.h"

namespace tessera::core::oidc {

// The decoded parameters as sent (query or form), in order, repeats kept.
using AuthorizationParameters = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::size_t kMaxAuthorizationRequestBytes = 8192;  // every name and value together
inline constexpr std::size_t kMaxAuthorizationParameters = 64;
inline constexpr std::size_t kMaxStateLength = 512;
inline constexpr std::size_t kMaxNonceLength = 512;

struct Prompt {
    bool none = false;
    bool login = false;
    bool consent = false;
};

struct AuthorizationRequest {
    Service service;
    std::string redirectUri;  // as sent: it matched a registered one
    std::vector<std::string> scopes;  // requested, known and allowed; openid among them
    // The claims to release: those the granted scopes stand for and those the claims
    // parameter names, that the service may receive; in the order of the vocabulary; with
    // verified_claims, the verified details it asks for (claims::verifiedDetail).
    std::vector<std::string> claims;
    std::string claimsParameter;  // the claims parameter as sent (JSON) or ""
    std::string state;
    std::string nonce;
    std::string codeChallenge;
    std::string codeChallengeMethod;  // "S256" or "" (no PKCE: confidential clients only)
    Prompt prompt;
    std::optional<std::int64_t> maxAge;
    std::string loginHint;   // a well-formed email address, or ""
    std::string uiLanguage;  // en, fr or gd from ui_locales, or ""
    std::vector<std::string> acrValues;
    Loa requiredLoa = Loa::Loa0;
    AuthorizationParameters parameters;  // exactly what was checked, to check again after sign-in
};

struct AuthorizationError {
    std::string error;        // the OAuth error code
    std::string description;  // for the service's developers; names parameters, never echoes values
    bool redirectable = false;
    std::string redirectUri;  // redirectable: the registered URI the request named
    std::string state;        // redirectable: the request's state when it was valid, else ""
    std::string serviceName;  // redirectable: the service's name, for pages that lead back to it
};

using ParsedAuthorizationRequest = std::variant<AuthorizationRequest, AuthorizationError>;

// `acrNames` names the levels (acr_values, an essential acr claim) as this deployment does.
ParsedAuthorizationRequest parseAuthorizationRequest(const AuthorizationParameters& parameters, ServiceStore& services,
                                                     const AcrValues& acrNames);

// Whether `presented` is one of the service's redirect URIs: the same string, or for a
// registered loopback http URI the same but for the port (RFC 8252 §7.3); nothing else.
bool isRegisteredRedirectUri(const Service& service, const std::string& presented);

}  // namespace tessera::core::oidc
