#pragma once
// The acr value of each level of assurance, as this deployment names them: the assurance
// policy's (settings assurance.acr_loa0..3) once the composition root has set up identity
// verification, the shared defaults ("urn:tessera:loa:N", shared/Loa.h) otherwise. One value
// object, so the authorization request, the codes and tokens and discovery all read the same
// names.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Context.h"
#include "core/assurance/AssurancePolicy.h"
#include "tessera/shared/Loa.h"

namespace tessera::core::oidc {

class AcrValues {
public:
    // The shared defaults.
    AcrValues();
    explicit AcrValues(const AssurancePolicy& policy);
    // The policy's when ctx.verification is set, else the defaults.
    static AcrValues of(const Context& ctx);

    const std::string& forLoa(Loa loa) const { return values_[std::size_t(toInt(loa))]; }
    // The level `acr` names, or nullopt for a value this deployment does not use.
    std::optional<Loa> loaFor(std::string_view acr) const;
    // LoA 0..3 in order (discovery's acr_values_supported).
    std::vector<std::string> all() const { return {values_.begin(), values_.end()}; }

private:
    std::array<std::string, kLoaCount> values_;
};

}  // namespace tessera::core::oidc
