#pragma once
// The citizen's own profile: view it, and update the fields they may change (name,
// preferred name, date of birth, sex, postal address, phone, language), validated with
// the shared rules. Email and password change have their own services.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/accounts/Account.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// What a PATCH asks to change. A field left unset stays as it is; an empty string (or an
// empty address) clears an optional field. name and language cannot be cleared.
struct ProfileChanges {
    std::optional<std::string> name;
    std::optional<std::string> preferredName;
    std::optional<std::string> dateOfBirth;  // YYYY-MM-DD
    std::optional<std::string> sex;          // female | male | unspecified
    std::optional<Address> address;
    std::optional<std::string> phone;
    std::optional<std::string> language;
    // Optimistic concurrency: the version the change was based on (If-Match or "version").
    std::optional<std::int64_t> expectedVersion;
};

class ProfileService {
public:
    explicit ProfileService(Context& ctx) : ctx_(ctx) {}

    Result<Account> view(const std::string& accountId);
    // Field errors (all at once) on name, preferredName, dateOfBirth, sex, phone, language,
    // address.line1, address.line2, address.town, address.postcode; Conflict
    // version_mismatch when expectedVersion is not the stored version. Audited as
    // "profile.updated" with the names of the changed fields, never their values.
    Result<Account> update(const std::string& accountId, const ProfileChanges& changes,
                           const std::string& clientAddress);

private:
    Context& ctx_;
};

// The names of the profile fields whose values differ between two versions of an account,
// in a fixed order ("address" stands for all its lines).
std::vector<std::string> changedProfileFields(const Account& before, const Account& after);

}  // namespace tessera::core
