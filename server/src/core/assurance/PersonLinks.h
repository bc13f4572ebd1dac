#pragma once
// The person_links table: which account a unique person reference (from the vital-records
// register) belongs to. The reference is never stored in clear: the key is an HMAC-SHA256 of
// it under a key derived from the data key, so the table can be unique on it while a copy of
// the database alone does not say who anyone is.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "infra/SecretBox.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class PersonLinks {
public:
    PersonLinks(store::Database& db, const infra::SecretBox& dataKey);

    // The stored form of a reference (hex).
    std::string keyFor(std::string_view personRef) const;
    // Links the reference to the account. Linking the same pair again is a no-op. Conflict
    // "person_already_linked" when the reference belongs to another account or the account
    // holds another reference (the message names nothing personal).
    Status link(Poco::Data::Session& s, const std::string& accountId, std::string_view personRef, std::int64_t at);
    // The account the reference is linked to, if any.
    std::optional<std::string> accountFor(Poco::Data::Session& s, std::string_view personRef);
    // Whether the account holds a person reference, and its stored key.
    std::optional<std::string> keyOf(Poco::Data::Session& s, const std::string& accountId);
    // Removes the account's link (e.g. when a duplicate case moves it); false when it had none.
    bool unlink(Poco::Data::Session& s, const std::string& accountId);

private:
    store::Database& db_;
    std::string hmacKey_;
};

}  // namespace tessera::core
