#pragma once
// Profile fields that take one value from a closed list: the interface language and the
// sex recorded in the vital-records register. Values are machine codes chosen from a
// list, so they are matched exactly, not normalised.
#include <array>
#include <optional>
#include <string_view>

#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Result.h"

namespace tessera {

// Languages with a full message catalogue: English, French, Scottish Gaelic.
inline constexpr std::array<std::string_view, 3> kSupportedLanguages{"en", "fr", "gd"};
inline constexpr std::string_view kDefaultLanguage = "en";
bool isSupportedLanguage(std::string_view code);

enum class Sex { Female, Male, Unspecified };
inline constexpr std::array<Sex, 3> kAllSexes{Sex::Female, Sex::Male, Sex::Unspecified};
// "female", "male", "unspecified".
std::string_view toString(Sex sex);
std::optional<Sex> sexFromString(std::string_view name);

namespace validate {

// Error codes: required, not_supported.
Status language(std::string_view input, std::string_view field = tessera::field::kLanguage);
// Error codes: required, invalid_choice.
Status sex(std::string_view input, std::string_view field = tessera::field::kSex);

}  // namespace validate
}  // namespace tessera
