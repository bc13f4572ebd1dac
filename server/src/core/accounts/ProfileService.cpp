#include "core/accounts/ProfileService.h"

#include "core/accounts/AddressLine.h"
#include "core/accounts/FieldErrorList.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/CalendarDate.h"
#include "tessera/shared/PersonName.h"
#include "tessera/shared/Phone.h"
#include "tessera/shared/Postcode.h"
#include "tessera/shared/ProfileChoices.h"

namespace tessera::core {

namespace {

Error accountGone() { return Error::unauthorized("sign_in_required", "Your session has ended; sign in again."); }

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

// Validates every requested change onto `account`, recording each problem in `errors`.
void applyChanges(const ProfileChanges& c, std::int64_t now, Account& account, FieldErrorList& errors) {
    if (c.name) {
        if (auto v = errors.take(validate::personName(*c.name))) account.name = *v;
    }
    if (c.preferredName) {
        if (c.preferredName->empty()) account.preferredName.clear();
        else if (auto v = errors.take(validate::personName(*c.preferredName, field::kPreferredName)))
            account.preferredName = *v;
    }
    if (c.dateOfBirth) {
        if (c.dateOfBirth->empty()) account.dateOfBirth.clear();
        else if (auto v = errors.take(validate::dateOfBirth(*c.dateOfBirth, now))) account.dateOfBirth = toIsoString(*v);
    }
    if (c.sex) {
        if (c.sex->empty() || errors.take(validate::sex(*c.sex))) account.sex = *c.sex;
    }
    if (c.phone) {
        if (c.phone->empty()) account.phone.clear();
        else if (auto v = errors.take(validate::phone(*c.phone))) account.phone = *v;
    }
    if (c.language) {
        if (errors.take(validate::language(*c.language))) account.language = *c.language;
    }
    if (c.address) {
        if (c.address->empty()) {
            account.address = {};
        } else {
            auto line1 = errors.take(addressLine(c.address->line1, field::kAddressLine1, true));
            auto line2 = errors.take(addressLine(c.address->line2, field::kAddressLine2, false));
            auto town = errors.take(addressLine(c.address->town, field::kAddressTown, true));
            auto postcode = errors.take(validate::ukPostcode(c.address->postcode, field::kAddressPostcode));
            if (line1 && line2 && town && postcode) account.address = {*line1, *line2, *town, *postcode};
        }
    }
}

}  // namespace

std::vector<std::string> changedProfileFields(const Account& a, const Account& b) {
    std::vector<std::string> out;
    auto note = [&](bool differs, std::string_view name) {
        if (differs) out.emplace_back(name);
    };
    note(a.name != b.name, field::kName);
    note(a.preferredName != b.preferredName, field::kPreferredName);
    note(a.dateOfBirth != b.dateOfBirth, field::kDateOfBirth);
    note(a.sex != b.sex, field::kSex);
    note(a.address.line1 != b.address.line1 || a.address.line2 != b.address.line2 || a.address.town != b.address.town ||
             a.address.postcode != b.address.postcode,
         field::kAddress);
    note(a.phone != b.phone, field::kPhone);
    note(a.language != b.language, field::kLanguage);
    return out;
}

Result<Account> ProfileService::view(const std::string& accountId) {
    auto account = ctx_.accounts.findById(accountId);
    if (!account) return accountGone();
    return *account;
}

Result<Account> ProfileService::update(const std::string& accountId, const ProfileChanges& changes,
                                       const std::string& clientAddress) {
    const std::int64_t now = ctx_.clock.now();
    return ctx_.db.transaction<Account>([&](Poco::Data::Session& s) -> Result<Account> {
        auto before = ctx_.accounts.findById(s, accountId);
        if (!before) return accountGone();
        if (changes.expectedVersion && *changes.expectedVersion != before->version)
            return Error::conflict("version_mismatch",
                                   "Your profile was changed since you loaded it; reload it and make your change again.");
        Account after = *before;
        FieldErrorList errors;
        applyChanges(changes, now, after, errors);
        if (auto valid = errors.status(); !valid) return valid.error();

        const auto changed = changedProfileFields(*before, after);
        if (changed.empty()) return after;  // nothing to write, nothing to audit
        if (auto updated = ctx_.accounts.update(s, after, now); !updated) return updated.error();
        auto audited = ctx_.audit.append(s, {"profile.updated", accountId, accountId, clientAddress,
                                             {{"fields", joined(changed)}}});
        if (!audited) return audited.error();
        return after;
    });
}

}  // namespace tessera::core
