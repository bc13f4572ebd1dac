#pragma once
// Byte encodings: hex, base64url (RFC 4648 §5, no padding), base32 (RFC 4648, for TOTP secrets).
#include <optional>
#include <string>
#include <string_view>

namespace tessera::infra::encoding {

std::string hex(std::string_view bytes);
std::optional<std::string> unhex(std::string_view text);
std::string base64url(std::string_view bytes);
std::optional<std::string> unbase64url(std::string_view text);
std::string base32(std::string_view bytes);  // upper case, no padding
std::optional<std::string> unbase32(std::string_view text);  // accepts lower case, spaces, padding

}  // namespace tessera::infra::encoding
