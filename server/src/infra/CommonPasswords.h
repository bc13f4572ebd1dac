#pragma once
// The shipped list of common and breached passwords (NIST SP 800-63B: refuse them at sign-up
// and password change). Comparison is case-insensitive (ASCII), so "PassWord1" is refused too.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include "tessera/shared/Result.h"

namespace tessera::infra {

class CommonPasswords {
public:
    CommonPasswords() = default;

    // Reads a newline-separated file; blank lines and lines starting with '#' are skipped,
    // trailing CR/whitespace is trimmed. Fails with Unavailable if the file cannot be read.
    static Result<CommonPasswords> load(const std::string& path);
    // Same rules, from text already in memory (tests, embedded lists).
    static CommonPasswords parse(std::string_view text);

    bool contains(std::string_view password) const;
    std::size_t size() const { return entries_.size(); }

private:
    std::unordered_set<std::string> entries_;  // lower-cased
};

}  // namespace tessera::infra
