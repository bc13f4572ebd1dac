#include "core/terms/TermsService.h"

#include <map>
#include <set>

#include "core/terms/TermsSeed.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/ProfileChoices.h"

namespace tessera::core {

namespace {

const std::string kAcceptField(field::kAcceptTerms);

std::string describe(TermsKind kind) {
    switch (kind) {
        case TermsKind::TermsOfService: return "the terms of service";
        case TermsKind::PrivacyPolicy: return "the privacy policy";
        case TermsKind::DataCollection: return "the data-collection policy";
    }
    return "the terms";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

}  // namespace

Result<std::vector<TermsDocument>> TermsService::current(const std::string& language) {
    const std::string wanted = language.empty() ? std::string(kDefaultLanguage) : language;
    if (auto valid = validate::language(wanted); !valid) return valid.error();

    Poco::Data::Session s = ctx_.db.session();
    const auto inForce = store_.inForce(s, ctx_.clock.now());
    // Per kind: the wanted translation, else English, else whichever exists.
    std::map<TermsKind, const TermsDocument*> chosen;
    auto rank = [&](const TermsDocument& d) { return d.language == wanted ? 0 : d.language == kDefaultLanguage ? 1 : 2; };
    for (const auto& d : inForce) {
        auto it = chosen.find(d.kind);
        if (it == chosen.end() || rank(d) < rank(*it->second)) chosen[d.kind] = &d;
    }
    std::vector<TermsDocument> out;
    for (TermsKind kind : kAllTermsKinds)
        if (auto it = chosen.find(kind); it != chosen.end()) out.push_back(*it->second);
    return out;
}

Status TermsService::check(Poco::Data::Session& s, const std::vector<std::string>& termsIds, std::int64_t now) {
    const auto inForce = store_.inForce(s, now);
    if (termsIds.empty() && inForce.empty()) return {};  // nothing to accept (never seeded)
    if (termsIds.empty())
        return Error::field(kAcceptField, "required",
                            "Accept the terms of service, the privacy policy and the data-collection policy.");

    std::map<std::string, TermsKind> inForceIds;
    std::set<TermsKind> kindsInForce;
    for (const auto& d : inForce) {
        inForceIds.emplace(d.id, d.kind);
        kindsInForce.insert(d.kind);
    }
    std::set<TermsKind> accepted;
    for (const auto& id : termsIds) {
        auto it = inForceIds.find(id);
        if (it == inForceIds.end()) {
            if (store_.findById(s, id))
                return Error::field(kAcceptField, "not_current",
                                    "A document you accepted is not the version in force; read the current "
                                    "version and accept that one.");
            return Error::field(kAcceptField, "unknown_terms", "One of the documents you accepted does not exist.");
        }
        if (!accepted.insert(it->second).second)
            return Error::field(kAcceptField, "duplicate_kind",
                                "Accept one version of each document; " + describe(it->second) + " appears twice.");
    }
    for (TermsKind kind : kindsInForce)
        if (!accepted.count(kind)) return Error::field(kAcceptField, "incomplete", "Accept " + describe(kind) + " too.");
    return {};
}

Status TermsService::accept(Poco::Data::Session& s, const std::string& accountId,
                            const std::vector<std::string>& termsIds, std::int64_t now) {
    if (auto valid = check(s, termsIds, now); !valid) return valid;
    for (const auto& id : termsIds)
        if (auto recorded = store_.recordAcceptance(s, accountId, id, now); !recorded) return recorded;
    return {};
}

Status TermsService::acceptNow(const std::string& accountId, const std::vector<std::string>& termsIds,
                               const std::string& clientAddress) {
    return ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        if (auto accepted = accept(s, accountId, termsIds, ctx_.clock.now()); !accepted) return accepted;
        return ctx_.audit.append(s, {"terms.accepted", accountId, accountId, clientAddress, {{"terms", joined(termsIds)}}});
    });
}

bool TermsService::acceptanceRequired(const std::string& accountId) {
    const std::int64_t now = ctx_.clock.now();
    const std::int64_t maxAge = ctx_.settings.termsReacceptanceDays * 86400;
    Poco::Data::Session s = ctx_.db.session();
    for (const auto& entry : store_.acceptanceOfInForce(s, accountId, now)) {
        if (!entry.acceptedAt) return true;
        if (now - *entry.acceptedAt > maxAge) return true;
    }
    return false;
}

Status TermsService::seedIfEmpty() {
    auto seeded = ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        if (store_.count(s) > 0) return {};
        const std::int64_t now = ctx_.clock.now();
        for (const auto& d : initialTermsDocuments(now))
            if (auto inserted = store_.insert(s, d); !inserted) return inserted;
        return ctx_.audit.append(s, {"terms.seeded", "system", "terms", "", {{"version", "1"}}});
    });
    if (seeded) return seeded;
    // Another server process sharing the database may have seeded it at the same moment.
    Poco::Data::Session s = ctx_.db.session();
    if (store_.count(s) > 0) return {};
    return seeded;
}

Status seedTerms(Context& ctx) { return TermsService(ctx).seedIfEmpty(); }

}  // namespace tessera::core
