#pragma once
// A connected service: an OAuth 2.0 / OpenID Connect client of Tessera. Protocol values
// (client type, auth method, grant types, scopes, claims, algorithm, subject type) are kept as
// their protocol spellings; ServiceVocabulary.h lists the ones accepted.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tessera::core {

struct Service {
    std::string id;        // primary key, used in the admin API's URLs
    std::string clientId;  // the public OAuth client_id
    std::string name;
    std::string description;
    std::string logoUrl;
    std::vector<std::string> redirectUris;
    std::vector<std::string> postLogoutRedirectUris;
    std::string backchannelLogoutUri;
    std::string clientType = "confidential";  // public | confidential
    std::string tokenEndpointAuthMethod = "client_secret_basic";
    std::string secretHash;  // SHA-256 hex of the client secret; never the secret
    std::int64_t secretRotatedAt = 0;
    std::string jwksUri;  // for private_key_jwt
    std::vector<std::string> grantTypes;
    std::vector<std::string> allowedScopes;
    std::vector<std::string> allowedClaims;
    int minLoa = 0;
    std::string subjectType = "pairwise";  // pairwise | public
    std::string sectorIdentifier;          // https URI grouping services that share pairwise subs
    std::string idTokenAlg = "ES256";      // signs this service's ID and access tokens
    std::map<std::string, std::string> consentText;  // language -> why the service asks
    std::string eventPushUrl;
    bool disabled = false;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::int64_t version = 1;  // optimistic concurrency; the admin API's ETag

    bool isConfidential() const { return clientType == "confidential"; }
    bool usesSecret() const {
        return tokenEndpointAuthMethod == "client_secret_basic" || tokenEndpointAuthMethod == "client_secret_post";
    }
    bool allowsGrant(const std::string& grantType) const;
    bool allowsScope(const std::string& scope) const;
};

// What an administrator asks to set: absent fields keep their value (update) or default (create).
struct ServiceChanges {
    std::optional<std::string> name, description, logoUrl;
    std::optional<std::vector<std::string>> redirectUris, postLogoutRedirectUris;
    std::optional<std::string> backchannelLogoutUri, clientType, tokenEndpointAuthMethod, jwksUri;
    std::optional<std::vector<std::string>> grantTypes, allowedScopes, allowedClaims;
    std::optional<int> minLoa;
    std::optional<std::string> subjectType, sectorIdentifier, idTokenAlg;
    std::optional<std::map<std::string, std::string>> consentText;
    std::optional<std::string> eventPushUrl;

    // The API names of the fields set, for the audit log ("name,redirectUris").
    std::string fieldNames() const;
};

// Applies the changes that are set. When the client type changes and no auth method is given,
// the method follows the type (public -> none, confidential -> client_secret_basic).
void applyChanges(Service& service, const ServiceChanges& changes);

}  // namespace tessera::core
