#include "core/review/CaseDetail.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "core/review/DocumentExpiry.h"
#include "core/review/ReviewerAccess.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

constexpr std::size_t kRegisterResultsShown = 50;

// A JSON array of {"field", "matched"} objects, or of matched field names. Anything else
// (an older or foreign format) shows as no fields rather than failing the whole view.
std::vector<FieldCheck> fieldChecksFrom(const Poco::JSON::Array::Ptr& array) {
    std::vector<FieldCheck> out;
    if (!array) return out;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto value = array->get(i);
        if (value.isString()) {
            out.push_back({value.convert<std::string>(), true});
        } else if (auto o = array->getObject(i)) {
            out.push_back({o->optValue<std::string>("field", ""), o->optValue<bool>("matched", false)});
        }
    }
    return out;
}

std::vector<FieldCheck> fieldChecksFrom(const std::string& json) {
    if (json.empty()) return {};
    try {
        return fieldChecksFrom(Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>());
    } catch (const Poco::Exception&) {
        return {};
    } catch (const std::exception&) {
        return {};
    }
}

DocumentChecks checksOf(const IdentityDocument& d, std::int64_t now) {
    DocumentChecks c;
    c.documentType = d.documentType;
    c.expiryDate = d.expiryDate;
    if (auto lapses = documentLapsesAt(d.expiryDate)) {
        c.expired = now >= *lapses;
        // Whole days left while valid (0 on its last day), negative once lapsed.
        c.daysToExpiry = c.expired ? -((now - *lapses) / 86400 + 1) : (*lapses - now - 1) / 86400;
    } else {
        c.expired = true;  // an unreadable date cannot vouch for anything
    }
    if (!d.registerResult.empty()) {
        try {
            auto o = Poco::JSON::Parser().parse(d.registerResult).extract<Poco::JSON::Object::Ptr>();
            c.registerStatus = o->optValue<std::string>("status", "");
            c.registerFields = fieldChecksFrom(o->getArray("fields"));
        } catch (const std::exception&) {
            c.registerStatus = "unreadable";
        }
    }
    return c;
}

}  // namespace

std::vector<RegisterResult> CaseDetail::registerResultsFor(const std::string& accountId) {
    Poco::Data::Session s = ctx_.db.session();
    std::string account = accountId;
    Poco::Data::Statement st(s);
    st << ctx_.db.sql("SELECT check_kind, outcome, fields, checked_at FROM register_checks WHERE account_id = ? "
                      "ORDER BY checked_at DESC, id DESC LIMIT " + std::to_string(kRegisterResultsShown)),
        use(account);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<RegisterResult> out;
    for (std::size_t r = 0; r < rs.rowCount(); ++r) {
        RegisterResult result;
        result.kind = rs.value(0, r).convert<std::string>();
        result.outcome = rs.value(1, r).convert<std::string>();
        result.fields = fieldChecksFrom(rs.value(2, r).convert<std::string>());
        result.checkedAt = rs.value(3, r).convert<Poco::Int64>();
        out.push_back(std::move(result));
    }
    return out;
}

Result<CaseView> CaseDetail::view(const std::string& caseId, const Actor& reviewer) {
    if (auto rank = reviewerRank(ctx_, reviewer.accountId); !rank) return rank.error();
    CaseView v;
    {
        Poco::Data::Session s = ctx_.db.session();
        auto a = store_.find(s, caseId);
        if (auto isCase = checkIsCase(a); !isCase) return isCase.error();
        if (auto free = checkNoConflictOfInterest(ctx_, s, *a, reviewer.accountId); !free) return free.error();
        v.application = *a;
    }
    const std::int64_t now = ctx_.clock.now();
    v.full = holdsLiveClaim(v.application, reviewer.accountId, now);
    if (auto document = store_.document(caseId)) {
        v.documentChecks = checksOf(*document, now);
        if (v.full) v.document = std::move(document);
    }
    v.registerResults = registerResultsFor(v.application.accountId);
    v.media = store_.media(caseId);
    v.history = store_.events(caseId);
    if (v.full) {
        if (auto audited = ctx_.audit.append({"review.case_viewed", reviewer.accountId, caseId, reviewer.clientAddress, {}});
            !audited)
            return audited.error();  // no record of the access, no access
    } else {
        v.application.claims.clear();
        v.application.decisionMessage.clear();
        for (auto& e : v.history) e.note.clear();
    }
    return v;
}

}  // namespace tessera::core
