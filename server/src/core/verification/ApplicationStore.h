#pragma once
// Verification applications, their document, media and history in the database. Personal
// fields (claims, document number and names, decision messages, notes) are sealed with the
// data key, bound to the row id. Writes take the caller's session so a service can combine
// them with an audit entry in one transaction. Read by the citizen's journey (core/verification)
// and the review workflow (core/review); the state rules themselves live in shared/ and in
// those services, not here.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/verification/VerificationApplication.h"
#include "infra/SecretBox.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class ApplicationStore {
public:
    ApplicationStore(store::Database& db, const infra::SecretBox& dataKey) : db_(db), key_(dataKey) {}

    Status insert(Poco::Data::Session& s, const VerificationApplication& a);
    // Writes every mutable column of `a` when the stored version is `a.version`, and bumps it
    // (a.version becomes the new version). Conflict "application_changed" when someone else
    // changed it first: the caller re-reads and decides again.
    Status update(Poco::Data::Session& s, VerificationApplication& a);
    std::optional<VerificationApplication> find(const std::string& id);
    std::optional<VerificationApplication> find(Poco::Data::Session& s, const std::string& id);
    // The account's newest application, whatever its state.
    std::optional<VerificationApplication> latestFor(const std::string& accountId);
    // The account's application that is not yet settled (draft, submitted, in review, flagged).
    std::optional<VerificationApplication> openFor(Poco::Data::Session& s, const std::string& accountId);

    Status putDocument(Poco::Data::Session& s, const IdentityDocument& d);  // insert or replace
    std::optional<IdentityDocument> document(const std::string& applicationId);

    // Inserts or replaces the slot's row; returns the row it replaced (whose blob the caller removes
    // after commit).
    Result<std::optional<MediaItem>> putMedia(Poco::Data::Session& s, const MediaItem& m);
    std::vector<MediaItem> media(const std::string& applicationId);
    std::optional<MediaItem> mediaItem(const std::string& applicationId, const std::string& mediaId);
    Status deleteMedia(Poco::Data::Session& s, const std::string& applicationId);

    // Appends to the case history with the next seq; fills e.id, e.seq.
    Status appendEvent(Poco::Data::Session& s, CaseEvent& e);
    std::vector<CaseEvent> events(const std::string& applicationId);

private:
    store::Database& db_;
    const infra::SecretBox& key_;
};

}  // namespace tessera::core
