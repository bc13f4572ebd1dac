#include "core/oidc/VerifiedClaims.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <initializer_list>
#include <set>

#include "core/oidc/IdentityAssurance.h"
#include "core/oidc/ReleasedClaims.h"
#include "tessera/shared/CalendarDate.h"

namespace tessera::core::oidc {

namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

bool isObject(const Var& v) { return v.type() == typeid(Object::Ptr); }
bool isArray(const Var& v) { return v.type() == typeid(Array::Ptr); }

// A request element (null or {essential, purpose, value, values, max_age}) rather than a
// structure to look into.
bool isElementRequest(const Var& v) {
    if (v.isEmpty()) return true;
    if (!isObject(v)) return false;
    static const std::set<std::string> element{"essential", "purpose", "value", "values", "max_age"};
    for (const auto& [name, value] : *v.extract<Object::Ptr>())
        if (!element.count(name)) return false;
    return true;
}

// Whether `actual` meets the element's value/values (an element without them accepts anything).
bool meetsValues(const Var& request, const Var& actual) {
    if (!isObject(request)) return true;
    const auto o = request.extract<Object::Ptr>();
    const bool hasValue = o->has("value"), hasValues = o->has("values");
    if (!hasValue && !hasValues) return true;
    if (!actual.isString()) return false;
    const std::string a = actual.convert<std::string>();
    if (hasValue && o->get("value").isString() && o->getValue<std::string>("value") == a) return true;
    if (hasValues)
        if (auto list = o->getArray("values"))
            for (std::size_t i = 0; i < list->size(); ++i)
                if (list->get(unsigned(i)).isString() && list->get(unsigned(i)).convert<std::string>() == a) return true;
    return false;
}

// Whether `at` is older than the element's max_age allows.
bool tooOld(const Var& request, std::int64_t at, std::int64_t now) {
    if (!isObject(request)) return false;
    const auto o = request.extract<Object::Ptr>();
    if (!o->has("max_age") || !o->get("max_age").isInteger()) return false;
    return now - at > o->get("max_age").convert<Poco::Int64>();
}

// `data` cut down to the members `wanted` names (OIDC4IA §6.2: the request is a template of
// the answer); `mandatory` members are kept whatever the template says.
Object::Ptr shaped(const Object& data, const Object& wanted, std::initializer_list<const char*> mandatory) {
    Object::Ptr out = new Object;
    for (const auto& [name, value] : data) {
        if (std::any_of(mandatory.begin(), mandatory.end(), [&](const char* m) { return name == m; })) {
            out->set(name, value);
            continue;
        }
        if (!wanted.has(name)) continue;
        const Var want = wanted.get(name);
        if (isElementRequest(want)) {
            out->set(name, value);
        } else if (isObject(want) && isObject(value)) {
            auto inner = shaped(*value.extract<Object::Ptr>(), *want.extract<Object::Ptr>(), {});
            if (inner->size() > 0) out->set(name, inner);
        } else if (isArray(want) && isArray(value)) {
            // check_details: each entry shaped by the first template entry (all of it without one).
            const auto templates = want.extract<Array::Ptr>();
            const Var first = templates->size() > 0 ? templates->get(0) : Var();
            Array::Ptr list = new Array;
            const auto items = value.extract<Array::Ptr>();
            for (std::size_t i = 0; i < items->size(); ++i) {
                const Var item = items->get(unsigned(i));
                if (isObject(item) && isObject(first))
                    list->add(shaped(*item.extract<Object::Ptr>(), *first.extract<Object::Ptr>(), {"check_method"}));
                else
                    list->add(item);
            }
            out->set(name, list);
        }
    }
    return out;
}

// The evidence a request's filters select, each shaped by the filter that selected it.
Array::Ptr selectedEvidence(const Array& evidence, const Array& filters) {
    Array::Ptr out = new Array;
    for (std::size_t i = 0; i < evidence.size(); ++i) {
        const auto e = evidence.getObject(unsigned(i));
        if (!e) continue;
        for (std::size_t j = 0; j < filters.size(); ++j) {
            const auto filter = filters.getObject(unsigned(j));
            const auto type = filter ? filter->getObject("type") : nullptr;
            if (!type || type->optValue<std::string>("value", "") != e->optValue<std::string>("type", "")) continue;
            // A document type constraint (document_details.type value/values) narrows the filter.
            const auto wantedDetails = filter->getObject("document_details");
            const auto details = e->getObject("document_details");
            if (wantedDetails && wantedDetails->has("type") &&
                !meetsValues(wantedDetails->get("type"), details ? details->get("type") : Var()))
                continue;
            out->add(shaped(*e, *filter, {"type"}));
            break;
        }
    }
    return out;
}

Object::Ptr answerOne(const VerifiedClaimsQuery& q, const VerifiedIdentity& identity,
                      const std::vector<std::string>& consented, const std::string& trustFramework, std::int64_t now) {
    const Object& wanted = *q.verification;
    if (!meetsValues(wanted.get("trust_framework"), trustFramework)) return nullptr;
    if (wanted.has("assurance_level") && !meetsValues(wanted.get("assurance_level"), identity.assuranceLevel))
        return nullptr;
    if (wanted.has("time") && tooOld(wanted.get("time"), identity.verifiedAt, now)) return nullptr;

    Object::Ptr released = new Object;
    const auto& supported = ida::claimsInVerifiedClaims();
    for (const auto& name : q.claimNames) {
        if (std::find(supported.begin(), supported.end(), name) == supported.end()) continue;
        if (!identity.claims->has(name)) continue;
        if (std::find(consented.begin(), consented.end(), claims::verifiedDetail(name)) == consented.end()) continue;
        const Var value = identity.claims->get(name);
        if (!meetsValues(q.claims->get(name), value)) continue;
        released->set(name, value);
    }
    if (released->size() == 0) return nullptr;

    Object::Ptr verification = new Object;
    verification->set("trust_framework", trustFramework);
    if (wanted.has("assurance_level")) verification->set("assurance_level", identity.assuranceLevel);
    if (wanted.has("time") && identity.verifiedAt > 0) verification->set("time", ida::utcDateTime(identity.verifiedAt));
    if (auto filters = wanted.getArray("evidence")) {
        auto evidence = selectedEvidence(*identity.evidence, *filters);
        if (evidence->size() > 0) verification->set("evidence", evidence);
    }
    Object::Ptr out = new Object;
    out->set("verification", verification);
    out->set("claims", released);
    return out;
}

}  // namespace

Var answerVerifiedClaims(const VerifiedClaimsRequest& request, const VerifiedIdentity& identity,
                         const std::vector<std::string>& consented, const std::string& trustFramework,
                         std::int64_t now) {
    if (identity.level == Loa::Loa0) return {};
    Array::Ptr answers = new Array;
    for (const auto& q : request.queries)
        if (auto answer = answerOne(q, identity, consented, trustFramework, now)) answers->add(answer);
    if (answers->size() == 0) return {};
    if (request.asArray) return answers;
    return answers->getObject(0);
}

void VerifiedClaims::addTo(Poco::JSON::Object& out, const Account& account, const std::string& claimsRequest,
                           const std::string& member, const std::vector<std::string>& consented) {
    const auto request = verifiedClaimsRequestIn(claimsRequest, member);
    if (!request) return;
    const auto identity = VerifiedIdentities(ctx_).of(account);
    if (!identity) return;
    const std::string& framework = ctx_.settings.assuranceTrustFramework;
    auto answer = answerVerifiedClaims(*request, *identity, consented,
                                       framework.empty() ? std::string(ida::kDefaultTrustFramework) : framework,
                                       ctx_.clock.now());
    if (!answer.isEmpty()) out.set("verified_claims", answer);
}

}  // namespace tessera::core::oidc
