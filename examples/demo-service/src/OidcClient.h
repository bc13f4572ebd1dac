#pragma once
// The relying party's side of OpenID Connect against one provider: discovery and JWKS
// (cached, the JWKS refetched when a token names a key it has not seen), the authorization
// request URL (code flow, PKCE S256), the code exchange (client_secret_basic), userinfo,
// token validation and the RP-initiated logout URL. Thread-safe; no lock is held over I/O.
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "HttpClient.h"
#include "Jwk.h"
#include "ProviderMetadata.h"
#include "TokenValidation.h"
#include "tessera/shared/Loa.h"
#include "tessera/shared/Result.h"

namespace tessera::demo {

using Clock = std::function<std::int64_t()>;  // Unix seconds

struct ClientCredentials {
    std::string clientId;
    std::string clientSecret;
};
// Where the client_id and secret come from (options, or demo-credentials.json read when needed).
using CredentialsSource = std::function<Result<ClientCredentials>()>;

struct AuthorizationRequest {
    std::string state, nonce, codeChallenge;
    std::optional<Loa> acr;  // sent as acr_values
    std::string uiLocales;   // optional
};

struct TokenResponse {
    std::string accessToken, idToken, refreshToken;
    std::int64_t expiresIn = 0;
};

class OidcClient {
public:
    static constexpr const char* kScope = "openid profile email address";

    OidcClient(std::string issuer, std::string redirectUri, CredentialsSource credentials,
               std::shared_ptr<HttpClient> http, Clock clock);

    const std::string& issuer() const { return issuer_; }
    Result<ClientCredentials> credentials() const { return credentials_(); }

    // Unavailable "provider_unreachable" / "provider_error", Invalid "bad_discovery" / "wrong_issuer".
    Result<ProviderMetadata> metadata();
    // What discovery last said, without asking again (for the pages' CSP).
    std::optional<ProviderMetadata> cachedMetadata();
    Result<std::string> authorizationUrl(const AuthorizationRequest& request);
    // Invalid "token_<error>" for an OAuth error answer (e.g. token_invalid_grant),
    // Unauthorized "invalid_client", Unavailable when the provider cannot be reached.
    Result<TokenResponse> exchangeCode(const std::string& code, const std::string& codeVerifier);
    Result<IdToken> validateIdToken(const std::string& idToken, const std::string& nonce, std::optional<Loa> minimumLoa,
                                    const std::string& accessToken);
    // The claims; Invalid "userinfo_wrong_sub" when they are about someone else (Core §5.3.4).
    Result<Poco::JSON::Object::Ptr> userinfo(const std::string& accessToken, const std::string& expectedSub);
    Result<LogoutToken> validateLogoutToken(const std::string& logoutToken);
    // NotFound "no_end_session" when the provider does not offer RP-initiated logout.
    Result<std::string> endSessionUrl(const std::string& idTokenHint, const std::string& postLogoutRedirectUri,
                                      const std::string& state);

private:
    Result<PublicKey> keyFor(const std::string& kid, const std::string& alg);
    Result<JwkSet> fetchJwks(const std::string& jwksUri);
    Result<Poco::JSON::Object::Ptr> jsonAnswer(const HttpResponse& response, const std::string& what);

    const std::string issuer_;
    const std::string redirectUri_;
    const CredentialsSource credentials_;
    const std::shared_ptr<HttpClient> http_;
    const Clock clock_;

    std::mutex mutex_;
    std::optional<ProviderMetadata> metadata_;
    std::int64_t metadataFetchedAt_ = 0;
    std::optional<JwkSet> jwks_;
    std::int64_t jwksFetchedAt_ = 0;
};

// application/x-www-form-urlencoded: everything but RFC 3986's unreserved characters escaped.
std::string formEncode(const std::string& value);
// The origin ("scheme://host:port") of an absolute URL, "" when it has none.
std::string originOf(const std::string& url);

}  // namespace tessera::demo
