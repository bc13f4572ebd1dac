#include "web/oidc/FormBody.h"

namespace tessera::web::oidc {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

Error invalidRequest(const std::string& message) { return Error::invalid("invalid_request", message); }

}  // namespace

std::optional<std::string> formDecode(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            const int hi = hexValue(text[i + 1]), lo = hexValue(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>((hi << 4) | lo);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

Result<FormBody> FormBody::parse(const Request& r) {
    if (r.mediaType() != "application/x-www-form-urlencoded")
        return invalidRequest("Send the parameters form-encoded (Content-Type: application/x-www-form-urlencoded).");
    return parseText(r.body);
}

Result<FormBody> FormBody::parseText(const std::string& text) {
    FormBody form;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('&', start);
        if (end == std::string::npos) end = text.size();
        const std::string pair = text.substr(start, end - start);
        start = end + 1;
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        auto name = formDecode(pair.substr(0, eq));
        auto value = formDecode(eq == std::string::npos ? std::string() : pair.substr(eq + 1));
        if (!name || !value) return invalidRequest("The form body has a malformed %-escape.");
        if (!form.values_.emplace(*name, *value).second)
            return invalidRequest("The parameter " + name->substr(0, 64) + " is repeated; send each one once.");
    }
    return form;
}

std::optional<std::string> FormBody::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second;
}

}  // namespace tessera::web::oidc
