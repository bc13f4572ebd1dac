#include "core/accounts/AddressLine.h"

#include "tessera/shared/Utf8.h"

namespace tessera::core {

namespace {

bool isSpace(char32_t c) { return c == U' ' || c == U'\t' || c == 0xA0; }
bool isControl(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029; }

}  // namespace

Result<std::string> addressLine(std::string_view input, std::string_view field, bool required) {
    const std::string name(field);
    auto decoded = utf8::decode(input);
    if (!decoded) return Error::field(name, "invalid_encoding", "This line contains characters that cannot be read.");
    std::u32string line;
    bool pendingSpace = false;
    for (char32_t c : *decoded) {
        if (isSpace(c)) {
            pendingSpace = !line.empty();
            continue;
        }
        if (isControl(c)) return Error::field(name, "invalid_characters", "Write the address line on one line.");
        if (pendingSpace) line.push_back(U' ');
        pendingSpace = false;
        line.push_back(c);
    }
    if (line.empty() && required) return Error::field(name, "required", "Enter this line of the address.");
    if (line.size() > kAddressLineMaxLength)
        return Error::field(name, "too_long",
                            "Each address line must be " + std::to_string(kAddressLineMaxLength) + " characters or fewer.");
    return utf8::encode(line);
}

}  // namespace tessera::core
