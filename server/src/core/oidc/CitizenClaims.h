#pragma once
// The values of a citizen's claims as OpenID Connect spells them (Core §5.1), from the
// account as stored. A claim without a value is left out rather than sent empty. Tessera
// keeps one name field, so given_name and family_name are never invented by splitting it;
// phone_number_verified is never sent (phones are not verified); verified_claims comes from
// the citizen's identity verification (VerifiedClaims.h).
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "core/accounts/Account.h"

namespace tessera::core::oidc {

// The claims addCitizenClaims can supply (for discovery's claims_supported).
const std::vector<std::string>& suppliedCitizenClaims();
// OpenID Connect Core §5.1.1 address claim of a British address.
Poco::JSON::Object::Ptr addressClaim(const Address& address);
// Sets each of `names` that has a value on `out`.
void addCitizenClaims(Poco::JSON::Object& out, const Account& account, const std::vector<std::string>& names);

}  // namespace tessera::core::oidc
