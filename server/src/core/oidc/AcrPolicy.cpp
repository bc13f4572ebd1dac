#include "core/oidc/AcrPolicy.h"

#include <algorithm>

namespace tessera::core::oidc::acr {

std::optional<Loa> lowestKnown(const AcrValues& names, const std::vector<std::string>& acrValues) {
    std::optional<Loa> lowest;
    for (const auto& value : acrValues)
        if (auto loa = names.loaFor(value)) lowest = lowest ? lowerOf(*lowest, *loa) : *loa;
    return lowest;
}

Loa loaOf(int level) { return *loaFromInt(std::clamp(level, 0, kLoaCount - 1)); }

Loa requiredLoa(const AcrValues& names, int serviceMinLoa, const std::vector<std::string>& acrValues,
                const std::vector<std::string>& essentialAcrValues) {
    Loa required = loaOf(serviceMinLoa);
    if (auto asked = lowestKnown(names, acrValues)) required = higherOf(required, *asked);
    if (auto essential = lowestKnown(names, essentialAcrValues)) required = higherOf(required, *essential);
    return required;
}

std::string forLevel(const AcrValues& names, int level) { return names.forLoa(loaOf(level)); }

}  // namespace tessera::core::oidc::acr
