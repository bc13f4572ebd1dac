#include "web/portal/Form.h"

#include <cctype>

namespace tessera::web::portal {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string formDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out += char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string formEncode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

FormFields FormFields::fromRequest(const Request& r) {
    if (r.mediaType() != "application/x-www-form-urlencoded") return {};
    return parse(r.body);
}

FormFields FormFields::parse(std::string_view body) {
    FormFields form;
    std::size_t start = 0;
    while (start < body.size() && form.fields_.size() < kMaxFields) {
        std::size_t amp = body.find('&', start);
        if (amp == std::string_view::npos) amp = body.size();
        const std::string_view pair = body.substr(start, amp - start);
        start = amp + 1;
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        const std::string name = formDecode(pair.substr(0, eq));
        const std::string value = eq == std::string_view::npos ? std::string() : formDecode(pair.substr(eq + 1));
        if (!name.empty()) form.fields_.emplace_back(name, value);
    }
    return form;
}

std::string FormFields::value(const std::string& name) const {
    for (const auto& [k, v] : fields_)
        if (k == name) return v;
    return {};
}

std::vector<std::string> FormFields::values(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : fields_)
        if (k == name) out.push_back(v);
    return out;
}

bool FormFields::has(const std::string& name) const {
    for (const auto& field : fields_)
        if (field.first == name) return true;
    return false;
}

}  // namespace tessera::web::portal
