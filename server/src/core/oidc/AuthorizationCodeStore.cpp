#include "core/oidc/AuthorizationCodeStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "core/oidc/Scope.h"
#include "core/services/JsonText.h"
#include "infra/Digest.h"

using namespace Poco::Data::Keywords;

namespace tessera::core::oidc {

std::string AuthorizationCodeStore::hashCode(const std::string& code) { return infra::digest::sha256Hex(code); }

Status AuthorizationCodeStore::insert(Poco::Data::Session& s, const AuthorizationCodeRecord& r) {
    std::string hash = r.codeHash, grantId = r.grantId, serviceId = r.serviceId, accountId = r.accountId, sid = r.sid;
    std::string redirect = r.redirectUri, scopeText = scope::join(r.scopes), claims = json_text::fromList(r.claims);
    std::string request = r.claimsRequest, nonce = r.nonce, challenge = r.codeChallenge,
                method = r.codeChallengeMethod, acr = r.acr, amr = json_text::fromList(r.amr);
    Poco::Int64 authTime = r.authTime, created = r.createdAt, expires = r.expiresAt, used = r.usedAt;
    s << db_.sql("INSERT INTO authorization_codes (code_hash, grant_id, service_id, account_id, sid, redirect_uri, "
                 "scope, claims, claims_request, nonce, code_challenge, code_challenge_method, acr, amr, auth_time, "
                 "created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(hash), use(grantId), use(serviceId), use(accountId), use(sid), use(redirect), use(scopeText), use(claims),
        use(request), use(nonce), use(challenge), use(method), use(acr), use(amr), use(authTime), use(created),
        use(expires), use(used), now;
    return {};
}

std::optional<AuthorizationCodeRecord> AuthorizationCodeStore::findByCode(const std::string& code) {
    Poco::Data::Session s = db_.session();
    std::string hash = hashCode(code);
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT code_hash, grant_id, service_id, account_id, sid, redirect_uri, scope, claims, "
                  "claims_request, nonce, code_challenge, code_challenge_method, acr, amr, auth_time, created_at, "
                  "expires_at, used_at FROM authorization_codes WHERE code_hash = ?"),
        use(hash);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, 0).convert<std::string>(); };
    auto num = [&]() { return std::int64_t(rs.value(i++, 0).convert<Poco::Int64>()); };
    AuthorizationCodeRecord r;
    r.codeHash = str();
    r.grantId = str();
    r.serviceId = str();
    r.accountId = str();
    r.sid = str();
    r.redirectUri = str();
    if (auto scopes = scope::parse(str())) r.scopes = std::move(*scopes);
    r.claims = json_text::toList(str());
    r.claimsRequest = str();
    r.nonce = str();
    r.codeChallenge = str();
    r.codeChallengeMethod = str();
    r.acr = str();
    r.amr = json_text::toList(str());
    r.authTime = num();
    r.createdAt = num();
    r.expiresAt = num();
    r.usedAt = num();
    return r;
}

bool AuthorizationCodeStore::markUsed(Poco::Data::Session& s, const std::string& codeHash, std::int64_t at) {
    std::string hash = codeHash;
    Poco::Int64 t = at;
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE authorization_codes SET used_at = ? WHERE code_hash = ? AND used_at = 0"), use(t), use(hash);
    return st.execute() == 1;
}

int AuthorizationCodeStore::purge(std::int64_t now) {
    auto done = db_.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
        Poco::Int64 t = now, t2 = now;
        Poco::Data::Statement st(s);
        st << db_.sql("DELETE FROM authorization_codes WHERE expires_at < ? AND (used_at = 0 OR grant_id IN "
                      "(SELECT id FROM grants WHERE revoked_at <> 0 OR expires_at < ?))"),
            use(t), use(t2);
        return int(st.execute());
    });
    return done ? *done : 0;
}

}  // namespace tessera::core::oidc
