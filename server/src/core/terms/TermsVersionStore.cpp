#include "core/terms/TermsVersionStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <deque>

#include "core/terms/TermsDraft.h"
#include "core/terms/TermsRow.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

std::optional<std::int64_t> optionalNumber(Poco::Data::Statement& st) {
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0 || rs.isNull(0, 0)) return std::nullopt;
    return std::int64_t(rs.value(0, 0).convert<Poco::Int64>());
}

}  // namespace

std::vector<TermsDocument> TermsVersionStore::list(Poco::Data::Session& s, const TermsListFilter& filter,
                                                   std::size_t limit, const std::optional<TermsCursor>& after) {
    // Bound values must stay where they are until the statement runs: a deque never moves them.
    std::deque<std::string> texts;
    std::deque<Poco::Int64> numbers;
    std::string where;
    std::vector<Poco::Data::AbstractBinding::Ptr> binds;
    auto text = [&](const std::string& v) { binds.push_back(use(texts.emplace_back(v))); };
    auto number = [&](std::int64_t v) { binds.push_back(use(numbers.emplace_back(v))); };
    auto clause = [&](const std::string& c) { where += (where.empty() ? " WHERE " : " AND ") + c; };
    if (filter.kind) {
        clause("kind = ?");
        text(toString(*filter.kind));
    }
    if (!filter.language.empty()) {
        clause("language = ?");
        text(filter.language);
    }
    if (after) {
        clause("(version < ? OR (version = ? AND (kind > ? OR (kind = ? AND language > ?))))");
        number(after->version);
        number(after->version);
        text(after->kind);
        text(after->kind);
        text(after->language);
    }
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kTermsColumns + " FROM terms_documents" + where +
                  " ORDER BY version DESC, kind, language LIMIT " + std::to_string(limit));
    for (auto& b : binds) st.addBind(b);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<TermsDocument> out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row)
        if (auto d = termsDocumentFromRow(rs, row)) out.push_back(std::move(*d));
    return out;
}

std::int64_t TermsVersionStore::highestPublishedVersion(Poco::Data::Session& s, TermsKind kind) {
    std::string k = toString(kind);
    Poco::Int64 draft = kDraftEffectiveAt;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT MAX(version) FROM terms_documents WHERE kind = ? AND effective_at <> ?"), use(k), use(draft);
    return optionalNumber(st).value_or(0);
}

std::optional<std::int64_t> TermsVersionStore::publishedEffectiveAt(Poco::Data::Session& s, TermsKind kind,
                                                                    std::int64_t version) {
    std::string k = toString(kind);
    Poco::Int64 v = version, draft = kDraftEffectiveAt;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT MIN(effective_at) FROM terms_documents WHERE kind = ? AND version = ? AND effective_at <> ?"),
        use(k), use(v), use(draft);
    return optionalNumber(st);
}

std::optional<std::int64_t> TermsVersionStore::latestEffectiveBelow(Poco::Data::Session& s, TermsKind kind,
                                                                    std::int64_t version) {
    std::string k = toString(kind);
    Poco::Int64 v = version, draft = kDraftEffectiveAt;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT MAX(effective_at) FROM terms_documents WHERE kind = ? AND version < ? AND effective_at <> ?"),
        use(k), use(v), use(draft);
    return optionalNumber(st);
}

std::map<TermsKind, std::int64_t> TermsVersionStore::versionsInForce(Poco::Data::Session& s, std::int64_t now) {
    Poco::Int64 t = now;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT kind, MAX(version) FROM terms_documents WHERE effective_at <= ? GROUP BY kind"), use(t);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::map<TermsKind, std::int64_t> out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row)
        if (auto kind = termsKindFrom(rs.value(0, row).convert<std::string>()))
            out[*kind] = rs.value(1, row).convert<Poco::Int64>();
    return out;
}

bool TermsVersionStore::updateDraftText(Poco::Data::Session& s, const TermsDocument& before, const TermsDocument& after) {
    std::string id = before.id, title = after.title, body = after.body, summary = after.summaryOfChanges;
    std::string oldTitle = before.title, oldBody = before.body, oldSummary = before.summaryOfChanges;
    Poco::Int64 draft = kDraftEffectiveAt;
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE terms_documents SET title = ?, body = ?, summary_of_changes = ? WHERE id = ? AND "
                  "effective_at = ? AND title = ? AND body = ? AND summary_of_changes = ?"),
        use(title), use(body), use(summary), use(id), use(draft), use(oldTitle), use(oldBody), use(oldSummary);
    return st.execute() == 1;
}

bool TermsVersionStore::publish(Poco::Data::Session& s, const std::string& id, std::int64_t effectiveAt) {
    std::string key = id;
    Poco::Int64 at = effectiveAt, draft = kDraftEffectiveAt;
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE terms_documents SET effective_at = ? WHERE id = ? AND effective_at = ?"), use(at), use(key),
        use(draft);
    return st.execute() == 1;
}

bool TermsVersionStore::deleteDraft(Poco::Data::Session& s, const std::string& id) {
    std::string key = id;
    Poco::Int64 draft = kDraftEffectiveAt;
    Poco::Data::Statement st(s);
    st << db_.sql("DELETE FROM terms_documents WHERE id = ? AND effective_at = ?"), use(key), use(draft);
    return st.execute() == 1;
}

}  // namespace tessera::core
