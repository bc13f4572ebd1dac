#pragma once
// Email addresses: a pragmatic subset of RFC 5321/5322 that every mail system delivers to.
// Accepted: dot-atom local part (ASCII letters, digits and !#$%&'*+-/=?^_`{|}~, dots
// not leading, trailing or doubled) of at most 64 octets; a domain name of at least two
// labels of letters, digits and hyphens (no hyphen at either end of a label, a top-level
// label that is not all digits); at most 254 octets in all. Quoted local parts, address
// literals and non-ASCII addresses are refused: they are legal but rarely deliverable.
#include <string>
#include <string_view>

#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Result.h"

namespace tessera::validate {

// The address trimmed, with the domain lower-cased (domains are case-insensitive; the
// local part may not be, so it is kept as typed). Error codes: required, too_long,
// invalid_characters, invalid_format.
Result<std::string> email(std::string_view input, std::string_view field = tessera::field::kEmail);

}  // namespace tessera::validate
