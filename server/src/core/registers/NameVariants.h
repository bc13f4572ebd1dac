#pragma once
// Given names that name the same person: William, Bill and Will; Katherine, Catherine and
// Kate; Iain and Ian. Loaded from resources/registers/name-variants.csv: one group per
// line, names separated by commas, "#" starts a comment. A name may sit in several groups
// (Alex: Alexander and Alexandra), and two names are variants when they share a group:
// Alexander and Alexandra are not variants of each other through Alex.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::core {

class NameVariants {
public:
    NameVariants() = default;  // no groups: names match only when equal

    // Error "name_variants_unreadable" or "name_variants_invalid" (file:line) for a line
    // whose entry is not one name (empty, or two words).
    static Result<NameVariants> load(const std::string& path);
    static Result<NameVariants> parse(std::string_view text, const std::string& origin);

    // `a` and `b` are folded name tokens (text::tokens): true when equal or in one group.
    bool areVariants(const std::string& a, const std::string& b) const;
    std::size_t groupCount() const { return groups_; }

private:
    std::unordered_map<std::string, std::vector<std::uint32_t>> groupsOf_;  // sorted group numbers
    std::size_t groups_ = 0;
};

}  // namespace tessera::core
