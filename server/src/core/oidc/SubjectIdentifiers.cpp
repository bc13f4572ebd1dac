#include "core/oidc/SubjectIdentifiers.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "core/services/UrlRules.h"
#include "infra/Random.h"

using namespace Poco::Data::Keywords;

namespace tessera::core::oidc {

namespace {

bool isPublic(const Service& service) { return service.subjectType == "public"; }

std::optional<std::string> storedSubject(store::Database& db, Poco::Data::Session& s, const std::string& accountId,
                                         const std::string& sector) {
    std::string account = accountId, sec = sector;
    Poco::Data::Statement st(s);
    st << db.sql("SELECT subject FROM subject_identifiers WHERE account_id = ? AND sector = ?"), use(account), use(sec);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    return rs.value(0, 0).convert<std::string>();
}

}  // namespace

std::string SubjectIdentifiers::sectorOf(const Service& service) {
    if (!service.sectorIdentifier.empty()) return urls::hostOf(service.sectorIdentifier);
    // The validator makes a pairwise service without a sector identifier keep its redirect
    // URIs on one host (OpenID Connect Core §8.1).
    return service.redirectUris.empty() ? std::string() : urls::hostOf(service.redirectUris.front());
}

Result<std::string> SubjectIdentifiers::subjectFor(const std::string& accountId, const Service& service) {
    if (isPublic(service)) return accountId;
    const std::string sector = sectorOf(service);
    if (sector.empty())
        return Error::invalid("no_sector", "The service has neither a sector identifier nor a redirect URI, so it "
                                           "has no sector for pairwise subjects.");
    {
        Poco::Data::Session s = db_.session();
        if (auto known = storedSubject(db_, s, accountId, sector)) return *known;
    }
    return db_.transaction<std::string>([&](Poco::Data::Session& s) -> Result<std::string> {
        std::string account = accountId, sec = sector, subject = infra::random::id();
        Poco::Int64 at = clock_.now();
        // A concurrent first use inserts the same (account, sector): whoever is second keeps
        // the first one's subject.
        s << db_.sql("INSERT INTO subject_identifiers (account_id, sector, subject, created_at) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (account_id, sector) DO NOTHING"),
            use(account), use(sec), use(subject), use(at), now;
        if (auto stored = storedSubject(db_, s, accountId, sector)) return *stored;
        return Error::internal("The pairwise subject vanished while it was being created.");
    });
}

Result<std::string> SubjectIdentifiers::accountFor(const std::string& subject, const Service& service) {
    Poco::Data::Session s = db_.session();
    std::string sub = subject, sector = sectorOf(service);
    Poco::Data::Statement st(s);
    if (isPublic(service))
        st << db_.sql("SELECT id FROM accounts WHERE id = ?"), use(sub);
    else
        st << db_.sql("SELECT account_id FROM subject_identifiers WHERE sector = ? AND subject = ?"), use(sector), use(sub);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return Error::notFound("unknown_subject", "No citizen has this subject at this service.");
    return rs.value(0, 0).convert<std::string>();
}

}  // namespace tessera::core::oidc
