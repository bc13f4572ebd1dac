#pragma once
// The terms_documents and terms_acceptances tables. Every method takes the Poco::Data
// session to run on, so callers compose several writes into one Database::transaction.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/terms/TermsDocument.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// The version of one kind in force, and when an account last accepted it (in any translation).
struct InForceAcceptance {
    TermsKind kind = TermsKind::TermsOfService;
    std::int64_t version = 0;
    std::optional<std::int64_t> acceptedAt;  // nullopt: never accepted
};

class TermsStore {
public:
    explicit TermsStore(store::Database& db) : db_(db) {}

    // Conflict "terms_version_exists" when the kind already has that version in that language.
    Status insert(Poco::Data::Session& s, const TermsDocument& document);
    std::optional<TermsDocument> findById(Poco::Data::Session& s, const std::string& id);
    // Every translation of the version in force at `now`, for each kind that has one,
    // ordered by kind, then language.
    std::vector<TermsDocument> inForce(Poco::Data::Session& s, std::int64_t now);
    std::int64_t count(Poco::Data::Session& s);

    // Records that the account accepted the document at `at`; accepting the same document
    // again moves the time forward (the audit log keeps every acceptance).
    Status recordAcceptance(Poco::Data::Session& s, const std::string& accountId, const std::string& termsId,
                            std::int64_t at);
    // One entry per kind with a version in force at `now`. One query: it runs on every
    // authenticated request, for the re-acceptance check.
    std::vector<InForceAcceptance> acceptanceOfInForce(Poco::Data::Session& s, const std::string& accountId,
                                                       std::int64_t now);

private:
    store::Database& db_;
};

}  // namespace tessera::core
