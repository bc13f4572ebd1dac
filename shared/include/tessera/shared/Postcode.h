#pragma once
// UK postcodes in the standard formats (BS 7666): outward code A9, A99, A9A, AA9, AA99
// or AA9A, then an inward code 9AA; plus the special GIR 0AA. The position rules of the
// Royal Mail apply (no Q, V, X first; no I, J, Z second; restricted letters in the third
// and fourth places and in the inward code). Overseas territory and BFPO codes are not
// accepted.
#include <string>
#include <string_view>

#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Result.h"

namespace tessera::validate {

// The postcode upper-cased with one space before the inward code ("sw1a1aa" gives
// "SW1A 1AA"). Spaces anywhere in the input are ignored. Error codes: required,
// invalid_format.
Result<std::string> ukPostcode(std::string_view input, std::string_view field = tessera::field::kPostcode);

}  // namespace tessera::validate
