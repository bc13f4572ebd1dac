#include "infra/CommonPasswords.h"

#include <fstream>
#include <sstream>

namespace tessera::infra {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

Result<CommonPasswords> CommonPasswords::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::unavailable("common_passwords_unreadable", "Cannot read the common password list: " + path);
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return Error::unavailable("common_passwords_unreadable", "Cannot read the common password list: " + path);
    return parse(text.str());
}

CommonPasswords CommonPasswords::parse(std::string_view text) {
    CommonPasswords list;
    while (!text.empty()) {
        auto newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        while (!line.empty() && isSpace(line.back())) line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        list.entries_.insert(lower(line));
    }
    return list;
}

bool CommonPasswords::contains(std::string_view password) const { return entries_.count(lower(password)) > 0; }

}  // namespace tessera::infra
