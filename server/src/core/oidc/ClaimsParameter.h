#pragma once
// The `claims` authorization request parameter (OpenID Connect Core §5.5): a JSON object
// whose `userinfo` and `id_token` members name the claims a service asks for, each with null
// or {essential, value, values}. The front channel checks it strictly (a service learns of a
// mistake at once, not from a claim that silently never comes); the back channel reads the
// stored text again (ReleasedClaims.h).
#include <string>
#include <string_view>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

inline constexpr std::size_t kMaxClaimsParameterBytes = 4096;

struct ClaimsParameter {
    // Every claim named in userinfo or id_token, once, in the order first seen.
    std::vector<std::string> names;
    // The acceptable values of an `acr` claim requested as essential ({"essential": true,
    // "value": v} or "values": [...]), in either member; empty when acr is not essential.
    std::vector<std::string> essentialAcrValues;
};

// Invalid "invalid_request" when the text is not a JSON object, is longer than
// kMaxClaimsParameterBytes, or userinfo / id_token or a claim request in them has the wrong
// shape. Other top-level members are extensions and are ignored.
Result<ClaimsParameter> parseClaimsParameter(std::string_view json);

}  // namespace tessera::core::oidc
