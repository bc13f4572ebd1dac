#include "core/oidc/Scope.h"

#include <algorithm>

namespace tessera::core::oidc::scope {

namespace {

bool isScopeChar(unsigned char c) { return c == 0x21 || (c >= 0x23 && c <= 0x5b) || (c >= 0x5d && c <= 0x7e); }

}  // namespace

Result<std::vector<std::string>> parse(std::string_view text) {
    std::vector<std::string> out;
    if (text.empty()) return out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view token = text.substr(start, end - start);
        if (token.empty() || !std::all_of(token.begin(), token.end(), [](unsigned char c) { return isScopeChar(c); }))
            return Error::invalid("invalid_scope", "The scope must be scope names separated by single spaces.");
        if (std::find(out.begin(), out.end(), token) == out.end()) out.emplace_back(token);
        start = end + 1;
    }
    return out;
}

std::string join(const std::vector<std::string>& scopes) {
    std::string out;
    for (const auto& s : scopes) {
        if (!out.empty()) out += ' ';
        out += s;
    }
    return out;
}

}  // namespace tessera::core::oidc::scope
