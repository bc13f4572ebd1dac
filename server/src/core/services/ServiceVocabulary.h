#pragma once
// The protocol values a service may be registered with. Phase 1 issues client-credentials
// tokens only; the values for the authorization-code flow are registered now so services can
// be set up before it is switched on.
#include <string>
#include <string_view>
#include <vector>

namespace tessera::core::vocabulary {

// The scope of the reviewer workstation's tokens: staff REST calls (review, administration)
// on behalf of the signed-in staff member, whose roles still decide what each call may do.
inline constexpr std::string_view kStaffScope = "tessera:staff";

// Scopes a service may be allowed (OpenID Connect Core §5.4, plus offline_access for refresh tokens).
const std::vector<std::string>& knownScopes();
// Scopes that name a citizen's data or session: meaningless without a citizen, so a
// client-credentials token never carries them.
bool isCitizenScope(std::string_view scope);
// Claims a service may be allowed to receive (with the citizen's consent).
const std::vector<std::string>& knownClaims();
const std::vector<std::string>& knownGrantTypes();  // authorization_code, refresh_token, client_credentials
const std::vector<std::string>& knownClientTypes();  // public, confidential
// client_secret_basic, client_secret_post, private_key_jwt (confidential); none (public)
const std::vector<std::string>& knownAuthMethods();
const std::vector<std::string>& knownSigningAlgs();  // ES256, RS256
const std::vector<std::string>& knownSubjectTypes();  // pairwise, public

bool isKnown(const std::vector<std::string>& list, std::string_view value);
// "a, b or c" for messages.
std::string listForPeople(const std::vector<std::string>& list);

}  // namespace tessera::core::vocabulary
