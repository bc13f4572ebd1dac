#include "core/terms/TermsStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <map>

#include "core/terms/TermsRow.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

Status TermsStore::insert(Poco::Data::Session& s, const TermsDocument& in) {
    TermsDocument d = in;
    std::string kind = toString(d.kind);
    Poco::Int64 version = d.version, effective = d.effectiveAt, created = d.createdAt, existing = 0;
    s << db_.sql("SELECT COUNT(*) FROM terms_documents WHERE kind = ? AND language = ? AND version = ?"), use(kind),
        use(d.language), use(version), into(existing), now;
    if (existing > 0)
        return Error::conflict("terms_version_exists", "This version of the document already exists in that language.");
    s << db_.sql(std::string("INSERT INTO terms_documents (") + kTermsColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(d.id), use(kind), use(d.language), use(version), use(d.title), use(d.body), use(d.summaryOfChanges),
        use(effective), use(created), now;
    return {};
}

std::optional<TermsDocument> TermsStore::findById(Poco::Data::Session& s, const std::string& id) {
    std::string key = id;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kTermsColumns + " FROM terms_documents WHERE id = ?"), use(key);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    return termsDocumentFromRow(rs, 0);
}

std::vector<TermsDocument> TermsStore::inForce(Poco::Data::Session& s, std::int64_t at) {
    Poco::Int64 t = at;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kTermsColumns +
                  " FROM terms_documents WHERE effective_at <= ? ORDER BY kind, version DESC, language"),
        use(t);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::map<TermsKind, std::int64_t> newest;  // the first row of a kind has its highest version
    std::vector<TermsDocument> out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
        auto d = termsDocumentFromRow(rs, row);
        if (!d) continue;
        auto [it, first] = newest.emplace(d->kind, d->version);
        if (first || it->second == d->version) out.push_back(std::move(*d));
    }
    return out;
}

std::int64_t TermsStore::count(Poco::Data::Session& s) {
    Poco::Int64 n = 0;
    s << "SELECT COUNT(*) FROM terms_documents", into(n), now;
    return n;
}

Status TermsStore::recordAcceptance(Poco::Data::Session& s, const std::string& accountId, const std::string& termsId,
                                    std::int64_t at) {
    std::string account = accountId, terms = termsId;
    Poco::Int64 t = at;
    // ON CONFLICT ... DO UPDATE reads the same on SQLite (3.24+) and PostgreSQL.
    s << db_.sql("INSERT INTO terms_acceptances (account_id, terms_id, accepted_at) VALUES (?, ?, ?) "
                 "ON CONFLICT (account_id, terms_id) DO UPDATE SET accepted_at = excluded.accepted_at"),
        use(account), use(terms), use(t), now;
    return {};
}

std::vector<InForceAcceptance> TermsStore::acceptanceOfInForce(Poco::Data::Session& s, const std::string& accountId,
                                                               std::int64_t at) {
    std::string account = accountId;
    Poco::Int64 t = at;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT d.kind, d.version, MAX(a.accepted_at) FROM terms_documents d "
                  "LEFT JOIN terms_acceptances a ON a.terms_id = d.id AND a.account_id = ? "
                  "WHERE d.effective_at <= ? GROUP BY d.kind, d.version"),
        use(account), use(t);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::map<TermsKind, InForceAcceptance> newest;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
        auto kind = termsKindFrom(rs.value(0, row).convert<std::string>());
        if (!kind) continue;
        InForceAcceptance entry;
        entry.kind = *kind;
        entry.version = rs.value(1, row).convert<Poco::Int64>();
        if (!rs.isNull(2, row)) entry.acceptedAt = rs.value(2, row).convert<Poco::Int64>();
        auto it = newest.find(*kind);
        if (it == newest.end() || it->second.version < entry.version) newest[*kind] = entry;
    }
    std::vector<InForceAcceptance> out;
    for (auto& [kind, entry] : newest) out.push_back(entry);
    return out;
}

}  // namespace tessera::core
