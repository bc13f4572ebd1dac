#include "core/codes/OneTimeCodeStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "infra/Digest.h"
#include "infra/Random.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

std::string toString(CodePurpose p) {
    switch (p) {
        case CodePurpose::EmailVerification: return "email_verification";
        case CodePurpose::SignInEmail: return "sign_in_email";
        case CodePurpose::SecondFactorSetupEmail: return "second_factor_setup_email";
        case CodePurpose::PasswordReset: return "password_reset";
        case CodePurpose::EmailChange: return "email_change";
    }
    return "unknown";
}

namespace {

// Codes are short, so the hash is keyed with the row id and purpose: a leaked table cannot be
// matched against a precomputed list of all 10^6 codes at once.
std::string codeHash(const std::string& rowId, const std::string& purpose, const std::string& code) {
    return infra::digest::sha256Hex(rowId + ":" + purpose + ":" + code);
}

}  // namespace

Result<std::string> OneTimeCodeStore::issue(Poco::Data::Session& s, const std::string& accountId, CodePurpose purpose,
                                            const std::string& target, const CodePolicy& policy) {
    const std::int64_t t = clock_.now();
    std::string acc = accountId, p = toString(purpose);
    {
        Poco::Int64 since = t - 3600;
        Poco::Data::Statement st(s);
        st << db_.sql("SELECT created_at, used_at FROM one_time_codes WHERE account_id = ? AND purpose = ? "
                      "AND created_at > ? ORDER BY created_at DESC"),
            use(acc), use(p), use(since);
        st.execute();
        Poco::Data::RecordSet rs(st);
        if (rs.rowCount() > 0) {
            const std::int64_t newest = rs.value(0, 0).convert<Poco::Int64>();
            const bool newestSpent = rs.value(1, 0).convert<Poco::Int64>() != 0;
            // The interval stops a flood of mails while a code is still waiting to be used;
            // once it has been used (e.g. a sign-in, then sign-out), a new one may go at once.
            if (!newestSpent && t - newest < policy.resendIntervalSeconds)
                return Error::tooMany("resend_throttled", "A code was sent less than " +
                                                              std::to_string(policy.resendIntervalSeconds) +
                                                              " seconds ago; wait a moment before asking again.");
            if (int(rs.rowCount()) >= policy.maxPerHour)
                return Error::tooMany("resend_throttled",
                                      "Too many codes were sent in the last hour; try again later.");
        }
    }
    // Only the newest code of a purpose is valid: spend any earlier live one.
    Poco::Int64 spent = t;
    s << db_.sql("UPDATE one_time_codes SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at = 0"),
        use(spent), use(acc), use(p), now;

    std::string id = infra::random::id(), code = infra::random::digits(policy.digits), tgt = target;
    std::string hash = codeHash(id, p, code);
    Poco::Int64 created = t, expires = t + policy.lifetimeSeconds;
    s << db_.sql("INSERT INTO one_time_codes (id, account_id, purpose, code_hash, target, attempts, created_at, "
                 "expires_at, used_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, 0)"),
        use(id), use(acc), use(p), use(hash), use(tgt), use(created), use(expires), now;
    return code;
}

Result<std::string> OneTimeCodeStore::consume(const std::string& accountId, CodePurpose purpose,
                                              const std::string& code, const CodePolicy& policy) {
    // Its own transaction: a wrong attempt must count even if the caller's work rolls back.
    return db_.transaction<std::string>([&](Poco::Data::Session& s) -> Result<std::string> {
        const std::int64_t t = clock_.now();
        std::string acc = accountId, p = toString(purpose);
        Poco::Data::Statement st(s);
        st << db_.sql("SELECT id, code_hash, target, attempts, expires_at, used_at FROM one_time_codes "
                      "WHERE account_id = ? AND purpose = ? ORDER BY created_at DESC LIMIT 1"),
            use(acc), use(p);
        st.execute();
        Poco::Data::RecordSet rs(st);
        if (rs.rowCount() == 0) return Error::gone("code_missing", "No code is waiting; ask for a new one.");
        std::string id = rs.value(0, 0).convert<std::string>();
        const std::string stored = rs.value(1, 0).convert<std::string>();
        const std::string target = rs.value(2, 0).convert<std::string>();
        const std::int64_t attempts = rs.value(3, 0).convert<Poco::Int64>();
        const std::int64_t expiresAt = rs.value(4, 0).convert<Poco::Int64>();
        const std::int64_t usedAt = rs.value(5, 0).convert<Poco::Int64>();
        if (usedAt != 0) return Error::gone("code_used", "That code has already been used; ask for a new one.");
        if (t >= expiresAt) return Error::gone("code_expired", "That code has expired; ask for a new one.");
        if (attempts >= policy.maxAttempts)
            return Error::gone("code_used_up", "Too many wrong attempts for this code; ask for a new one.");

        const bool wellFormed = code.size() == policy.digits &&
                                code.find_first_not_of("0123456789") == std::string::npos;
        if (!wellFormed || !infra::digest::constantTimeEquals(codeHash(id, p, code), stored)) {
            Poco::Int64 next = attempts + 1;
            s << db_.sql("UPDATE one_time_codes SET attempts = ? WHERE id = ?"), use(next), use(id), now;
            s.commit();  // keep the count even though we answer with an error
            s.begin();
            const std::int64_t left = policy.maxAttempts - next;
            return Error::invalid("code_wrong", left > 0 ? "That code is not right. You have " + std::to_string(left) +
                                                               " more " + (left == 1 ? "try." : "tries.")
                                                         : "That code is not right, and no tries are left; ask for a new one.");
        }
        Poco::Int64 used = t;
        Poco::Data::Statement up(s);
        up << db_.sql("UPDATE one_time_codes SET used_at = ? WHERE id = ? AND used_at = 0"), use(used), use(id);
        if (up.execute() != 1) return Error::gone("code_used", "That code has already been used; ask for a new one.");
        return target;
    });
}

}  // namespace tessera::core
