#include "core/oidc/ConsentService.h"

#include <algorithm>

#include "core/oidc/Scope.h"
#include "infra/Digest.h"

namespace tessera::core::oidc {

namespace {

std::vector<std::string> unionOf(std::vector<std::string> held, const std::vector<std::string>& more) {
    for (const auto& item : more)
        if (std::find(held.begin(), held.end(), item) == held.end()) held.push_back(item);
    return held;
}

AuditEvent eventFor(const std::string& name, const ConsentAnswer& a) {
    AuditEvent e;
    e.event = name;
    e.actor = a.accountId;
    e.subject = a.accountId;
    e.clientAddress = a.clientAddress;
    e.details = {{"serviceId", a.service->id},
                 {"clientId", a.service->clientId},
                 {"scope", scope::join(a.scopes)},
                 {"claims", scope::join(a.claims)},
                 {"language", a.language},
                 {"session", a.sessionPublicId}};
    return e;
}

}  // namespace

std::pair<std::string, std::string> consentTextFor(const Service& service, const std::string& language) {
    for (const auto& wanted : {language, std::string("en")}) {
        auto it = service.consentText.find(wanted);
        if (it != service.consentText.end() && !it->second.empty()) return *it;
    }
    for (const auto& entry : service.consentText)
        if (!entry.second.empty()) return entry;
    return {};
}

std::optional<Consent> ConsentService::inForce(const std::string& accountId, const std::string& serviceId) {
    auto found = store_.find(accountId, serviceId);
    if (!found || !found->inForce()) return std::nullopt;
    return found;
}

Result<Consent> ConsentService::give(const ConsentAnswer& answer) {
    if (!answer.service) return Error::internal("a consent needs its service");
    return ctx_.db.transaction<Consent>([&](Poco::Data::Session& s) -> Result<Consent> {
        const std::int64_t now = ctx_.clock.now();
        Consent c;
        auto earlier = store_.find(s, answer.accountId, answer.service->id);
        if (earlier && earlier->inForce()) {
            c = *earlier;
            c.scopes = unionOf(c.scopes, answer.scopes);
            c.claims = unionOf(c.claims, answer.claims);
        } else {
            c.accountId = answer.accountId;
            c.serviceId = answer.service->id;
            c.scopes = answer.scopes;
            c.claims = answer.claims;
            c.grantedAt = now;
        }
        c.language = answer.language;
        c.textHash = infra::digest::sha256Hex(answer.textShown);
        c.updatedAt = now;
        c.withdrawnAt = 0;
        store_.save(s, c);
        if (auto audited = ctx_.audit.append(s, eventFor("consent.given", answer)); !audited) return audited.error();
        return c;
    });
}

Status ConsentService::refuse(const ConsentAnswer& answer) {
    if (!answer.service) return Error::internal("a refusal needs its service");
    return ctx_.audit.append(eventFor("consent.refused", answer));
}

}  // namespace tessera::core::oidc
