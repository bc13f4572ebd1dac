#pragma once
// One line of a postal address (street, locality, town): free text a person types, so any
// script is allowed, but no control characters and at most 100 characters.
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera::core {

inline constexpr std::size_t kAddressLineMaxLength = 100;

// The line trimmed, inner runs of whitespace collapsed to one space. Field errors: required
// (when `required` and empty), invalid_encoding, invalid_characters, too_long.
Result<std::string> addressLine(std::string_view input, std::string_view field, bool required);

}  // namespace tessera::core
