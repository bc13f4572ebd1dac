#include "core/accounts/AccountStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

const char* kColumns =
    "id, email, email_verified, pending_email, name, preferred_name, date_of_birth, sex, address_line1, "
    "address_line2, address_town, address_postcode, phone, language, password_hash, status, second_factor, "
    "totp_secret, totp_pending_secret, totp_last_step, loa, created_at, updated_at, version";

Account fromRow(const Poco::Data::RecordSet& rs, std::size_t row) {
    Account a;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, row).convert<std::string>(); };
    auto num = [&]() { return rs.value(i++, row).convert<Poco::Int64>(); };
    a.id = str();
    a.email = str();
    a.emailVerified = num() != 0;
    a.pendingEmail = str();
    a.name = str();
    a.preferredName = str();
    a.dateOfBirth = str();
    a.sex = str();
    a.address.line1 = str();
    a.address.line2 = str();
    a.address.town = str();
    a.address.postcode = str();
    a.phone = str();
    a.language = str();
    a.passwordHash = str();
    a.status = accountStatusFrom(str());
    a.secondFactor = secondFactorFrom(str());
    a.totpSecret = str();
    a.totpPendingSecret = str();
    a.totpLastStep = num();
    a.loa = int(num());
    a.createdAt = num();
    a.updatedAt = num();
    a.version = num();
    return a;
}

std::optional<Account> findOne(store::Database& db, Poco::Data::Session& s, const std::string& column,
                               const std::string& value) {
    std::string v = value;
    Poco::Data::Statement st(s);
    st << db.sql(std::string("SELECT ") + kColumns + " FROM accounts WHERE " + column + " = ?"), use(v);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    return fromRow(rs, 0);
}

}  // namespace

Status AccountStore::insert(Poco::Data::Session& s, const Account& in) {
    if (findOne(db_, s, "email", in.email)) return Error::conflict("email_taken", "That email address is already in use.");
    Account a = in;
    Poco::Int64 verified = a.emailVerified ? 1 : 0, lastStep = a.totpLastStep, loa = a.loa, created = a.createdAt,
                updated = a.updatedAt, version = 1;
    std::string status = toString(a.status), factor = toString(a.secondFactor);
    s << db_.sql(std::string("INSERT INTO accounts (") + kColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(a.id), use(a.email), use(verified), use(a.pendingEmail), use(a.name), use(a.preferredName),
        use(a.dateOfBirth), use(a.sex), use(a.address.line1), use(a.address.line2), use(a.address.town),
        use(a.address.postcode), use(a.phone), use(a.language), use(a.passwordHash), use(status), use(factor),
        use(a.totpSecret), use(a.totpPendingSecret), use(lastStep), use(loa), use(created), use(updated),
        use(version), now;
    return {};
}

std::optional<Account> AccountStore::findById(Poco::Data::Session& s, const std::string& id) {
    return findOne(db_, s, "id", id);
}

std::optional<Account> AccountStore::findByEmail(Poco::Data::Session& s, const std::string& email) {
    return findOne(db_, s, "email", email);
}

std::optional<Account> AccountStore::findById(const std::string& id) {
    Poco::Data::Session s = db_.session();
    return findById(s, id);
}

std::optional<Account> AccountStore::findByEmail(const std::string& email) {
    Poco::Data::Session s = db_.session();
    return findByEmail(s, email);
}

Status AccountStore::update(Poco::Data::Session& s, Account& a, std::int64_t at) {
    if (a.email.empty()) return Error::invalid("email_required", "An account needs an email address.");
    if (auto other = findOne(db_, s, "email", a.email); other && other->id != a.id)
        return Error::conflict("email_taken", "That email address is already in use.");
    Poco::Int64 verified = a.emailVerified ? 1 : 0, lastStep = a.totpLastStep, loa = a.loa, updated = at,
                expected = a.version, next = a.version + 1;
    std::string status = toString(a.status), factor = toString(a.secondFactor);
    Poco::Data::Statement st(s);
    st << db_.sql(
              "UPDATE accounts SET email = ?, email_verified = ?, pending_email = ?, name = ?, preferred_name = ?, "
              "date_of_birth = ?, sex = ?, address_line1 = ?, address_line2 = ?, address_town = ?, "
              "address_postcode = ?, phone = ?, language = ?, password_hash = ?, status = ?, second_factor = ?, "
              "totp_secret = ?, totp_pending_secret = ?, totp_last_step = ?, loa = ?, updated_at = ?, version = ? "
              "WHERE id = ? AND version = ?"),
        use(a.email), use(verified), use(a.pendingEmail), use(a.name), use(a.preferredName), use(a.dateOfBirth),
        use(a.sex), use(a.address.line1), use(a.address.line2), use(a.address.town), use(a.address.postcode),
        use(a.phone), use(a.language), use(a.passwordHash), use(status), use(factor), use(a.totpSecret),
        use(a.totpPendingSecret), use(lastStep), use(loa), use(updated), use(next), use(a.id), use(expected);
    const std::size_t changed = st.execute();
    if (changed != 1)
        return Error::conflict("concurrent_update", "The account was changed by another request; reload and try again.");
    a.version = next;
    a.updatedAt = at;
    return {};
}

}  // namespace tessera::core
