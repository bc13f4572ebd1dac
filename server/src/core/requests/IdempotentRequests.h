#pragma once
// Idempotency-Key on non-repeatable POSTs (DESIGN.md "Interfaces"): the first answer to a request
// is kept for 24 h and replayed when the same caller repeats it under the same key, so a client
// that lost the answer (a dropped connection, a workstation retrying from its outbox) can send
// it again without the action happening twice.
//
// Use:
//   auto begun = requests.begin(scope, key, IdempotentRequests::hashBody(body));
//   Replay  -> answer the stored status and body; nothing runs.
//   Proceed -> run the action in one transaction that also calls complete(session, token, ...),
//              so the stored answer commits with the change it reports (neither without the
//              other); if the action fails, call abandon(token) so a retry can run it.
//
// Two identical requests at the same moment: the first inserts a placeholder row (the key is
// the primary key, so exactly one insert wins); the other waits briefly for the answer and
// replays it, or answers Conflict "request_in_progress". A placeholder holds the key for
// inFlightSeconds only: a process that died mid-action does not block the key for a day.
// Only answers of completed actions are stored; an action that failed changed nothing and
// may be tried again under the same key.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "infra/Clock.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// Whose request and to what: a key is only ever compared within its scope.
struct IdempotencyScope {
    std::string accountId;  // the caller
    std::string method;     // "POST"
    std::string route;      // the route with its ids, e.g. "/api/v1/review/cases/abc/decision"
};

struct StoredResponse {
    int status = 0;
    std::string body;
};

// Permission to run the action once; complete() or abandon() it.
struct IdempotencyToken {
    std::string scopeKey;     // SHA-256 (hex) of the scope and the key
    std::string requestHash;  // of the body
    std::string placeholder;  // this request's mark on the row (only it may complete or abandon it)
};

struct Replay {
    StoredResponse response;
};

using IdempotentStart = std::variant<Replay, IdempotencyToken>;

class IdempotentRequests {
public:
    static constexpr std::int64_t kDefaultTtlSeconds = 24 * 60 * 60;
    static constexpr std::int64_t kDefaultInFlightSeconds = 60;

    IdempotentRequests(store::Database& db, infra::Clock& clock, std::int64_t ttlSeconds = kDefaultTtlSeconds,
                       std::int64_t inFlightSeconds = kDefaultInFlightSeconds)
        : db_(db), clock_(clock), ttl_(ttlSeconds), inFlight_(inFlightSeconds) {}

    // 1..255 visible ASCII characters (0x21-0x7E). Invalid "idempotency_key_invalid".
    static Status checkKey(std::string_view key);
    // SHA-256 (hex) of the request body as received: a different body under the same key is a
    // different request.
    static std::string hashBody(std::string_view body);

    // Invalid "idempotency_key_invalid"; Conflict "idempotency_key_reused" when the key was used
    // in this scope for a different body; Conflict "request_in_progress" when the same request
    // is still running elsewhere after waiting up to waitMillis for its answer.
    Result<IdempotentStart> begin(const IdempotencyScope& scope, std::string_view key, std::string_view requestHash,
                                  int waitMillis = 2000);
    // Stores the answer in the action's own transaction. Conflict "request_in_progress" when the
    // placeholder is no longer this request's (its lease lapsed and another took the key): the
    // action must then roll back.
    Status complete(Poco::Data::Session& s, const IdempotencyToken& token, int status, std::string_view body);
    // The action failed and changed nothing: frees the key for a retry. Idempotent.
    void abandon(const IdempotencyToken& token);
    // Deletes answers (and dead placeholders) past their expiry; returns how many.
    int purgeExpired();

    // The stored row's key for a scope and key (exposed for tests and diagnostics).
    static std::string scopeKeyOf(const IdempotencyScope& scope, std::string_view key);

private:
    struct Row {
        std::string requestHash;
        std::int64_t status = 0;  // 0: placeholder, the action is running
        std::string response;
        std::int64_t expiresAt = 0;
    };
    std::optional<Row> read(const std::string& scopeKey);
    Result<bool> insertPlaceholder(const std::string& scopeKey, const std::string& requestHash,
                                   const std::string& placeholder);
    Result<bool> takeOverLapsed(const std::string& scopeKey, const std::string& requestHash,
                                const std::string& placeholder, std::int64_t lapsedAt);

    store::Database& db_;
    infra::Clock& clock_;
    std::int64_t ttl_;
    std::int64_t inFlight_;
};

}  // namespace tessera::core
