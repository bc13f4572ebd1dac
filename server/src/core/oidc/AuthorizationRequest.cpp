#include "core/oidc/AuthorizationRequest.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/oidc/AcrPolicy.h"
#include "core/oidc/ClaimsParameter.h"
#include "core/oidc/ReleasedClaims.h"
#include "core/oidc/Scope.h"
#include "core/services/ServiceVocabulary.h"
#include "core/services/UrlRules.h"
#include "tessera/shared/Email.h"

namespace tessera::core::oidc {

namespace {

constexpr std::size_t kMaxLoginHint = 320;
constexpr std::size_t kMaxUiLocales = 256;
constexpr std::size_t kMaxAcrValues = 1024;
constexpr std::size_t kMaxScope = 1024;
constexpr std::size_t kMinChallenge = 43, kMaxChallenge = 128;  // RFC 7636 §4.2
constexpr std::size_t kMaxAgeDigits = 10;

// The parameters by name, every value kept (to spot repeats).
using ByName = std::map<std::string, std::vector<std::string>>;

ByName byName(const AuthorizationParameters& parameters) {
    ByName out;
    for (const auto& [name, value] : parameters) out[name].push_back(value);
    return out;
}

// The value of a parameter sent once, or "" (absent, or empty, which counts as absent).
std::string single(const ByName& all, const std::string& name) {
    auto it = all.find(name);
    return it == all.end() || it->second.size() != 1 ? std::string() : it->second.front();
}

bool repeated(const ByName& all, const std::string& name) {
    auto it = all.find(name);
    return it != all.end() && it->second.size() > 1;
}

// VSCHAR (RFC 6749 Appendix A): printable ASCII and space.
bool isVisible(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= 0x20 && c <= 0x7e; });
}

bool isChallengeChar(unsigned char c) { return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

std::vector<std::string> spaceSeparated(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

AuthorizationError shown(std::string error, std::string description) {
    return {std::move(error), std::move(description), false, {}, {}, {}};
}

// The part of a URL after its authority ("/cb?x" of "http://h:1/cb?x").
std::string_view afterAuthority(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return url;
    const auto end = url.find_first_of("/?#", scheme + 3);
    return end == std::string_view::npos ? std::string_view() : url.substr(end);
}

// Where the redirectable checks start: the trusted redirect URI and the state to send back.
struct Reply {
    std::string redirectUri;
    std::string state;
    std::string serviceName;
    AuthorizationError operator()(std::string error, std::string description) const {
        return {std::move(error), std::move(description), true, redirectUri, state, serviceName};
    }
};

// The first of en, fr and gd that ui_locales names by primary subtag ("fr-CA" is fr).
std::string uiLanguageFrom(const std::string& uiLocales) {
    for (const auto& tag : spaceSeparated(uiLocales)) {
        std::string primary = tag.substr(0, tag.find('-'));
        std::transform(primary.begin(), primary.end(), primary.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (primary == "en" || primary == "fr" || primary == "gd") return primary;
    }
    return {};
}

// The claims to ask consent for, in the vocabulary's order.
std::vector<std::string> claimsToRelease(const Service& service, const std::vector<std::string>& scopes,
                                         const std::vector<std::string>& named) {
    auto requested = [&](const std::string& claim) {
        if (std::find(named.begin(), named.end(), claim) != named.end()) return true;
        return std::any_of(scopes.begin(), scopes.end(), [&](const std::string& scope) {
            const auto& forScope = claims::forScope(scope);
            return std::find(forScope.begin(), forScope.end(), claim) != forScope.end();
        });
    };
    std::vector<std::string> out;
    for (const auto& claim : vocabulary::knownClaims())
        if (requested(claim) && vocabulary::isKnown(service.allowedClaims, claim)) out.push_back(claim);
    return out;
}

std::optional<AuthorizationError> checkScopes(const Reply& reply, const Service& service, const std::string& text,
                                              std::vector<std::string>& granted) {
    if (text.empty()) return reply("invalid_scope", "The scope parameter is required and must contain openid.");
    if (text.size() > kMaxScope) return reply("invalid_scope", "The scope parameter is too long.");
    auto parsed = scope::parse(text);
    if (!parsed) return reply("invalid_scope", parsed.error().message);
    if (!vocabulary::isKnown(*parsed, "openid")) return reply("invalid_scope", "The scope must contain openid.");
    for (const auto& s : *parsed) {
        if (!vocabulary::isKnown(vocabulary::knownScopes(), s)) continue;  // not understood: ignored
        if (!service.allowsScope(s)) return reply("invalid_scope", "This client is not allowed the scope " + s + ".");
        granted.push_back(s);
    }
    return std::nullopt;
}

std::optional<AuthorizationError> checkPkce(const Reply& reply, const Service& service, const ByName& all,
                                            AuthorizationRequest& out) {
    const std::string challenge = single(all, "code_challenge"), method = single(all, "code_challenge_method");
    if (challenge.empty()) {
        if (!method.empty()) return reply("invalid_request", "code_challenge_method was sent without code_challenge.");
        if (!service.isConfidential())
            return reply("invalid_request", "A public client must use PKCE: send code_challenge and "
                                            "code_challenge_method=S256.");
        return std::nullopt;
    }
    if (method != "S256")
        return reply("invalid_request", "Only code_challenge_method=S256 is supported (plain is not, and a "
                                        "challenge without a method means plain).");
    if (challenge.size() < kMinChallenge || challenge.size() > kMaxChallenge ||
        !std::all_of(challenge.begin(), challenge.end(), [](unsigned char c) { return isChallengeChar(c); }))
        return reply("invalid_request", "code_challenge must be 43 to 128 characters of A-Z, a-z, 0-9, -, ., _ and ~.");
    out.codeChallenge = challenge;
    out.codeChallengeMethod = method;
    return std::nullopt;
}

std::optional<AuthorizationError> checkPrompt(const Reply& reply, const std::string& text, Prompt& prompt) {
    const auto values = spaceSeparated(text);
    for (const auto& value : values) {
        if (value == "none") prompt.none = true;
        else if (value == "login") prompt.login = true;
        else if (value == "consent") prompt.consent = true;
        else if (value != "select_account")
            return reply("invalid_request", "prompt may be none, login, consent or select_account.");
    }
    if (prompt.none && values.size() > 1) return reply("invalid_request", "prompt=none cannot be combined with other values.");
    return std::nullopt;
}

std::optional<AuthorizationError> checkMaxAge(const Reply& reply, const std::string& text,
                                              std::optional<std::int64_t>& maxAge) {
    if (text.empty()) return std::nullopt;
    if (text.size() > kMaxAgeDigits ||
        !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
        return reply("invalid_request", "max_age must be a number of seconds (a non-negative integer).");
    maxAge = std::stoll(text);
    return std::nullopt;
}

}  // namespace

bool isRegisteredRedirectUri(const Service& service, const std::string& presented) {
    if (presented.empty() || presented.size() > urls::kMaxUrlBytes) return false;
    const bool plain = std::all_of(presented.begin(), presented.end(),
                                   [](unsigned char c) { return c > 0x20 && c < 0x7f && c != '\\'; });
    if (!plain || presented.find('#') != std::string::npos) return false;
    for (const auto& registered : service.redirectUris) {
        if (registered == presented) return true;
        // Loopback: any port, everything after the authority byte for byte the same (so no
        // percent-encoded variant of the registered path slips through a decoding compare).
        if (urls::redirectMatches(registered, presented) && afterAuthority(registered) == afterAuthority(presented))
            return true;
    }
    return false;
}

ParsedAuthorizationRequest parseAuthorizationRequest(const AuthorizationParameters& parameters, ServiceStore& services,
                                                     const AcrValues& acrNames) {
    std::size_t bytes = 0;
    for (const auto& [name, value] : parameters) bytes += name.size() + value.size() + 2;
    if (bytes > kMaxAuthorizationRequestBytes || parameters.size() > kMaxAuthorizationParameters)
        return shown("invalid_request", "The authorization request is too large.");
    const ByName all = byName(parameters);

    // 1. Who is asking, and where the answer may go. Until both are known, nothing redirects.
    if (repeated(all, "client_id")) return shown("invalid_request", "client_id is repeated.");
    const std::string clientId = single(all, "client_id");
    if (clientId.empty()) return shown("invalid_request", "client_id is missing.");
    auto found = clientId.size() <= 256 ? services.findByClientId(clientId) : std::nullopt;
    if (!found || found->disabled) return shown("invalid_client", "There is no enabled client with this client_id.");
    if (repeated(all, "redirect_uri")) return shown("invalid_request", "redirect_uri is repeated.");
    const std::string redirectUri = single(all, "redirect_uri");
    if (redirectUri.empty()) return shown("invalid_request", "redirect_uri is missing.");
    if (!isRegisteredRedirectUri(*found, redirectUri))
        return shown("invalid_request", "redirect_uri is not one of the client's registered redirect URIs.");

    // 2. From here on, errors go back to the service.
    Reply reply{redirectUri, {}, found->name};
    const std::string state = single(all, "state");
    if (repeated(all, "state")) return reply("invalid_request", "state is repeated.");
    if (state.size() > kMaxStateLength || !isVisible(state))
        return reply("invalid_request", "state must be at most 512 printable ASCII characters.");
    reply.state = state;
    for (const auto& [name, values] : all)
        if (values.size() > 1) return reply("invalid_request", "A parameter is repeated; send each one once.");

    if (!single(all, "request").empty())
        return reply("request_not_supported", "Request objects (the request parameter) are not supported.");
    if (!single(all, "request_uri").empty())
        return reply("request_uri_not_supported", "The request_uri parameter is not supported.");
    if (!single(all, "registration").empty())
        return reply("registration_not_supported", "The registration parameter is not supported.");

    const std::string responseType = single(all, "response_type");
    if (responseType.empty()) return reply("invalid_request", "response_type is missing.");
    if (responseType != "code")
        return reply("unsupported_response_type", "Only response_type=code (the authorization code flow) is supported.");
    const Service& service = *found;
    if (!service.allowsGrant("authorization_code"))
        return reply("unauthorized_client", "This client is not allowed the authorization_code grant.");
    const std::string responseMode = single(all, "response_mode");
    if (!responseMode.empty() && responseMode != "query")
        return reply("invalid_request", "Only response_mode=query is supported.");

    AuthorizationRequest out;
    out.service = service;
    out.redirectUri = redirectUri;
    out.state = state;
    out.parameters = parameters;
    if (auto e = checkScopes(reply, service, single(all, "scope"), out.scopes)) return *e;

    out.nonce = single(all, "nonce");
    if (out.nonce.size() > kMaxNonceLength || !isVisible(out.nonce))
        return reply("invalid_request", "nonce must be at most 512 printable ASCII characters.");
    if (auto e = checkPkce(reply, service, all, out)) return *e;
    if (auto e = checkPrompt(reply, single(all, "prompt"), out.prompt)) return *e;
    if (auto e = checkMaxAge(reply, single(all, "max_age"), out.maxAge)) return *e;

    const std::string loginHint = single(all, "login_hint");
    if (!loginHint.empty() && loginHint.size() <= kMaxLoginHint)
        if (auto email = validate::email(loginHint)) out.loginHint = *email;

    const std::string uiLocales = single(all, "ui_locales");
    if (uiLocales.size() > kMaxUiLocales) return reply("invalid_request", "ui_locales is too long.");
    out.uiLanguage = uiLanguageFrom(uiLocales);

    const std::string acrValues = single(all, "acr_values");
    if (acrValues.size() > kMaxAcrValues || !isVisible(acrValues))
        return reply("invalid_request", "acr_values must be at most 1024 printable ASCII characters.");
    out.acrValues = spaceSeparated(acrValues);

    ClaimsParameter claimsParameter;
    out.claimsParameter = single(all, "claims");
    if (!out.claimsParameter.empty()) {
        auto parsed = parseClaimsParameter(out.claimsParameter);
        if (!parsed) return reply("invalid_request", parsed.error().message);
        claimsParameter = std::move(*parsed);
    }
    out.claims = claimsToRelease(service, out.scopes, claimsParameter.names);
    if (vocabulary::isKnown(out.claims, "verified_claims"))
        for (auto& detail : claims::verifiedDetailsAskedIn(out.claimsParameter)) out.claims.push_back(std::move(detail));
    out.requiredLoa = acr::requiredLoa(acrNames, service.minLoa, out.acrValues, claimsParameter.essentialAcrValues);
    return out;
}

}  // namespace tessera::core::oidc
