#include "core/oidc/ConsentStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>

#include "core/services/JsonText.h"

using namespace Poco::Data::Keywords;

namespace tessera::core::oidc {

namespace {

const char* kColumns =
    "account_id, service_id, scopes, claims, language, text_hash, granted_at, updated_at, withdrawn_at";

Consent fromRow(const Poco::Data::RecordSet& rs, std::size_t row) {
    Consent c;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, row).convert<std::string>(); };
    auto num = [&]() { return rs.value(i++, row).convert<Poco::Int64>(); };
    c.accountId = str();
    c.serviceId = str();
    c.scopes = json_text::toList(str());
    c.claims = json_text::toList(str());
    c.language = str();
    c.textHash = str();
    c.grantedAt = num();
    c.updatedAt = num();
    c.withdrawnAt = num();
    return c;
}

std::vector<Consent> consentsFrom(Poco::Data::Statement& st) {
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<Consent> out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) out.push_back(fromRow(rs, row));
    return out;
}

bool includesAll(const std::vector<std::string>& held, const std::vector<std::string>& wanted) {
    return std::all_of(wanted.begin(), wanted.end(),
                       [&](const std::string& w) { return std::find(held.begin(), held.end(), w) != held.end(); });
}

}  // namespace

bool Consent::covers(const std::vector<std::string>& wantedScopes, const std::vector<std::string>& wantedClaims) const {
    return inForce() && includesAll(scopes, wantedScopes) && includesAll(claims, wantedClaims);
}

std::optional<Consent> ConsentStore::find(Poco::Data::Session& s, const std::string& accountId,
                                          const std::string& serviceId) {
    std::string account = accountId, service = serviceId;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns + " FROM consents WHERE account_id = ? AND service_id = ?"),
        use(account), use(service);
    auto found = consentsFrom(st);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<Consent> ConsentStore::find(const std::string& accountId, const std::string& serviceId) {
    Poco::Data::Session s = db_.session();
    return find(s, accountId, serviceId);
}

void ConsentStore::save(Poco::Data::Session& s, const Consent& c) {
    std::string account = c.accountId, service = c.serviceId, scopes = json_text::fromList(c.scopes),
                claims = json_text::fromList(c.claims), language = c.language, textHash = c.textHash;
    Poco::Int64 granted = c.grantedAt, updated = c.updatedAt, withdrawn = c.withdrawnAt;
    // ON CONFLICT ... DO UPDATE reads the same on SQLite (3.24+) and PostgreSQL.
    s << db_.sql("INSERT INTO consents (account_id, service_id, scopes, claims, language, text_hash, granted_at, "
                 "updated_at, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT (account_id, service_id) DO UPDATE SET scopes = excluded.scopes, "
                 "claims = excluded.claims, language = excluded.language, text_hash = excluded.text_hash, "
                 "granted_at = excluded.granted_at, updated_at = excluded.updated_at, "
                 "withdrawn_at = excluded.withdrawn_at"),
        use(account), use(service), use(scopes), use(claims), use(language), use(textHash), use(granted),
        use(updated), use(withdrawn), now;
}

std::vector<Consent> ConsentStore::listInForce(const std::string& accountId) {
    std::string account = accountId;
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns +
                  " FROM consents WHERE account_id = ? AND withdrawn_at = 0 ORDER BY granted_at, service_id"),
        use(account);
    return consentsFrom(st);
}

bool ConsentStore::withdraw(Poco::Data::Session& s, const std::string& accountId, const std::string& serviceId,
                            std::int64_t at) {
    std::string account = accountId, service = serviceId;
    Poco::Int64 withdrawn = at, updated = at;
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE consents SET withdrawn_at = ?, updated_at = ? "
                  "WHERE account_id = ? AND service_id = ? AND withdrawn_at = 0"),
        use(withdrawn), use(updated), use(account), use(service);
    return st.execute() == 1;
}

}  // namespace tessera::core::oidc
