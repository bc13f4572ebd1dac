// Administration of connected services (admin role): list, create, read, update with
// If-Match, rotate the client secret, disable. Secrets appear once, in the answer that made them.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <set>

#include "core/services/ServiceRegistry.h"
#include "core/services/ServiceVocabulary.h"
#include "tessera/shared/ApiFields.h"
#include "web/Authorization.h"
#include "web/JsonBody.h"
#include "web/Respond.h"
#include "web/Services.h"
#include "web/oidc/HttpSectorIdentifierSource.h"
#include "web/oidc/ServiceJson.h"
#include "web/portal/Language.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

const std::string kBase = "/api/v1/admin/services";

std::optional<core::Actor> admin(Request& r, Services& services) {
    auto current = requireRole(r, services, core::Role::Admin);
    if (!current) return std::nullopt;
    return core::Actor{current->accountId, r.clientAddress};
}

// The registry checks sector identifiers against their sector files (OIDC Core §8.1), fetched
// over HTTP; one source (and its TLS context) serves every request.
core::ServiceRegistry registryFor(Services& services) {
    static const auto sectors = std::make_shared<oidc::HttpSectorIdentifierSource>();
    return core::ServiceRegistry(services, sectors);
}

std::string etagOf(const core::Service& s) { return "\"" + std::to_string(s.version) + "\""; }

void sendService(Request& r, int status, const core::Service& service, const std::string& clientSecret = {}) {
    Poco::JSON::Object body = oidc::serviceJson(service);
    if (!clientSecret.empty()) body.set("clientSecret", clientSecret);
    r.response.set("ETag", etagOf(service));
    sendJson(r, status, body);
}

// The versions an If-Match header names: strong tags "N" only (weak tags never match, RFC 9110
// §13.1.1); `any` for "*".
struct IfMatch {
    bool any = false;
    std::set<std::int64_t> versions;
};

IfMatch parseIfMatch(const std::string& header) {
    IfMatch m;
    std::size_t start = 0;
    while (start <= header.size()) {
        std::size_t end = header.find(',', start);
        if (end == std::string::npos) end = header.size();
        const std::string tag = Poco::trim(header.substr(start, end - start));
        start = end + 1;
        if (tag == "*") m.any = true;
        Poco::Int64 v = 0;
        if (tag.size() >= 3 && tag.front() == '"' && tag.back() == '"' &&
            Poco::NumberParser::tryParse64(tag.substr(1, tag.size() - 2), v))
            m.versions.insert(v);
    }
    return m;
}

void listServices(Request& r, Services& services) {
    if (!admin(r, services)) return;
    std::size_t limit = core::ServiceRegistry::kDefaultPageSize;
    if (auto text = r.queryParam(std::string(field::kLimit))) {
        unsigned value = 0;
        if (!Poco::NumberParser::tryParseUnsigned(*text, value) || value == 0 || value > core::ServiceRegistry::kMaxPageSize)
            return sendProblem(r, Error::field(std::string(field::kLimit), "out_of_range",
                                               "Must be a whole number from 1 to " +
                                                   std::to_string(core::ServiceRegistry::kMaxPageSize) + "."));
        limit = value;
    }
    auto page = registryFor(services).list(limit, r.queryParam(std::string(field::kAfter)).value_or(""));
    if (!page) return sendProblem(r, page.error());
    Poco::JSON::Array items;
    for (const auto& s : page->items) items.add(oidc::serviceJson(s));
    Poco::JSON::Object out;
    out.set(std::string(field::kItems), items);
    out.set(std::string(field::kNext), page->next.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(page->next));
    sendJson(r, 200, out);
}

Poco::JSON::Array texts(const std::vector<std::string>& items) {
    Poco::JSON::Array a;
    for (const auto& i : items) a.add(i);
    return a;
}

// The values a service may be given, so that a form offers choices rather than free text. The
// staff scope is left out: only the built-in workstation client may hold it.
void serviceVocabulary(Request& r, Services& services) {
    if (!admin(r, services)) return;
    namespace v = core::vocabulary;
    std::vector<std::string> scopes;
    for (const auto& s : v::knownScopes())
        if (s != v::kStaffScope) scopes.push_back(s);
    std::vector<std::string> languages;
    for (const auto& l : portal::portalLanguages()) languages.emplace_back(l.code);
    Poco::JSON::Object out;
    out.set("clientTypes", texts(v::knownClientTypes()));
    out.set("tokenEndpointAuthMethods", texts(v::knownAuthMethods()));
    out.set("grantTypes", texts(v::knownGrantTypes()));
    out.set("scopes", texts(scopes));
    out.set("claims", texts(v::knownClaims()));
    out.set("subjectTypes", texts(v::knownSubjectTypes()));
    out.set("idTokenAlgs", texts(v::knownSigningAlgs()));
    out.set("consentLanguages", texts(languages));
    r.response.set("Cache-Control", "no-store");
    sendJson(r, 200, out);
}

void createService(Request& r, Services& services) {
    auto actor = admin(r, services);
    if (!actor) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    core::ServiceChanges changes = oidc::serviceChangesFrom(*body);
    if (!changes.name && !body->object()->has("name")) body->addError("name", "required", "This field is required.");
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    auto created = registryFor(services).create(changes, *actor);
    if (!created) return sendProblem(r, created.error());
    r.response.set("Location", kBase + "/" + created->service.id);
    sendService(r, 201, created->service, created->clientSecret);
}

void readService(Request& r, Services& services) {
    if (!admin(r, services)) return;
    auto service = registryFor(services).get(r.param("id"));
    if (!service) return sendProblem(r, service.error());
    sendService(r, 200, *service);
}

void updateService(Request& r, Services& services) {
    auto actor = admin(r, services);
    if (!actor) return;
    const auto ifMatch = r.header("If-Match");
    if (!ifMatch)
        return sendProblem(r, 428, "precondition_required", "",
                           "Send If-Match with the ETag of the service you changed, so no one else's change is lost.");
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    core::ServiceChanges changes = oidc::serviceChangesFrom(*body);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());

    core::ServiceRegistry registry = registryFor(services);
    auto current = registry.get(r.param("id"));
    if (!current) return sendProblem(r, current.error());
    const IfMatch match = parseIfMatch(*ifMatch);
    if (!match.any && !match.versions.count(current->version))
        return sendProblem(r, 412, "precondition_failed", "",
                           "The service has changed since you read it (ETag " + etagOf(*current) +
                               "); fetch it again and repeat your change.");
    auto updated = registry.update(current->id, changes, current->version, *actor);
    if (!updated && updated.error().code == "version_mismatch")
        return sendProblem(r, 412, "precondition_failed", "", updated.error().message);
    if (!updated) return sendProblem(r, updated.error());
    sendService(r, 200, *updated);
}

void rotateSecret(Request& r, Services& services) {
    auto actor = admin(r, services);
    if (!actor) return;
    auto rotated = registryFor(services).rotateSecret(r.param("id"), *actor);
    if (!rotated) return sendProblem(r, rotated.error());
    sendService(r, 200, rotated->service, rotated->clientSecret);
}

void disableService(Request& r, Services& services) {
    auto actor = admin(r, services);
    if (!actor) return;
    auto disabled = registryFor(services).disable(r.param("id"), *actor);
    if (!disabled) return sendProblem(r, disabled.error());
    sendService(r, 200, *disabled);
}

}  // namespace

void registerAdminServiceRoutes(Router& router, Services& services) {
    router.get(kBase, [&services](Request& r) { listServices(r, services); });
    router.post(kBase, [&services](Request& r) { createService(r, services); });
    // Before "/{id}": the first route that matches answers.
    router.get(kBase + "/vocabulary", [&services](Request& r) { serviceVocabulary(r, services); });
    router.get(kBase + "/{id}", [&services](Request& r) { readService(r, services); });
    router.patch(kBase + "/{id}", [&services](Request& r) { updateService(r, services); });
    router.post(kBase + "/{id}/secret", [&services](Request& r) { rotateSecret(r, services); });
    router.post(kBase + "/{id}/disable", [&services](Request& r) { disableService(r, services); });
}

}  // namespace tessera::web
