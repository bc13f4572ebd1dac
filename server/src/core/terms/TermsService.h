#pragma once
// The terms a citizen must accept (terms of service, privacy policy, data-collection
// policy): which versions are in force, recording acceptance, and whether an account must
// accept again because a newer version took effect or its last acceptance is too old.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/terms/TermsDocument.h"
#include "core/terms/TermsStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class TermsService {
public:
    explicit TermsService(Context& ctx) : ctx_(ctx), store_(ctx.db) {}

    // The document of each kind in force now, in `language` where it is translated, else in
    // English. Field error "language" (not_supported) for a language we have no catalogue for.
    Result<std::vector<TermsDocument>> current(const std::string& language);

    // Checks that termsIds name exactly one document in force of every kind (any translation
    // of it); field errors on "acceptTerms": required, unknown_terms, not_current,
    // duplicate_kind, incomplete. Reads only.
    Status check(Poco::Data::Session& s, const std::vector<std::string>& termsIds, std::int64_t now);
    // check(), then records the acceptance inside the caller's transaction.
    Status accept(Poco::Data::Session& s, const std::string& accountId, const std::vector<std::string>& termsIds,
                  std::int64_t now);
    // accept() in a transaction of its own, audited as "terms.accepted" (re-acceptance).
    Status acceptNow(const std::string& accountId, const std::vector<std::string>& termsIds,
                     const std::string& clientAddress);

    // True when a kind's version in force was never accepted by the account, or was accepted
    // longer ago than settings.termsReacceptanceDays. Database failures throw (the request
    // then fails with 500 rather than slipping past the check).
    bool acceptanceRequired(const std::string& accountId);

    // Creates version 1 of every kind in en, fr and gd when the table is empty.
    Status seedIfEmpty();

private:
    Context& ctx_;
    TermsStore store_;
};

// Start-up hook: the first version of every document, if none exists yet.
Status seedTerms(Context& ctx);

}  // namespace tessera::core
