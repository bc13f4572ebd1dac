#pragma once
// The authorization_codes table. A code is stored only as the SHA-256 of its value; marking it
// used is a conditional update, so of two concurrent exchanges of one code exactly one wins.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct AuthorizationCodeRecord {
    std::string codeHash;  // SHA-256 hex of the code
    std::string grantId;
    std::string serviceId;
    std::string accountId;
    std::string sid;
    std::string redirectUri;
    std::vector<std::string> scopes;
    std::vector<std::string> claims;
    std::string claimsRequest;
    std::string nonce;
    std::string codeChallenge;
    std::string codeChallengeMethod;
    std::string acr;
    std::vector<std::string> amr;
    std::int64_t authTime = 0;
    std::int64_t createdAt = 0;
    std::int64_t expiresAt = 0;
    std::int64_t usedAt = 0;  // 0: not yet exchanged
};

class AuthorizationCodeStore {
public:
    explicit AuthorizationCodeStore(store::Database& db) : db_(db) {}

    static std::string hashCode(const std::string& code);

    Status insert(Poco::Data::Session& s, const AuthorizationCodeRecord& record);
    std::optional<AuthorizationCodeRecord> findByCode(const std::string& code);
    // Marks the code used at `at` if nobody has: true for the one caller that did.
    bool markUsed(Poco::Data::Session& s, const std::string& codeHash, std::int64_t at);
    // Deletes codes that can matter no more: expired and never used, or used under a grant
    // that has ended (a used code is kept while its grant lives, so a replay still revokes it).
    int purge(std::int64_t now);

private:
    store::Database& db_;
};

}  // namespace tessera::core::oidc
