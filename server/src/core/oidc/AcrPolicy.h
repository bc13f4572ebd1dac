#pragma once
// The level of assurance an authorization request needs (OpenID Connect Core §3.1.2.1
// acr_values, §5.5.1.1 an essential `acr` claim). Never below the service's minimum. A list
// of acr values means "any of these will do", so the lowest level we know among them is what
// the service asks for; values we do not know are ignored, and when none is known the
// service's minimum alone applies. Values map through the deployment's AcrValues (the names
// configured in assurance.acr_loa0..3).
#include <optional>
#include <string>
#include <vector>

#include "core/oidc/AcrValues.h"
#include "tessera/shared/Loa.h"

namespace tessera::core::oidc::acr {

// The lowest level among the acr values we know, or nullopt when we know none of them.
std::optional<Loa> lowestKnown(const AcrValues& names, const std::vector<std::string>& acrValues);

// max(service minimum, lowestKnown(acrValues), lowestKnown(essentialAcrValues)), each part
// counting only when present. A minimum outside 0..3 counts as the nearest level.
Loa requiredLoa(const AcrValues& names, int serviceMinLoa, const std::vector<std::string>& acrValues,
                const std::vector<std::string>& essentialAcrValues);

// The level an account holds (accounts.loa), clamped to 0..3.
Loa loaOf(int level);

// The acr value a code and its ID token carry for a citizen at `level`.
std::string forLevel(const AcrValues& names, int level);

}  // namespace tessera::core::oidc::acr
