#include "tessera/shared/ProfileChoices.h"

#include <algorithm>

#include "TextHelpers.h"

namespace tessera {
namespace {

constexpr std::array<std::string_view, kAllSexes.size()> kSexNames{"female", "male", "unspecified"};

}  // namespace

bool isSupportedLanguage(std::string_view code) {
    return std::find(kSupportedLanguages.begin(), kSupportedLanguages.end(), code) != kSupportedLanguages.end();
}

std::string_view toString(Sex sex) { return kSexNames[static_cast<std::size_t>(sex)]; }

std::optional<Sex> sexFromString(std::string_view name) {
    for (Sex sex : kAllSexes)
        if (toString(sex) == name) return sex;
    return std::nullopt;
}

namespace validate {

Status language(std::string_view input, std::string_view field) {
    if (input.empty()) return detail::fieldError(field, "required", "Choose a language");
    if (!isSupportedLanguage(input))
        return detail::fieldError(field, "not_supported", "Choose English (en), French (fr) or Scottish Gaelic (gd)");
    return Status::success();
}

Status sex(std::string_view input, std::string_view field) {
    if (input.empty()) return detail::fieldError(field, "required", "Choose your sex");
    if (!sexFromString(input))
        return detail::fieldError(field, "invalid_choice", "Choose female, male or unspecified");
    return Status::success();
}

}  // namespace validate
}  // namespace tessera
