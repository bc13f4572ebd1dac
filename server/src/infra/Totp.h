#pragma once
// RFC 6238 time-based one-time passwords as authenticator apps expect them:
// HMAC-SHA1, 6 digits, 30-second steps counted from the Unix epoch.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tessera::infra::totp {

inline constexpr int kDigits = 6;
inline constexpr std::int64_t kStepSeconds = 30;
inline constexpr std::size_t kSecretBytes = 20;  // 160 bits, as RFC 4226 recommends for SHA-1

// A fresh random secret (raw bytes; show it to the user as encoding::base32, store it sealed).
std::string generateSecret();
// The time step that contains `unixTime` (floor(unixTime / 30)).
std::int64_t stepAt(std::int64_t unixTime);
// The 6-digit code for a given step counter (RFC 4226 HOTP with the step as counter).
std::string codeAtStep(std::string_view secretBytes, std::int64_t step);
// The 6-digit code valid at `unixTime`.
std::string code(std::string_view secretBytes, std::int64_t unixTime);
// Checks `code` against the steps within ±`window` of `now` (clamped to 0..10) and returns the
// matched step counter, or nullopt. Input that is not exactly six ASCII digits never matches.
// The caller must store the returned step and refuse any later code whose step is <= it,
// so a code is never accepted twice.
std::optional<std::int64_t> matchStep(std::string_view secretBytes, std::string_view code, std::int64_t now,
                                      int window = 1);
// The provisioning URI for QR codes: otpauth://totp/Issuer:account?secret=...&issuer=...
// Issuer and account are percent-encoded (RFC 3986 unreserved characters kept).
std::string otpauthUri(std::string_view issuer, std::string_view accountName, std::string_view base32Secret);

}  // namespace tessera::infra::totp
