#include "tessera/shared/Password.h"

#include "TextHelpers.h"
#include "tessera/shared/Utf8.h"

namespace tessera::validate {

Status password(std::string_view input, std::string_view field) {
    using detail::fieldError;
    if (input.empty()) return fieldError(field, "required", "Enter a password");
    const auto length = utf8::codePointCount(input);
    if (!length)
        return fieldError(field, "invalid_encoding", "Password contains characters that cannot be read");
    if (*length < kPasswordMinLength)
        return fieldError(field, "too_short", "Password must be 8 characters or more");
    if (*length > kPasswordMaxLength)
        return fieldError(field, "too_long", "Password must be 128 characters or fewer");
    return Status::success();
}

}  // namespace tessera::validate
