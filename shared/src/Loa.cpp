#include "tessera/shared/Loa.h"

namespace tessera {
namespace {

struct LoaInfo {
    std::string_view name;
    std::string_view acr;
    std::string_view description;
};

// Indexed by toInt(Loa).
constexpr std::array<LoaInfo, kLoaCount> kLoaInfo{{
    {"loa0", "urn:tessera:loa:0",
     "Account created with a verified email address and two-factor sign-in. Unlocks public "
     "information and application forms."},
    {"loa1", "urn:tessera:loa:1",
     "Name, date of birth, sex and address match the public registers and belong to one person "
     "only. Unlocks services such as council tax and parking permits."},
    {"loa2", "urn:tessera:loa:2",
     "Level 1 plus a known fact checked against its register, or photographic evidence approved "
     "by a reviewer. Unlocks services such as benefits and health records."},
    {"loa3", "urn:tessera:loa:3",
     "Level 1 plus an identity document and a selfie video approved by a reviewer. Unlocks "
     "services such as income tax and health care records."},
}};

const LoaInfo& infoFor(Loa loa) { return kLoaInfo[static_cast<std::size_t>(toInt(loa))]; }

}  // namespace

std::optional<Loa> loaFromInt(int level) {
    if (level < 0 || level >= kLoaCount) return std::nullopt;
    return static_cast<Loa>(level);
}

std::string_view toString(Loa loa) { return infoFor(loa).name; }

std::optional<Loa> loaFromString(std::string_view name) {
    for (Loa loa : kAllLoas)
        if (infoFor(loa).name == name) return loa;
    return std::nullopt;
}

std::string_view defaultAcr(Loa loa) { return infoFor(loa).acr; }

std::optional<Loa> loaFromDefaultAcr(std::string_view acr) {
    for (Loa loa : kAllLoas)
        if (infoFor(loa).acr == acr) return loa;
    return std::nullopt;
}

std::string_view describe(Loa loa) { return infoFor(loa).description; }

}  // namespace tessera
