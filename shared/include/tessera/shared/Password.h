#pragma once
// Password rules of NIST SP 800-63B (5.1.1.2): length only, no composition rules, every
// printable character including spaces and emoji allowed. Length is counted in Unicode
// code points so "🔑" is one character. Whether the password is common or breached is
// checked elsewhere, against the shipped list.
#include <cstddef>
#include <string_view>

#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Result.h"

namespace tessera::validate {

inline constexpr std::size_t kPasswordMinLength = 8;
inline constexpr std::size_t kPasswordMaxLength = 128;

// Checks the password exactly as given (no trimming: spaces are part of a passphrase).
// Error codes: required, invalid_encoding, too_short, too_long.
Status password(std::string_view input, std::string_view field = tessera::field::kPassword);

}  // namespace tessera::validate
