#pragma once
// Telephone numbers: international E.164 ("+" then up to 15 digits, "00" accepted for
// "+") or UK national numbers starting with 0 ("07700 900123"). Spaces, hyphens, dots and
// brackets are separators; "+44 (0)20 ..." drops the bracketed trunk 0 as people mean it.
#include <string>
#include <string_view>

#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Result.h"

namespace tessera::validate {

// The number in E.164 form ("+447700900123"). UK numbers (+44) must have 10 digits
// after the country code (9 for some 01 and 08 numbers), as the UK numbering plan has.
// Error codes: required, invalid_format.
Result<std::string> phone(std::string_view input, std::string_view field = tessera::field::kPhone);

}  // namespace tessera::validate
