#include "core/oidc/SigningKeyStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace tessera::core::oidc {

namespace {

const char* kColumns = "kid, alg, private_key, public_jwk, created_at, activates_at, retires_at, expires_at";

SigningKeyRecord fromRow(const Poco::Data::RecordSet& rs, std::size_t row) {
    SigningKeyRecord k;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, row).convert<std::string>(); };
    auto num = [&]() { return rs.value(i++, row).convert<Poco::Int64>(); };
    k.kid = str();
    k.alg = str();
    k.sealedPrivateKey = str();
    k.publicJwk = str();
    k.createdAt = num();
    k.activatesAt = num();
    k.retiresAt = num();
    k.expiresAt = num();
    return k;
}

std::vector<SigningKeyRecord> rows(Poco::Data::Statement& st) {
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<SigningKeyRecord> out;
    for (std::size_t i = 0; i < rs.rowCount(); ++i) out.push_back(fromRow(rs, i));
    return out;
}

}  // namespace

void SigningKeyStore::lock(Poco::Data::Session& s) {
    if (db_.backend() == store::Backend::PostgreSQL) s << "LOCK TABLE signing_keys IN SHARE ROW EXCLUSIVE MODE", now;
}

Status SigningKeyStore::insert(Poco::Data::Session& s, const SigningKeyRecord& key) {
    SigningKeyRecord k = key;
    Poco::Int64 created = k.createdAt, activates = k.activatesAt, retires = k.retiresAt, expires = k.expiresAt;
    s << db_.sql(std::string("INSERT INTO signing_keys (") + kColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        use(k.kid), use(k.alg), use(k.sealedPrivateKey), use(k.publicJwk), use(created), use(activates),
        use(retires), use(expires), now;
    return {};
}

std::vector<SigningKeyRecord> SigningKeyStore::publishedForAlg(Poco::Data::Session& s, const std::string& alg,
                                                               std::int64_t at) {
    std::string a = alg;
    Poco::Int64 t = at;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns +
                  " FROM signing_keys WHERE alg = ? AND (expires_at = 0 OR expires_at > ?) ORDER BY activates_at, kid"),
        use(a), use(t);
    return rows(st);
}

std::vector<SigningKeyRecord> SigningKeyStore::published(std::int64_t at) {
    Poco::Data::Session s = db_.session();
    Poco::Int64 t = at;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns +
                  " FROM signing_keys WHERE expires_at = 0 OR expires_at > ? ORDER BY activates_at, kid"),
        use(t);
    return rows(st);
}

std::optional<SigningKeyRecord> SigningKeyStore::find(const std::string& kid) {
    Poco::Data::Session s = db_.session();
    std::string k = kid;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kColumns + " FROM signing_keys WHERE kid = ?"), use(k);
    auto found = rows(st);
    if (found.empty()) return std::nullopt;
    return found.front();
}

void SigningKeyStore::retireAt(Poco::Data::Session& s, const std::string& alg, std::int64_t at,
                               std::int64_t expiresAt) {
    std::string a = alg;
    Poco::Int64 t = at, t2 = at, expires = expiresAt;
    s << db_.sql("UPDATE signing_keys SET retires_at = ?, expires_at = ? "
                 "WHERE alg = ? AND (retires_at = 0 OR retires_at > ?)"),
        use(t), use(expires), use(a), use(t2), now;
}

int SigningKeyStore::purgeExpired(Poco::Data::Session& s, std::int64_t before) {
    Poco::Int64 t = before;
    Poco::Data::Statement st(s);
    st << db_.sql("DELETE FROM signing_keys WHERE expires_at <> 0 AND expires_at <= ?"), use(t);
    return int(st.execute());
}

}  // namespace tessera::core::oidc
