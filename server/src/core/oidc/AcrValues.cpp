#include "core/oidc/AcrValues.h"

#include "core/verification/VerificationParts.h"

namespace tessera::core::oidc {

AcrValues::AcrValues() {
    for (Loa loa : kAllLoas) values_[std::size_t(toInt(loa))] = std::string(defaultAcr(loa));
}

AcrValues::AcrValues(const AssurancePolicy& policy) {
    for (Loa loa : kAllLoas) values_[std::size_t(toInt(loa))] = policy.acrFor(loa);
}

AcrValues AcrValues::of(const Context& ctx) {
    return ctx.verification ? AcrValues(ctx.verification->policy) : AcrValues();
}

std::optional<Loa> AcrValues::loaFor(std::string_view acr) const {
    for (Loa loa : kAllLoas)
        if (values_[std::size_t(toInt(loa))] == acr) return loa;
    return std::nullopt;
}

}  // namespace tessera::core::oidc
