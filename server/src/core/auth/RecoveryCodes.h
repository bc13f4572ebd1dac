#pragma once
// Single-use recovery codes: the way back in when the authenticator or mailbox is lost.
// Ten codes of 12 random base32 characters (60 bits each), shown once as XXXX-XXXX-XXXX and
// stored only as SHA-256 keyed by the account id: at this entropy a fast hash is enough, and
// the key stops one precomputation from covering every account of a leaked table.
#include <Poco/Data/Session.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/Context.h"

namespace tessera::core {

class RecoveryCodes {
public:
    static constexpr std::size_t kCount = 10;
    static constexpr std::size_t kLength = 12;  // base32 characters, 5 bits each

    explicit RecoveryCodes(Context& ctx) : ctx_(ctx) {}

    // Replaces every code of the account with kCount new ones, inside the caller's transaction,
    // and returns them in clear: the only time they exist outside the person's hands.
    std::vector<std::string> replace(Poco::Data::Session& s, const std::string& accountId);
    // Spends `code` if it is one of the account's unused codes (any case, dashes and spaces
    // ignored). Compares against every unused code in constant time; the spend is a guarded
    // UPDATE, so two concurrent uses of one code cannot both succeed.
    bool consume(Poco::Data::Session& s, const std::string& accountId, std::string_view code);
    std::size_t remaining(Poco::Data::Session& s, const std::string& accountId);
    std::size_t remaining(const std::string& accountId);

    // Upper case without separators; what is hashed.
    static std::string normalise(std::string_view code);

private:
    Context& ctx_;
};

}  // namespace tessera::core
