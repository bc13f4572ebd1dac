#pragma once
// The append-only, hash-chained audit log: each entry's hash covers its fields and the
// previous entry's hash, so editing or deleting any row breaks verification from there on.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "infra/Clock.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct AuditEvent {
    std::string event;          // e.g. "account.registered", "signin.failed"
    std::string actor;          // account id (or "system", or empty when unknown)
    std::string subject;        // what it is about (account id, session public id ...)
    std::string clientAddress;  // the caller's IP, when there is one
    std::map<std::string, std::string> details;  // never secrets, codes or passwords
};

struct AuditEntry {
    std::int64_t seq = 0;
    std::int64_t at = 0;
    std::string event, actor, subject, clientAddress, details, prevHash, hash;
};

class AuditLog {
public:
    AuditLog(store::Database& db, infra::Clock& clock) : db_(db), clock_(clock) {}

    // Appends inside the caller's transaction, so the entry commits with the change it records.
    Status append(Poco::Data::Session& s, const AuditEvent& e);
    // Appends in a transaction of its own (for events without a data change, e.g. failed sign-in).
    Status append(const AuditEvent& e);

    // Walks the chain; returns the seq of the first entry that does not verify, or nullopt.
    std::optional<std::int64_t> firstBrokenEntry();
    std::vector<AuditEntry> entriesFor(const std::string& subject, std::size_t limit = 100);

    static std::string hashOf(const AuditEntry& e);

private:
    store::Database& db_;
    infra::Clock& clock_;
};

}  // namespace tessera::core
