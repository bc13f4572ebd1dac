#pragma once
// Names of people, in any script: letters (with their accents and combining marks), and
// the separators names really contain: spaces, hyphens, apostrophes (' ’ ʼ), full stops
// and the Catalan middle dot (·).
#include <cstddef>
#include <string>
#include <string_view>

#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Result.h"

namespace tessera::validate {

inline constexpr std::size_t kPersonNameMaxLength = 100;

// The name trimmed, with runs of spaces inside it collapsed to one ASCII space. Length
// (1..100) is counted in code points after that. Error codes: required, invalid_encoding,
// invalid_characters (controls, digits, symbols, or no letter at all), too_long.
Result<std::string> personName(std::string_view input, std::string_view field = tessera::field::kName);

}  // namespace tessera::validate
