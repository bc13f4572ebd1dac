#pragma once
// QR codes as small standalone SVG (e.g. the TOTP provisioning URI on the 2FA setup page).
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera::infra {

// Encodes `text` (8-bit mode, error correction level M) as an SVG image: one <path> of the
// dark modules on a white background, 4-module quiet zone, viewBox in module units (scale it
// with CSS), role="img" and the given aria-label (XML-escaped). Fails with Invalid if the
// text is empty, contains NUL, or is too long for a QR code.
Result<std::string> qrSvg(std::string_view text, std::string_view ariaLabel);

}  // namespace tessera::infra
