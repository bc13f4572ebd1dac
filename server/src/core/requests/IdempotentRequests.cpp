#include "core/requests/IdempotentRequests.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <chrono>
#include <thread>

#include "infra/Digest.h"
#include "infra/Random.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

// A placeholder's response column holds this prefix and a random nonce, so only the request
// that inserted it can complete or abandon it (another may take over a lapsed one).
constexpr std::string_view kPlaceholderPrefix = "in-flight:";

}  // namespace

Status IdempotentRequests::checkKey(std::string_view key) {
    if (key.empty() || key.size() > 255)
        return Error::invalid("idempotency_key_invalid", "The Idempotency-Key header must be 1 to 255 characters.");
    for (unsigned char c : key)
        if (c < 0x21 || c > 0x7e)
            return Error::invalid("idempotency_key_invalid",
                                  "The Idempotency-Key header may contain only visible ASCII characters, no spaces.");
    return {};
}

std::string IdempotentRequests::hashBody(std::string_view body) { return infra::digest::sha256Hex(body); }

std::string IdempotentRequests::scopeKeyOf(const IdempotencyScope& scope, std::string_view key) {
    // Length-prefixed parts, so no two different scopes can produce the same text.
    std::string text;
    for (std::string_view part : {std::string_view(scope.accountId), std::string_view(scope.method),
                                  std::string_view(scope.route), key}) {
        text += std::to_string(part.size());
        text += ':';
        text += part;
    }
    return infra::digest::sha256Hex(text);
}

std::optional<IdempotentRequests::Row> IdempotentRequests::read(const std::string& scopeKey) {
    Poco::Data::Session s = db_.session();
    std::string k = scopeKey;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT request_hash, status, response, expires_at FROM idempotent_requests WHERE scope_key = ?"),
        use(k);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    Row r;
    r.requestHash = rs.value(0, 0).convert<std::string>();
    r.status = rs.value(1, 0).convert<Poco::Int64>();
    r.response = rs.value(2, 0).convert<std::string>();
    r.expiresAt = rs.value(3, 0).convert<Poco::Int64>();
    return r;
}

Result<bool> IdempotentRequests::insertPlaceholder(const std::string& scopeKey, const std::string& requestHash,
                                                   const std::string& placeholder) {
    return db_.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
        std::string k = scopeKey, h = requestHash, p = placeholder;
        Poco::Int64 created = clock_.now(), expires = created + inFlight_;
        Poco::Data::Statement st(s);
        st << db_.sql("INSERT INTO idempotent_requests (scope_key, request_hash, status, response, created_at, "
                      "expires_at) VALUES (?, ?, 0, ?, ?, ?) ON CONFLICT (scope_key) DO NOTHING"),
            use(k), use(h), use(p), use(created), use(expires);
        return st.execute() == 1;
    });
}

Result<bool> IdempotentRequests::takeOverLapsed(const std::string& scopeKey, const std::string& requestHash,
                                                const std::string& placeholder, std::int64_t lapsedAt) {
    return db_.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
        std::string k = scopeKey, h = requestHash, p = placeholder;
        Poco::Int64 created = clock_.now(), expires = created + inFlight_, old = lapsedAt;
        Poco::Data::Statement st(s);
        // Guarded by the old expiry: of two requests taking over the same lapsed row, one wins.
        st << db_.sql("UPDATE idempotent_requests SET request_hash = ?, status = 0, response = ?, created_at = ?, "
                      "expires_at = ? WHERE scope_key = ? AND expires_at = ?"),
            use(h), use(p), use(created), use(expires), use(k), use(old);
        return st.execute() == 1;
    });
}

Result<IdempotentStart> IdempotentRequests::begin(const IdempotencyScope& scope, std::string_view key,
                                                  std::string_view requestHash, int waitMillis) {
    if (auto valid = checkKey(key); !valid) return valid.error();
    const std::string scopeKey = scopeKeyOf(scope, key), hash(requestHash);
    const std::string placeholder = std::string(kPlaceholderPrefix) + infra::random::token(16);
    // The wait for a running twin is real elapsed time, not the (injectable) wall clock.
    const auto giveUpAt = std::chrono::steady_clock::now() + std::chrono::milliseconds(waitMillis);
    for (;;) {
        auto inserted = insertPlaceholder(scopeKey, hash, placeholder);
        if (!inserted) return inserted.error();
        if (*inserted) return IdempotentStart{IdempotencyToken{scopeKey, hash, placeholder}};
        auto row = read(scopeKey);
        if (row && row->expiresAt <= clock_.now()) {
            // A stored answer past its 24 h, or the placeholder of a request that died mid-action.
            auto taken = takeOverLapsed(scopeKey, hash, placeholder, row->expiresAt);
            if (!taken) return taken.error();
            if (*taken) return IdempotentStart{IdempotencyToken{scopeKey, hash, placeholder}};
            row = read(scopeKey);
        }
        if (row && row->requestHash != hash)
            return Error::conflict("idempotency_key_reused",
                                   "This Idempotency-Key was already used for a different request. Use a new key "
                                   "for a new request.");
        if (row && row->status != 0) return IdempotentStart{Replay{{int(row->status), row->response}}};
        // Still running elsewhere (or freed and retaken in between): wait a little for its answer.
        if (std::chrono::steady_clock::now() >= giveUpAt)
            return Error::conflict("request_in_progress",
                                   "The same request is still being processed. Repeat it in a moment to get its "
                                   "answer.");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

Status IdempotentRequests::complete(Poco::Data::Session& s, const IdempotencyToken& token, int status,
                                    std::string_view body) {
    if (status < 100 || status > 599) return Error::internal("An HTTP status must be between 100 and 599.");
    std::string k = token.scopeKey, p = token.placeholder, b(body);
    Poco::Int64 code = status, expires = clock_.now() + ttl_;
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE idempotent_requests SET status = ?, response = ?, expires_at = ? "
                  "WHERE scope_key = ? AND status = 0 AND response = ?"),
        use(code), use(b), use(expires), use(k), use(p);
    if (st.execute() != 1)
        return Error::conflict("request_in_progress",
                               "The request took too long and was taken over by a repeat of it; nothing was changed.");
    return {};
}

void IdempotentRequests::abandon(const IdempotencyToken& token) {
    auto done = db_.transaction<void>([&](Poco::Data::Session& s) -> Status {
        std::string k = token.scopeKey, p = token.placeholder;
        s << db_.sql("DELETE FROM idempotent_requests WHERE scope_key = ? AND status = 0 AND response = ?"), use(k),
            use(p), now;
        return {};
    });
    (void)done;  // if the delete fails, the placeholder lapses after inFlightSeconds anyway
}

int IdempotentRequests::purgeExpired() {
    auto done = db_.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
        Poco::Int64 t = clock_.now();
        Poco::Data::Statement st(s);
        st << db_.sql("DELETE FROM idempotent_requests WHERE expires_at <= ?"), use(t);
        return int(st.execute());
    });
    return done ? *done : 0;
}

}  // namespace tessera::core
