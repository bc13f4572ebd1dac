#pragma once
// When an identity document stops being valid, in Unix seconds: a document is good through its
// expiry date (UTC), so it lapses at the start of the next day.
#include <cstdint>
#include <optional>
#include <string_view>

namespace tessera::core {

// nullopt when `expiryDate` is not a real "YYYY-MM-DD" date.
std::optional<std::int64_t> documentLapsesAt(std::string_view expiryDate);

}  // namespace tessera::core
