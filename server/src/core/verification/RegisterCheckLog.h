#pragma once
// The register_checks table: every register check an account makes, for the daily limit on
// attempts (settings.matchAttemptsPerDay per account and kind of check in any 24 hours) and
// for the record. Only field names and whether they matched are kept, never values. A check
// the register could not answer ("unavailable") does not count against the citizen.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/registers/MatchTypes.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

enum class CheckKind { VitalRecord, Address, KnownFact };
std::string_view toString(CheckKind kind);  // "vital_record", "address", "known_fact"

class RegisterCheckLog {
public:
    explicit RegisterCheckLog(store::Database& db) : db_(db) {}

    // outcome: matched | needs_fallback | no_match | duplicate | unavailable
    Status record(Poco::Data::Session& s, const std::string& accountId, CheckKind kind, std::string_view outcome,
                  const std::vector<FieldResult>& fields, std::int64_t at);
    // The times of the counted checks after `since`, oldest first.
    std::vector<std::int64_t> countedSince(Poco::Data::Session& s, const std::string& accountId, CheckKind kind,
                                           std::int64_t since);

private:
    store::Database& db_;
};

// JSON list of {field, matched}.
std::string fieldResultsJson(const std::vector<FieldResult>& fields);

}  // namespace tessera::core
