#include "core/auth/RecoveryCodes.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <cctype>

#include "infra/Digest.h"
#include "infra/Random.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";  // RFC 4648 base32: no 0/1/8/9
constexpr std::size_t kGroup = 4;

std::string codeHash(const std::string& accountId, const std::string& normalised) {
    return infra::digest::sha256Hex("tessera.recovery_code:" + accountId + ":" + normalised);
}

std::string newCode() {
    std::string out;
    for (std::size_t i = 0; i < RecoveryCodes::kLength; ++i) {
        if (i > 0 && i % kGroup == 0) out.push_back('-');
        out.push_back(kAlphabet[infra::random::uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
    }
    return out;
}

}  // namespace

std::string RecoveryCodes::normalise(std::string_view code) {
    std::string out;
    out.reserve(code.size());
    for (unsigned char c : code) {
        if (c == '-' || std::isspace(c)) continue;
        out.push_back(static_cast<char>(std::toupper(c)));
    }
    return out;
}

std::vector<std::string> RecoveryCodes::replace(Poco::Data::Session& s, const std::string& accountId) {
    std::string acc = accountId;
    s << ctx_.db.sql("DELETE FROM recovery_codes WHERE account_id = ?"), use(acc), now;
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < kCount; ++i) {
        std::string code = newCode();
        std::string id = infra::random::id(), hash = codeHash(accountId, normalise(code));
        s << ctx_.db.sql("INSERT INTO recovery_codes (id, account_id, code_hash, used_at) VALUES (?, ?, ?, 0)"), use(id),
            use(acc), use(hash), now;
        codes.push_back(std::move(code));
    }
    return codes;
}

bool RecoveryCodes::consume(Poco::Data::Session& s, const std::string& accountId, std::string_view code) {
    const std::string given = normalise(code);
    if (given.size() != kLength || given.find_first_not_of(kAlphabet) != std::string::npos) return false;
    const std::string hash = codeHash(accountId, given);

    std::string acc = accountId;
    Poco::Data::Statement st(s);
    st << ctx_.db.sql("SELECT id, code_hash FROM recovery_codes WHERE account_id = ? AND used_at = 0"), use(acc);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::string matchedId;
    // No early exit: the time taken does not tell which (or whether a) stored code matched.
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
        const std::string stored = rs.value(1, row).convert<std::string>();
        if (infra::digest::constantTimeEquals(stored, hash)) matchedId = rs.value(0, row).convert<std::string>();
    }
    if (matchedId.empty()) return false;

    Poco::Int64 usedAt = ctx_.clock.now();
    Poco::Data::Statement spend(s);
    spend << ctx_.db.sql("UPDATE recovery_codes SET used_at = ? WHERE id = ? AND used_at = 0"), use(usedAt),
        use(matchedId);
    return spend.execute() == 1;
}

std::size_t RecoveryCodes::remaining(Poco::Data::Session& s, const std::string& accountId) {
    std::string acc = accountId;
    Poco::Int64 n = 0;
    s << ctx_.db.sql("SELECT COUNT(*) FROM recovery_codes WHERE account_id = ? AND used_at = 0"), use(acc), into(n), now;
    return static_cast<std::size_t>(n);
}

std::size_t RecoveryCodes::remaining(const std::string& accountId) {
    Poco::Data::Session s = ctx_.db.session();
    return remaining(s, accountId);
}

}  // namespace tessera::core
