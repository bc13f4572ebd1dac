#include "core/oidc/AuthorizationResponse.h"

#include <cctype>
#include <utility>
#include <vector>

#include "core/oidc/AcrPolicy.h"
#include "core/oidc/AuthorizationDecision.h"

namespace tessera::core::oidc {

namespace {

// Percent-encodes everything but the unreserved characters (RFC 3986 §2.3).
std::string encoded(const std::string& value) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0f];
        }
    }
    return out;
}

std::string withParameters(const std::string& uri, const std::vector<std::pair<std::string, std::string>>& params) {
    std::string out = uri;
    char separator = '?';
    if (const auto q = uri.find('?'); q != std::string::npos)
        separator = (uri.back() == '?' || uri.back() == '&') ? '\0' : '&';
    for (const auto& [name, value] : params) {
        if (value.empty()) continue;
        if (separator != '\0') out += separator;
        out += name + "=" + encoded(value);
        separator = '&';
    }
    return out;
}

}  // namespace

std::string codeRedirect(const std::string& redirectUri, const std::string& code, const std::string& state,
                         const std::string& issuer) {
    return withParameters(redirectUri, {{"code", code}, {"state", state}, {"iss", issuer}});
}

std::string errorRedirect(const std::string& redirectUri, const std::string& error, const std::string& description,
                          const std::string& state, const std::string& issuer) {
    return withParameters(redirectUri,
                          {{"error", error}, {"error_description", description}, {"state", state}, {"iss", issuer}});
}

std::string errorRedirect(const AuthorizationError& error, const std::string& issuer) {
    return errorRedirect(error.redirectUri, error.error, error.description, error.state, issuer);
}

CodeRequest codeRequestFor(const AuthorizationRequest& request, const Session& session, const Account& account,
                           const AcrValues& acrNames) {
    CodeRequest c;
    c.serviceId = request.service.id;
    c.accountId = account.id;
    c.sessionPublicId = session.publicId;
    c.redirectUri = request.redirectUri;
    c.scopes = request.scopes;
    c.claims = request.claims;
    c.claimsRequest = request.claimsParameter;
    c.nonce = request.nonce;
    c.codeChallenge = request.codeChallenge;
    c.codeChallengeMethod = request.codeChallengeMethod;
    c.acr = acr::forLevel(acrNames, account.loa);
    c.amr = amrValues(session.amr);
    c.authTime = session.authTime;
    return c;
}

}  // namespace tessera::core::oidc
