#include "core/registers/NameVariants.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/registers/TextFolding.h"

namespace tessera::core {

Result<NameVariants> NameVariants::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error::invalid("name_variants_unreadable",
                              "The name variants file " + path + " cannot be read: " + std::strerror(errno) + ".");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), path);
}

Result<NameVariants> NameVariants::parse(std::string_view text, const std::string& origin) {
    NameVariants variants;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        ++lineNumber;
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        if (line.find_first_not_of(" \t\r,") == std::string_view::npos) continue;

        const auto group = static_cast<std::uint32_t>(variants.groups_++);
        std::size_t start = 0;
        while (start <= line.size()) {
            const std::size_t comma = std::min(line.find(',', start), line.size());
            const auto name = text::tokens(line.substr(start, comma - start));
            if (name.size() != 1)
                return Error::invalid("name_variants_invalid", origin + ":" + std::to_string(lineNumber) +
                                                                   ": each entry between commas must be one name.");
            auto& groups = variants.groupsOf_[name[0]];
            if (groups.empty() || groups.back() != group) groups.push_back(group);
            start = comma + 1;
        }
    }
    return variants;
}

bool NameVariants::areVariants(const std::string& a, const std::string& b) const {
    if (a == b) return true;
    const auto ga = groupsOf_.find(a);
    if (ga == groupsOf_.end()) return false;
    const auto gb = groupsOf_.find(b);
    if (gb == groupsOf_.end()) return false;
    // Both lists are short and sorted (groups are numbered in file order).
    auto i = ga->second.begin(), j = gb->second.begin();
    while (i != ga->second.end() && j != gb->second.end()) {
        if (*i == *j) return true;
        if (*i < *j) ++i;
        else ++j;
    }
    return false;
}

}  // namespace tessera::core
