#include "core/assurance/PersonLinks.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "infra/Digest.h"
#include "infra/Encoding.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

std::optional<std::string> firstString(Poco::Data::Statement& st) {
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    return rs.value(0, 0).convert<std::string>();
}

Error alreadyLinked() {
    return Error::conflict("person_already_linked",
                           "These details are already linked to an identity record for another account.");
}

}  // namespace

PersonLinks::PersonLinks(store::Database& db, const infra::SecretBox& dataKey)
    : db_(db), hmacKey_(dataKey.deriveKey("person_links")) {}

std::string PersonLinks::keyFor(std::string_view personRef) const {
    return infra::encoding::hex(infra::digest::hmacSha256(hmacKey_, personRef));
}

Status PersonLinks::link(Poco::Data::Session& s, const std::string& accountId, std::string_view personRef,
                         std::int64_t at) {
    const std::string key = keyFor(personRef);
    if (auto owner = accountFor(s, personRef)) {
        if (*owner == accountId) return {};
        return alreadyLinked();
    }
    if (keyOf(s, accountId)) return alreadyLinked();
    std::string k = key, account = accountId;
    Poco::Int64 t = at;
    // A concurrent link of the same reference loses on the primary key and rolls back.
    s << db_.sql("INSERT INTO person_links (person_key, account_id, linked_at) VALUES (?, ?, ?)"), use(k),
        use(account), use(t), now;
    return {};
}

std::optional<std::string> PersonLinks::accountFor(Poco::Data::Session& s, std::string_view personRef) {
    std::string k = keyFor(personRef);
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT account_id FROM person_links WHERE person_key = ?"), use(k);
    return firstString(st);
}

std::optional<std::string> PersonLinks::keyOf(Poco::Data::Session& s, const std::string& accountId) {
    std::string a = accountId;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT person_key FROM person_links WHERE account_id = ?"), use(a);
    return firstString(st);
}

bool PersonLinks::unlink(Poco::Data::Session& s, const std::string& accountId) {
    std::string a = accountId;
    Poco::Data::Statement st(s);
    st << db_.sql("DELETE FROM person_links WHERE account_id = ?"), use(a);
    return st.execute() > 0;
}

}  // namespace tessera::core
