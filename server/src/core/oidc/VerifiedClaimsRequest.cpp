#include "core/oidc/VerifiedClaimsRequest.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

namespace tessera::core::oidc {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Error bad(const std::string& message) { return Error::invalid("invalid_request", message); }

bool isObject(const Poco::Dynamic::Var& v) { return v.type() == typeid(Object::Ptr); }
bool isArray(const Poco::Dynamic::Var& v) { return v.type() == typeid(Array::Ptr); }

// null, or {essential?, purpose?, value?, values?, max_age?} as OIDC4IA §6 allows for an element.
Status checkElement(const std::string& where, const Poco::Dynamic::Var& v, bool dates) {
    if (v.isEmpty()) return {};
    if (!isObject(v)) return bad("In verified_claims, " + where + " must be null or an object.");
    const auto o = v.extract<Object::Ptr>();
    auto wrong = [&](const std::string& member, const std::string& what) {
        return bad("In verified_claims, " + member + " in " + where + " must be " + what + ".");
    };
    if (o->has("essential") && !o->get("essential").isBoolean()) return wrong("essential", "true or false");
    if (o->has("purpose")) {
        const auto p = o->get("purpose");
        const std::size_t length = p.isString() ? p.convert<std::string>().size() : 0;
        if (length < 3 || length > 300) return wrong("purpose", "a text of 3 to 300 characters");
    }
    if (o->has("value") && !o->get("value").isString()) return wrong("value", "a string");
    if (o->has("values")) {
        const auto values = o->get("values");
        bool ok = isArray(values) && values.extract<Array::Ptr>()->size() > 0;
        for (std::size_t i = 0; ok && i < values.extract<Array::Ptr>()->size(); ++i)
            ok = values.extract<Array::Ptr>()->get(unsigned(i)).isString();
        if (!ok) return wrong("values", "a non-empty array of strings");
    }
    if (o->has("max_age")) {
        if (!dates) return bad("In verified_claims, only dates and times take a max_age (not " + where + ").");
        const auto m = o->get("max_age");
        if (!m.isInteger() || m.convert<Poco::Int64>() < 0) return wrong("max_age", "a number of seconds (0 or more)");
    }
    return {};
}

Status checkEvidence(const Poco::Dynamic::Var& v) {
    if (!isArray(v)) return bad("In verified_claims, verification.evidence must be an array of evidence filters.");
    const auto list = v.extract<Array::Ptr>();
    if (list->size() == 0 || list->size() > 8)
        return bad("In verified_claims, verification.evidence must hold 1 to 8 evidence filters.");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto item = list->get(unsigned(i));
        if (!isObject(item)) return bad("In verified_claims, each verification.evidence filter must be an object.");
        const auto filter = item.extract<Object::Ptr>();
        const auto type = filter->get("type");
        // OIDC4IA §6.2: each filter names its type with value (never values).
        if (!isObject(type) || !type.extract<Object::Ptr>()->get("value").isString() ||
            type.extract<Object::Ptr>()->has("values"))
            return bad("In verified_claims, each verification.evidence filter must name its type as "
                       "{type: {value: document}} (or electronic_record, vouch, electronic_signature).");
    }
    return {};
}

Status checkVerification(const Poco::Dynamic::Var& v) {
    if (!isObject(v)) return bad("verified_claims must have a verification object (naming at least trust_framework).");
    const auto o = v.extract<Object::Ptr>();
    if (!o->has("trust_framework"))
        return bad("In verified_claims, verification must name trust_framework (null, or with the values you accept).");
    if (Status s = checkElement("verification.trust_framework", o->get("trust_framework"), false); !s) return s;
    if (o->has("assurance_level"))
        if (Status s = checkElement("verification.assurance_level", o->get("assurance_level"), false); !s) return s;
    if (o->has("time"))
        if (Status s = checkElement("verification.time", o->get("time"), true); !s) return s;
    if (o->has("evidence"))
        if (Status s = checkEvidence(o->get("evidence")); !s) return s;
    return {};
}

Status checkClaims(const Poco::Dynamic::Var& v) {
    if (!isObject(v) || v.extract<Object::Ptr>()->size() == 0)
        return bad("verified_claims must have a claims object naming at least one claim (for example "
                   "{given_name: null}).");
    const auto o = v.extract<Object::Ptr>();
    std::vector<std::string> names;
    o->getNames(names);
    for (const auto& name : names) {
        if (name.empty() || name.size() > 128) return bad("In verified_claims, a claim has no or too long a name.");
        if (Status s = checkElement("each claim in claims", o->get(name), false); !s) return s;
    }
    return {};
}

Status checkOne(const Poco::Dynamic::Var& v) {
    if (!isObject(v)) return bad("The claims parameter's verified_claims must be an object or an array of objects.");
    const auto o = v.extract<Object::Ptr>();
    for (const auto& member : *o)
        if (member.first != "verification" && member.first != "claims")
            return bad("verified_claims may contain only verification and claims.");
    if (Status s = checkVerification(o->get("verification")); !s) return s;
    return checkClaims(o->get("claims"));
}

std::optional<VerifiedClaimsQuery> queryFrom(const Poco::Dynamic::Var& v) {
    if (!checkOne(v)) return std::nullopt;
    const auto o = v.extract<Object::Ptr>();
    VerifiedClaimsQuery q;
    q.verification = o->getObject("verification");
    q.claims = o->getObject("claims");
    q.claims->getNames(q.claimNames);
    return q;
}

}  // namespace

Status checkVerifiedClaimsRequest(const Poco::Dynamic::Var& request) {
    if (!isArray(request)) return checkOne(request);
    const auto list = request.extract<Array::Ptr>();
    if (list->size() == 0 || list->size() > kMaxVerifiedClaimsRequests)
        return bad("The claims parameter's verified_claims array must hold 1 to " +
                   std::to_string(kMaxVerifiedClaimsRequests) + " requests.");
    for (std::size_t i = 0; i < list->size(); ++i)
        if (Status s = checkOne(list->get(unsigned(i))); !s) return s;
    return {};
}

std::optional<VerifiedClaimsRequest> verifiedClaimsRequestIn(const std::string& claimsRequest,
                                                             const std::string& member) {
    if (claimsRequest.empty()) return std::nullopt;
    try {
        const auto root = Poco::JSON::Parser().parse(claimsRequest).extract<Object::Ptr>();
        const auto requests = root ? root->getObject(member) : nullptr;
        if (!requests || !requests->has("verified_claims")) return std::nullopt;
        const auto value = requests->get("verified_claims");
        VerifiedClaimsRequest out;
        out.asArray = isArray(value);
        if (out.asArray) {
            const auto list = value.extract<Array::Ptr>();
            for (std::size_t i = 0; i < list->size() && i < kMaxVerifiedClaimsRequests; ++i)
                if (auto q = queryFrom(list->get(unsigned(i)))) out.queries.push_back(std::move(*q));
        } else if (auto q = queryFrom(value)) {
            out.queries.push_back(std::move(*q));
        }
        if (out.queries.empty()) return std::nullopt;
        return out;
    } catch (const std::exception&) {
        // The front channel checked the parameter; text that no longer parses asks for nothing.
        return std::nullopt;
    }
}

std::vector<std::string> verifiedClaimNamesIn(const std::string& claimsRequest) {
    std::vector<std::string> out;
    for (const char* member : {"userinfo", "id_token"}) {
        auto request = verifiedClaimsRequestIn(claimsRequest, member);
        if (!request) continue;
        for (const auto& q : request->queries)
            for (const auto& name : q.claimNames)
                if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    return out;
}

}  // namespace tessera::core::oidc
