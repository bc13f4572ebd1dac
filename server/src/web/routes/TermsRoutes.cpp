// The terms in force (public, so the sign-up form can show them) and accepting them again
// when a new version takes effect (allowed while acceptance is pending, or no one could).
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>

#include "core/terms/TermsService.h"
#include "tessera/shared/ApiFields.h"
#include "web/Authentication.h"
#include "web/JsonBody.h"
#include "web/Respond.h"
#include "web/Services.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

const std::string kLanguage(field::kLanguage), kAcceptTerms(field::kAcceptTerms);

std::string isoTime(std::int64_t unixSeconds) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(unixSeconds)),
                                           Poco::DateTimeFormat::ISO8601_FORMAT);
}

Poco::JSON::Object documentJson(const core::TermsDocument& d) {
    Poco::JSON::Object o;
    o.set(std::string(field::kId), d.id);
    o.set("kind", core::toString(d.kind));
    o.set(kLanguage, d.language);
    o.set("version", d.version);
    o.set(std::string(field::kTitle), d.title);
    o.set("body", d.body);
    o.set("summaryOfChanges", d.summaryOfChanges);
    o.set("effectiveAt", isoTime(d.effectiveAt));
    return o;
}

void currentTerms(Request& r, Services& services) {
    std::string language = r.queryParam(kLanguage).value_or("");
    if (language.empty()) language = "en";
    auto documents = core::TermsService(services).current(language);
    if (!documents) return sendProblem(r, documents.error());
    Poco::JSON::Array items;
    for (const auto& d : *documents) items.add(documentJson(d));
    Poco::JSON::Object out;
    out.set(kLanguage, language);
    out.set("documents", items);
    sendJson(r, 200, out);
}

void acceptTerms(Request& r, Services& services) {
    auto current = requireSession(r, services, {core::SessionStage::Authenticated}, /*allowTermsPending=*/true);
    if (!current) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({kAcceptTerms});
    const auto ids = body->requiredStringArray(kAcceptTerms, 10);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    auto accepted = core::TermsService(services).acceptNow(current->session.accountId, ids, r.clientAddress);
    if (!accepted) return sendProblem(r, accepted.error());
    sendNoContent(r);
}

}  // namespace

void registerTermsRoutes(Router& router, Services& services) {
    router.get("/api/v1/terms/current", [&services](Request& r) { currentTerms(r, services); });
    router.post("/api/v1/accounts/me/terms", [&services](Request& r) { acceptTerms(r, services); });
}

}  // namespace tessera::web
